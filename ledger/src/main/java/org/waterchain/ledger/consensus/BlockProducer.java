package org.waterchain.ledger.consensus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.waterchain.ledger.chain.Block;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.chain.EntryId;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.node.Receipt;
import org.waterchain.ledger.store.StoredEntry;
import org.waterchain.ledger.store.Tip;
import org.waterchain.ledger.validation.Violation;
import org.waterchain.ledger.value.ValueEntry;

/**
 * Cuts the entries submitted to this node into signed blocks of one chain and has them ordered. Two blocks
 * may be in flight, the second built on the first, so the next block's signatures are checked while the
 * previous one is written. A block refused as stale (another proposer got in first) returns its entries to
 * the queue in their original order; a submitter's future completes only when its entry is committed.
 */
public final class BlockProducer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BlockProducer.class);
    private static final int MAX_IN_FLIGHT = 2;
    public static final int MAX_BLOCK_ENTRIES = 4000;
    private static final int MAX_BLOCK_BYTES = RatisOrdering.MAX_PROPOSAL_BYTES / 2;
    private static final int MAX_ENTRY_BYTES = org.waterchain.ledger.validation.BlockApplier.MAX_ENTRY_BYTES;

    private final ChainId chain;
    private final KeyPair proposer;
    private final Ordering ordering;
    private final Supplier<Tip> appliedTip;
    private final Supplier<Long> clock;
    private final PriorityQueue<Pending> queue = new PriorityQueue<>(Comparator.comparingLong(Pending::order));
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final AtomicLong submitted = new AtomicLong();
    private final Thread thread;
    private Tip proposedTip;
    private int outstanding;
    private boolean resetNeeded = true;
    private volatile boolean running = true;

    private record Pending(long order, byte[] entry, CompletableFuture<Receipt> receipt) {}

    /** What became of one entry of an applied block, as this replica stored it. */
    public record Verdict(boolean valid, String reason) {}

    /** Finds a block this replica applied: its stored entries if the block with this hash stands at this height. */
    @FunctionalInterface
    public interface AppliedBlocks {
        Optional<List<StoredEntry>> entriesOf(ChainId chain, long height, byte[] hash);
    }

    private final AppliedBlocks applied;
    /** Works out, off the callback thread, what became of a block whose ordering reply was an error. */
    private final java.util.concurrent.ExecutorService resolver = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "producer-resolve");
        t.setDaemon(true);
        return t;
    });

    public BlockProducer(ChainId chain, KeyPair proposer, Ordering ordering, Supplier<Tip> appliedTip,
                         Supplier<Long> clock, AppliedBlocks applied) {
        this.applied = applied;
        this.chain = chain;
        this.proposer = proposer;
        this.ordering = ordering;
        this.appliedTip = appliedTip;
        this.clock = clock;
        this.thread = new Thread(this::run, "producer-" + chain.label());
        thread.setDaemon(true);
        thread.start();
    }

    public CompletableFuture<Receipt> submit(byte[] entry) {
        CompletableFuture<Receipt> f = new CompletableFuture<>();
        if (entry.length > MAX_ENTRY_BYTES) {
            f.completeExceptionally(new IllegalArgumentException("entry of " + entry.length + " bytes exceeds "
                    + MAX_ENTRY_BYTES + "; no valid entry is that large"));
            return f;
        }
        synchronized (this) {
            if (!running) {
                f.completeExceptionally(new IllegalStateException("the node is shutting down"));
                return f;
            }
            queue.add(new Pending(submitted.getAndIncrement(), entry, f));
            notifyAll();
        }
        return f;
    }

    public synchronized int queued() {
        return queue.size();
    }

    private void run() {
        while (running) {
            try {
                inFlight.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            List<Pending> batch = List.of();
            try {
                Block block;
                synchronized (this) {
                    while (running && (queue.isEmpty() || (resetNeeded && outstanding > 0))) {
                        wait(200);
                    }
                    if (!running) {
                        inFlight.release();
                        return;
                    }
                    if (resetNeeded) {
                        proposedTip = appliedTip.get();
                        resetNeeded = false;
                    }
                    batch = drain();
                    block = seal(batch);
                    outstanding++;
                }
                List<Pending> sent = batch;
                try {
                    ordering.order(block.encode()).whenComplete((reply, error) -> settle(block, sent, reply, error));
                } catch (RuntimeException e) {
                    settle(block, sent, null, e); // undoes outstanding and the permit, re-queues the batch
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                inFlight.release();
                return;
            } catch (RuntimeException e) {
                // sealing failed: a bug, not a state another try can cure; its submitters hear of it
                LOG.error("block producer of the {} chain failed", chain.label(), e);
                batch.forEach(p -> p.receipt().completeExceptionally(e));
                synchronized (this) {
                    resetNeeded = true;
                }
                inFlight.release();
            }
        }
    }

    private Block seal(List<Pending> batch) {
        List<byte[]> entries = new ArrayList<>(batch.size());
        batch.forEach(p -> entries.add(p.entry()));
        long time = Math.max(clock.get(), proposedTip.timeMs());
        Block block = Block.seal(chain, proposedTip.height() + 1, proposedTip.hash(), time, entries, proposer);
        proposedTip = new Tip(chain, block.header().height(), block.header().hash(), time);
        return block;
    }

    private List<Pending> drain() {
        List<Pending> batch = new ArrayList<>();
        int bytes = 0;
        while (!queue.isEmpty() && batch.size() < MAX_BLOCK_ENTRIES
                && (batch.isEmpty() || bytes + queue.peek().entry().length < MAX_BLOCK_BYTES)) {
            Pending p = queue.poll();
            bytes += p.entry().length + 4;
            batch.add(p);
        }
        return batch;
    }

    private void settle(Block block, List<Pending> batch, byte[] replyBytes, Throwable error) {
        ApplyReply reply = null;
        if (error == null) {
            try {
                reply = ApplyReply.decode(replyBytes);
            } catch (RuntimeException e) {
                error = e;
            }
        }
        if (reply != null && reply.applied()) {
            List<Verdict> verdicts = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                verdicts.add(new Verdict(reply.valid().get(i), reply.reasons().get(i)));
            }
            complete(batch, reply.height(), verdicts);
        } else if (isHalted(error)) {
            Throwable halted = error;
            batch.forEach(p -> p.receipt().completeExceptionally(halted));
        } else if (error != null || ApplyReply.ALREADY_APPLIED.equals(reply.rejectReason())) {
            // A timeout or a leader change may come after the block was committed: find out before retrying,
            // or the entries would be stored twice and their submitters told of the invalid second copies.
            Throwable cause = error != null ? error : new IllegalStateException(reply.rejectReason());
            resolver.execute(() -> {
                resolve(block, batch, cause);
                finish();
            });
            return;
        } else if (!isStale(reply.rejectReason())) {
            // Refused for what it is, not for when it came (e.g. this node's key is no validator): retrying
            // would loop forever, so its submitters hear why.
            LOG.warn("{} block #{} refused: {}", chain.label(), block.header().height(), reply.rejectReason());
            IllegalStateException refused = new IllegalStateException("block refused: " + reply.rejectReason());
            batch.forEach(p -> p.receipt().completeExceptionally(refused));
            markReset();
        } else {
            requeue(block, batch, reply.rejectReason());
        }
        finish();
    }

    private void resolve(Block block, List<Pending> batch, Throwable error) {
        Optional<List<Verdict>> stored = Optional.empty();
        try {
            ordering.barrier().get(60, java.util.concurrent.TimeUnit.SECONDS);
            stored = applied.entriesOf(chain, block.header().height(), block.header().hash())
                    .map(es -> es.stream().map(e -> new Verdict(e.valid(), e.reason())).toList());
        } catch (Exception e) {
            LOG.debug("cannot tell yet whether {} block #{} was applied", chain.label(), block.header().height(), e);
        }
        if (stored.isPresent() && stored.get().size() == batch.size()) {
            complete(batch, block.header().height(), stored.get());
            markReset();
        } else {
            requeue(block, batch, error.toString());
        }
    }

    private void complete(List<Pending> batch, long height, List<Verdict> verdicts) {
        for (int i = 0; i < batch.size(); i++) {
            byte[] entry = batch.get(i).entry();
            byte[] txid = chain == ChainId.VALUE ? ValueEntry.decode(entry).txid() : null;
            Verdict v = verdicts.get(i);
            batch.get(i).receipt().complete(new Receipt(chain, EntryId.of(entry), txid, height, i, v.valid(),
                    v.valid() ? null : v.reason()));
        }
    }

    private void requeue(Block block, List<Pending> batch, String why) {
        LOG.debug("{} block #{} not appended ({}); its {} entries go back to the queue", chain.label(),
                block.header().height(), why, batch.size());
        synchronized (this) {
            if (running) {
                queue.addAll(batch);
            } else {
                batch.forEach(p -> p.receipt().completeExceptionally(new IllegalStateException("node stopped")));
            }
            resetNeeded = true;
        }
    }

    private synchronized void markReset() {
        resetNeeded = true;
    }

    private void finish() {
        synchronized (this) {
            outstanding--;
            notifyAll();
        }
        inFlight.release();
    }

    private static boolean isHalted(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof LedgerHalted) {
                return true;
            }
        }
        return false;
    }

    /** Refusals that another try on the current tip can cure: another proposer got in first. */
    private static boolean isStale(String reason) {
        return reason.startsWith(Violation.Code.BLOCK_WRONG_HEIGHT.name())
                || reason.startsWith(Violation.Code.BLOCK_WRONG_PREVIOUS.name())
                || reason.startsWith(Violation.Code.BLOCK_TIME_BACKWARDS.name());
    }

    @Override
    public void close() {
        List<Pending> left;
        synchronized (this) {
            running = false;
            left = new ArrayList<>(queue);
            queue.clear();
            notifyAll();
        }
        thread.interrupt();
        resolver.shutdown();
        left.forEach(p -> p.receipt().completeExceptionally(new IllegalStateException("node stopped before ordering")));
    }

}
