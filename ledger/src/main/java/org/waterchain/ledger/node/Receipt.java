package org.waterchain.ledger.node;

import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.crypto.Hex;

/**
 * The acknowledgement of a submitted entry: it is ordered, applied and committed in the block named here,
 * valid or invalid with a reason. Once a receipt is given, the entry survives a crash of the node.
 */
public record Receipt(ChainId chain, byte[] entryId, byte[] txid, long height, int index, boolean valid, String reason) {
    public Receipt {
        entryId = entryId.clone();
        txid = txid == null ? null : txid.clone();
    }

    public String entryIdHex() {
        return Hex.of(entryId);
    }

    /** For a value-chain entry: the transaction id its outputs are spent by; null on the data chain. */
    public byte[] txid() {
        return txid == null ? null : txid.clone();
    }
}
