package org.waterchain.ledger.validation;

import static org.waterchain.ledger.validation.Violation.Code.*;

import org.waterchain.ledger.alarm.AlarmAction;
import org.waterchain.ledger.alarm.AlarmEvent;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.crypto.Address;
import org.waterchain.ledger.crypto.Hex;
import org.waterchain.ledger.registry.Registry;
import org.waterchain.ledger.store.LedgerDatabase;
import org.waterchain.ledger.value.ValueEntry;

/**
 * What an alarm journal entry must satisfy, in the order checked: one member's signature, fields in range, a
 * shelve that ends, and a named operator for the actions a person takes. The ledger does not replay the alarm
 * state machine: the journal records what the alarm system did, and the alarm system's rules live in the app.
 */
final class AlarmRules {
    private AlarmRules() {}

    static void apply(PreparedEntry p, Registry registry, LedgerDatabase db, long height, int idx) throws Violation {
        ValueEntry entry = (ValueEntry) p.entry();
        AlarmEvent event = (AlarmEvent) p.payload();
        if (db.validEntryExists(ChainId.VALUE, p.id())) {
            throw new Violation(DUPLICATE, "alarm event " + Hex.of(p.id()).substring(0, 16) + " is already on the chain");
        }
        if (entry.witnesses().size() != 1) {
            throw new Violation(MALFORMED, "an alarm event has exactly one signer, got " + entry.witnesses().size());
        }
        if (!p.signaturesValid()) {
            throw new Violation(BAD_SIGNATURE, "signature of the alarm event does not verify");
        }
        Address signer = entry.witnesses().get(0).address();
        if (registry.member(signer).isEmpty()) {
            throw new Violation(NOT_MEMBER, "alarm event signed by " + signer + ", who is not an alliance member");
        }
        checkData(event);
        if (event.action() == AlarmAction.SHELVE && event.shelvedUntilMs() <= event.eventTimeMs()) {
            throw new Violation(SHELVE_WITHOUT_EXPIRY, "shelve of " + event.alarmId() + " must end after "
                    + event.eventTimeMs() + ", got " + event.shelvedUntilMs());
        }
        if (event.action().needsOperator() && event.operator().isBlank()) {
            throw new Violation(OPERATOR_REQUIRED, event.action() + " of " + event.alarmId() + " names no operator");
        }
        db.insertAlarm(event, height, idx, p.id());
    }

    private static void checkData(AlarmEvent e) throws Violation {
        text(e.alarmId(), "alarm id", AlarmEvent.MAX_ALARM_ID_BYTES, false);
        text(e.source(), "source", AlarmEvent.MAX_SOURCE_BYTES, false);
        text(e.condition(), "condition", AlarmEvent.MAX_CONDITION_BYTES, false);
        text(e.operator(), "operator", AlarmEvent.MAX_OPERATOR_BYTES, true);
        text(e.comment(), "comment", AlarmEvent.MAX_COMMENT_BYTES, true);
        require(e.priority() >= AlarmEvent.PRIORITY_LOW && e.priority() <= AlarmEvent.PRIORITY_CRITICAL,
                "priority " + e.priority() + " is not 1 (low) to 4 (critical)");
        require(e.eventTimeMs() > 0, "event time " + e.eventTimeMs() + " is not after 1970");
        require(e.action() == AlarmAction.SHELVE || e.shelvedUntilMs() == 0,
                "shelved-until is set on a " + e.action() + " (only a SHELVE ends at a time)");
    }

    private static void text(String s, String what, int maxBytes, boolean mayBeEmpty) throws Violation {
        require(mayBeEmpty || !s.isBlank(), what + " is empty");
        int n = AlarmEvent.utf8Length(s);
        require(n <= maxBytes, what + " of " + n + " UTF-8 bytes exceeds " + maxBytes);
        require(s.chars().noneMatch(Character::isISOControl), what + " contains control characters");
    }

    private static void require(boolean ok, String detail) throws Violation {
        if (!ok) {
            throw new Violation(INVALID_ALARM_DATA, detail);
        }
    }
}
