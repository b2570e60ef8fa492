package org.waterchain.ledger.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.waterchain.ledger.chain.Block;
import org.waterchain.ledger.chain.EntryId;
import org.waterchain.ledger.chain.LedgerEntry;
import org.waterchain.ledger.chain.MerkleTree;
import org.waterchain.ledger.codec.DecodeException;
import org.waterchain.ledger.record.RecordEntry;
import org.waterchain.ledger.value.ValueEntry;

/**
 * Decodes entries and verifies every signature of a block on all cores. Signature checks are the bulk of
 * ingest and audit cost, and they need no state: a record entry carries its signer's key, and whether that
 * key belongs to the device is decided later, in order, by the applier.
 */
public final class BlockPreparer {
    private static final int PARALLEL_THRESHOLD = 64;
    private final ForkJoinPool pool;

    public BlockPreparer(ForkJoinPool pool) {
        this.pool = pool;
    }

    public static BlockPreparer onAllCores() {
        return new BlockPreparer(ForkJoinPool.commonPool());
    }

    public PreparedBlock prepare(Block block) {
        List<byte[]> raws = block.entries();
        PreparedEntry[] prepared = new PreparedEntry[raws.size()];
        if (raws.size() < PARALLEL_THRESHOLD) {
            for (int i = 0; i < prepared.length; i++) {
                prepared[i] = prepareEntry(block, raws.get(i));
            }
        } else {
            pool.submit(() -> IntStream.range(0, prepared.length).parallel()
                    .forEach(i -> prepared[i] = prepareEntry(block, raws.get(i)))).join();
        }
        List<byte[]> ids = new ArrayList<>(prepared.length);
        for (PreparedEntry e : prepared) {
            ids.add(e.id());
        }
        return new PreparedBlock(block, block.header().hash(), block.signatureValid(), MerkleTree.root(ids),
                Arrays.asList(prepared));
    }

    private static PreparedEntry prepareEntry(Block block, byte[] raw) {
        byte[] id = EntryId.of(raw);
        try {
            LedgerEntry e = LedgerEntry.decode(block.header().chain(), raw);
            if (e instanceof RecordEntry r) {
                return new PreparedEntry(raw, id, e, r.signed().record(), null, r.signed().signatureValid());
            }
            ValueEntry v = (ValueEntry) e;
            Object payload = v.isTransfer() ? v.transfer() : v.registryAction();
            return new PreparedEntry(raw, id, e, payload, null, v.witnessesValid());
        } catch (DecodeException | IllegalArgumentException ex) {
            return new PreparedEntry(raw, id, null, null, ex.getMessage(), false);
        }
    }
}
