package org.waterchain.app.alarm;

import java.util.ArrayList;
import java.util.List;

/** A journal that keeps transitions in a list: for tests, and for an alarm system with no ledger to write to. */
public final class InMemoryAlarmJournal implements AlarmJournal {
    private final List<AlarmTransition> transitions = new ArrayList<>();

    @Override
    public synchronized void append(AlarmTransition transition) {
        transitions.add(transition);
    }

    public synchronized List<AlarmTransition> transitions() {
        return List.copyOf(transitions);
    }

    @Override
    public synchronized JournalStatus status() {
        return new JournalStatus(transitions.size(), 0, 0, null);
    }
}
