package org.waterchain.ledger.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 *
 * <p>Its own worker threads take chunks of a block, and the caller blocks until they are done. (Joining a
 * parallel stream from outside a fork/join pool spins in {@code helpComplete}: a third of a core wasted.)
 */
public final class BlockPreparer {
    private static final int CHUNK = 128;
    private static final BlockPreparer SHARED = new BlockPreparer(Runtime.getRuntime().availableProcessors());

    private final ExecutorService workers;
    private final int threads;

    public BlockPreparer(int threads) {
        this.threads = threads;
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ledger-verify");
            t.setDaemon(true);
            return t;
        });
    }

    /** One preparer per JVM is enough: its threads are the cores. */
    public static BlockPreparer onAllCores() {
        return SHARED;
    }

    public PreparedBlock prepare(Block block) {
        List<byte[]> raws = block.entries();
        PreparedEntry[] prepared = new PreparedEntry[raws.size()];
        if (raws.size() <= CHUNK || threads == 1) {
            prepareRange(block, raws, prepared, 0, prepared.length);
        } else {
            List<Future<?>> parts = new ArrayList<>();
            for (int from = 0; from < prepared.length; from += CHUNK) {
                int start = from;
                int end = Math.min(prepared.length, from + CHUNK);
                parts.add(workers.submit(() -> prepareRange(block, raws, prepared, start, end)));
            }
            for (Future<?> f : parts) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while verifying a block", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("verifying a block failed", e.getCause());
                }
            }
        }
        List<byte[]> ids = new ArrayList<>(prepared.length);
        for (PreparedEntry e : prepared) {
            ids.add(e.id());
        }
        return new PreparedBlock(block, block.header().hash(), block.signatureValid(), MerkleTree.root(ids),
                Arrays.asList(prepared));
    }

    private static void prepareRange(Block block, List<byte[]> raws, PreparedEntry[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = prepareEntry(block, raws.get(i));
        }
    }

    private static PreparedEntry prepareEntry(Block block, byte[] raw) {
        byte[] id = EntryId.of(raw);
        try {
            LedgerEntry e = LedgerEntry.decode(block.header().chain(), raw);
            if (e instanceof RecordEntry r) {
                return new PreparedEntry(raw, id, e, r.signed().record(), null, r.signed().signatureValid());
            }
            ValueEntry v = (ValueEntry) e;
            Object payload = v.isTransfer() ? v.transfer() : v.isAlarm() ? v.alarmEvent() : v.registryAction();
            return new PreparedEntry(raw, id, e, payload, null, v.witnessesValid());
        } catch (DecodeException | IllegalArgumentException ex) {
            return new PreparedEntry(raw, id, null, null, ex.getMessage(), false);
        }
    }
}
