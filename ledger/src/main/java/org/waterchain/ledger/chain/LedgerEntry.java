package org.waterchain.ledger.chain;

import org.waterchain.ledger.codec.DecodeException;
import org.waterchain.ledger.record.RecordEntry;
import org.waterchain.ledger.value.ValueEntry;

/** An entry of either chain, in its canonical encoding. The first byte names its type. */
public interface LedgerEntry {
    int TYPE_RECORD = 1;
    int TYPE_TRANSFER = 16;
    int TYPE_REGISTRY = 17;
    int TYPE_ALARM = 18;

    ChainId chain();

    byte[] encode();

    default byte[] id() {
        return EntryId.of(encode());
    }

    static LedgerEntry decode(ChainId chain, byte[] bytes) {
        if (bytes.length == 0) {
            throw new DecodeException("entry: empty");
        }
        int type = bytes[0] & 0xFF;
        return switch (chain) {
            case DATA -> {
                if (type != TYPE_RECORD) {
                    throw new DecodeException("entry type " + type + " does not belong on the data chain");
                }
                yield RecordEntry.decode(bytes);
            }
            case VALUE -> {
                if (type != TYPE_TRANSFER && type != TYPE_REGISTRY && type != TYPE_ALARM) {
                    throw new DecodeException("entry type " + type + " does not belong on the value chain");
                }
                yield ValueEntry.decode(bytes);
            }
        };
    }
}
