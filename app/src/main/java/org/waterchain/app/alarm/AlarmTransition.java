package org.waterchain.app.alarm;

import org.waterchain.ledger.alarm.AlarmAction;
import org.waterchain.ledger.alarm.AlarmEvent;

/**
 * What the alarm system hands its journal at every transition: the ledger's alarm event without a nonce (the
 * journal that signs it picks one). Fields are within the ledger's limits by construction of the engine.
 */
public record AlarmTransition(String alarmId, AlarmAction action, String source, String condition, AlarmPriority priority,
        double value, long timeMs, String operator, String comment, long shelvedUntilMs) {
    public AlarmEvent toEvent(long nonce) {
        return new AlarmEvent(nonce, alarmId, action, source, condition, priority.code(), value, timeMs, operator,
                comment, shelvedUntilMs);
    }
}
