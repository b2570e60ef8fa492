package org.waterchain.ledger.alarm;

import org.waterchain.ledger.crypto.Address;

/**
 * An alarm event as the value chain holds it: the event, the block and place it stands in, its entry id (for a
 * Merkle proof) and the member whose key signed it (the node that journaled it in the operator's name).
 */
public record JournaledAlarm(AlarmEvent event, long height, int index, byte[] entryId, Address signer) {
    public JournaledAlarm {
        entryId = entryId.clone();
    }

    @Override
    public byte[] entryId() {
        return entryId.clone();
    }
}
