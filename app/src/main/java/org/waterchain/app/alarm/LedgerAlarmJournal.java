package org.waterchain.app.alarm;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.node.LedgerNode;
import org.waterchain.ledger.node.Receipt;
import org.waterchain.ledger.value.ValueEntry;

/**
 * Journals alarm transitions on the value chain: each becomes an alarm entry signed by the node's key in the
 * operator's name (the operator is a field of the signed body). Submission does not wait: receipts are counted
 * as they come, and a refusal is logged once and shown in the status, never thrown at the alarm system, which
 * must go on annunciating even when the ledger cannot take its journal.
 */
public final class LedgerAlarmJournal implements AlarmJournal {
    private static final System.Logger LOG = System.getLogger(LedgerAlarmJournal.class.getName());
    private static final SecureRandom NONCES = new SecureRandom();

    private final LedgerNode node;
    private final KeyPair key;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicBoolean logged = new AtomicBoolean();
    private volatile String lastProblem;

    public LedgerAlarmJournal(LedgerNode node, KeyPair key) {
        this.node = node;
        this.key = key;
    }

    @Override
    public void append(AlarmTransition t) {
        ValueEntry entry;
        try {
            entry = ValueEntry.signed(t.toEvent(NONCES.nextLong()), key);
        } catch (RuntimeException e) {
            problem(t, e.getMessage());
            return;
        }
        pending.incrementAndGet();
        try {
            node.submit(entry).whenComplete((Receipt r, Throwable error) -> {
                pending.decrementAndGet();
                if (error != null) {
                    problem(t, error.getMessage());
                } else if (!r.valid()) {
                    problem(t, r.reason());
                } else {
                    written.incrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            pending.decrementAndGet();
            problem(t, e.getMessage());
        }
    }

    private void problem(AlarmTransition t, String why) {
        refused.incrementAndGet();
        lastProblem = t.action() + " of " + t.alarmId() + " not journaled: " + why;
        if (logged.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, lastProblem + " (further problems only in the alarm screen's status)");
        }
    }

    @Override
    public JournalStatus status() {
        return new JournalStatus(written.get(), pending.get(), refused.get(), lastProblem);
    }
}
