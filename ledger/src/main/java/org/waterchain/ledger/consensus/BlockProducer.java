package org.waterchain.ledger.consensus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    public BlockProducer(ChainId chain, KeyPair proposer, Ordering ordering, Supplier<Tip> appliedTip,
                         Supplier<Long> clock) {
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
            for (int i = 0; i < batch.size(); i++) {
                boolean valid = reply.valid().get(i);
                byte[] entry = batch.get(i).entry();
                byte[] txid = chain == ChainId.VALUE ? ValueEntry.decode(entry).txid() : null;
                batch.get(i).receipt().complete(new Receipt(chain, EntryId.of(entry), txid, reply.height(), i,
                        valid, valid ? null : reply.reasons().get(i)));
            }
        } else if (isHalted(error)) {
            Throwable halted = error;
            batch.forEach(p -> p.receipt().completeExceptionally(halted));
        } else if (error == null && !isStale(reply.rejectReason())) {
            // Refused for what it is, not for when it came (e.g. this node's key is no validator): retrying
            // would loop forever, so its submitters hear why.
            LOG.warn("{} block #{} refused: {}", chain.label(), block.header().height(), reply.rejectReason());
            IllegalStateException refused = new IllegalStateException("block refused: " + reply.rejectReason());
            batch.forEach(p -> p.receipt().completeExceptionally(refused));
            synchronized (this) {
                resetNeeded = true;
            }
        } else {
            LOG.debug("{} block #{} not appended ({}); its {} entries go back to the queue", chain.label(),
                    block.header().height(), error != null ? error.toString() : reply.rejectReason(), batch.size());
            synchronized (this) {
                if (running) {
                    queue.addAll(batch);
                } else {
                    batch.forEach(p -> p.receipt().completeExceptionally(new IllegalStateException("node stopped")));
                }
                resetNeeded = true;
            }
        }
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
        left.forEach(p -> p.receipt().completeExceptionally(new IllegalStateException("node stopped before ordering")));
    }

}
