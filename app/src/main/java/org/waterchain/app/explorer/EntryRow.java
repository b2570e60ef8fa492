package org.waterchain.app.explorer;

import org.waterchain.ledger.store.StoredEntry;

/**
 * One line of the entries table: where the entry stands, what it is, a one-line summary and its verdict. Keeps
 * the stored entry for the detail pane and the inclusion proof. Immutable (the entry's arrays are never written).
 */
public record EntryRow(StoredEntry entry, String place, String kind, String summary, String verdict, String idHex) {
    public boolean valid() {
        return entry.valid();
    }
}
