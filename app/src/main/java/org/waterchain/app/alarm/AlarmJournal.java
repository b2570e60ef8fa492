package org.waterchain.app.alarm;

/**
 * Where the alarm system writes its transitions (raise, acknowledge, shelve, return to normal...). The app's
 * journal signs them onto the ledger; tests keep them in memory. Called on the alarm system's own thread,
 * in order; must not block.
 */
public interface AlarmJournal {
    void append(AlarmTransition transition);

    /** How the writing goes, for the status line. */
    JournalStatus status();

    /**
     * @param written     transitions the ledger accepted
     * @param pending     submitted, no receipt yet
     * @param refused     refused by the ledger or not submitted (the last problem says why)
     * @param lastProblem null when nothing went wrong
     */
    record JournalStatus(long written, long pending, long refused, String lastProblem) {}
}
