package org.waterchain.ledger.consensus;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.statemachine.impl.SimpleStateMachineStorage;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.waterchain.ledger.chain.Block;
import org.waterchain.ledger.codec.DecodeException;
import org.waterchain.ledger.validation.ApplyOutcome;
import org.waterchain.ledger.validation.PreparedBlock;

/**
 * The Ratis state machine of a replica. Each committed log entry is a block proposal. Preparation
 * (decoding, signature checks on all cores) starts as soon as Ratis hands an entry over; applying runs on
 * one thread in log order, chained so that a block prepared early still waits for its predecessor.
 * Entries at or below the index stored in SQLite were applied before a restart and are skipped.
 */
final class LedgerStateMachine extends BaseStateMachine {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerStateMachine.class);

    private final LedgerEngine engine;
    private final SimpleStateMachineStorage storage = new SimpleStateMachineStorage();
    private final ExecutorService applyThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ledger-apply");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService prepareThreads = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "ledger-prepare");
        t.setDaemon(true);
        return t;
    });
    /** Completes receipts and barriers off the apply thread, so a caller's callback can never block it. */
    private final ExecutorService notifier = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ledger-receipts");
        t.setDaemon(true);
        return t;
    });
    /** Set when applying failed: this replica stops applying (fail-stop) rather than diverge. */
    private volatile Throwable fatal;
    private final long appliedBeforeStart;
    private CompletableFuture<?> lastApply = CompletableFuture.completedFuture(null);
    /**
     * Raft index this replica's state has reached, and the futures waiting for an index (receipts, barriers).
     * Both change under one lock: with a lock-free hand-off a waiter added while the applier released its
     * index was dropped, and a receipt never completed.
     */
    private final Object waiterLock = new Object();
    private long appliedIndex = -1;
    private final java.util.TreeMap<Long, java.util.List<CompletableFuture<Void>>> waiters = new java.util.TreeMap<>();

    LedgerStateMachine(LedgerEngine engine) {
        this.engine = engine;
        this.appliedBeforeStart = engine.appliedMarker().map(LedgerStateMachine::indexOf).orElse(-1L);
    }

    @Override
    public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage raftStorage) throws IOException {
        super.initialize(server, groupId, raftStorage);
        storage.init(raftStorage);
    }

    @Override
    public StateMachineStorage getStateMachineStorage() {
        return storage;
    }

    @Override
    public synchronized CompletableFuture<Message> applyTransaction(TransactionContext trx) {
        LogEntryProto entry = trx.getLogEntry();
        long term = entry.getTerm();
        long index = entry.getIndex();
        if (index <= appliedBeforeStart) {
            return chain(() -> {
                advance(term, index);
                return Message.valueOf(ByteString.copyFrom(ApplyReply.rejected(ApplyReply.ALREADY_APPLIED)));
            });
        }
        ByteString data = entry.getStateMachineLogEntry().getLogData();
        if (data.isEmpty()) { // a barrier: orders nothing, only marks a point in the log
            return chain(() -> {
                advance(term, index);
                return Message.valueOf(ByteString.copyFrom(ApplyReply.rejected("barrier")));
            });
        }
        CompletableFuture<PreparedBlock> prepared = CompletableFuture.supplyAsync(() -> {
            try {
                return engine.prepare(Block.decode(data.toByteArray()));
            } catch (DecodeException | IllegalArgumentException e) {
                LOG.warn("log entry {} is not a block: {}", index, e.getMessage());
                return null;
            }
        }, prepareThreads);
        String marker = term + ":" + index;
        CompletableFuture<Message> applied = lastApply.thenCombineAsync(prepared, (ignored, block) -> {
            byte[] reply;
            try {
                if (block == null) {
                    engine.markApplied(marker);
                    reply = ApplyReply.rejected("MALFORMED: log entry " + index + " is not a block");
                } else {
                    ApplyOutcome outcome = engine.apply(block, marker);
                    reply = ApplyReply.encode(outcome);
                }
            } catch (RuntimeException | Error e) {
                stop(index, e);
                throw e;
            }
            advance(term, index);
            return Message.valueOf(ByteString.copyFrom(reply));
        }, applyThread);
        lastApply = applied;
        return applied;
    }

    /** Configuration and leader no-op entries: move the applied index in order with the blocks. */
    @Override
    public synchronized void notifyTermIndexUpdated(long term, long index) {
        chain(() -> {
            advance(term, index);
            return null;
        });
    }

    private void advance(long term, long index) {
        updateLastAppliedTermIndex(term, index);
        List<CompletableFuture<Void>> reached = new ArrayList<>();
        synchronized (waiterLock) {
            appliedIndex = index;
            var head = waiters.headMap(index, true);
            head.values().forEach(reached::addAll);
            head.clear();
        }
        reached.forEach(this::completeLater);
    }

    /** Off the apply thread; inline once the node is closing and the notifier is gone. */
    private void completeLater(CompletableFuture<Void> f) {
        try {
            notifier.execute(() -> f.complete(null));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            f.complete(null);
        }
    }

    /**
     * Applying failed (storage error, or a bug): nothing after this index may be applied, or this replica would
     * differ from the others. Every chained step after it is skipped; waiters fail with the cause.
     */
    private void stop(long index, Throwable cause) {
        synchronized (waiterLock) {
            fatal = cause;
        }
        LOG.error("replica stopped applying at log index {}: it must be restarted after the cause is fixed", index, cause);
        failWaiters(new LedgerHalted("the ledger stopped applying blocks: " + cause, cause));
    }

    private void failWaiters(Throwable cause) {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        synchronized (waiterLock) {
            waiters.values().forEach(all::addAll);
            waiters.clear();
        }
        all.forEach(f -> f.completeExceptionally(cause));
    }

    /** Why this replica stopped applying, if it did. */
    Throwable failure() {
        return fatal;
    }

    /** Completes once this replica has applied the log up to {@code index}. */
    CompletableFuture<Void> applied(long index) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        boolean reached;
        Throwable failed;
        synchronized (waiterLock) {
            failed = fatal;
            reached = appliedIndex >= index;
            if (failed == null && !reached) {
                waiters.computeIfAbsent(index, k -> new ArrayList<>()).add(f);
            }
        }
        if (failed != null) {
            f.completeExceptionally(new LedgerHalted("the ledger stopped applying blocks: " + failed, failed));
        } else if (reached) {
            completeLater(f);
        }
        return f;
    }

    private <T> CompletableFuture<T> chain(java.util.function.Supplier<T> step) {
        CompletableFuture<T> f = lastApply.thenApplyAsync(ignored -> step.get(), applyThread);
        lastApply = f;
        return f;
    }

    @Override
    public void close() throws IOException {
        super.close();
        failWaiters(new IllegalStateException("the node stopped before this replica applied the block"));
        notifier.shutdown();
        applyThread.shutdown();
        prepareThreads.shutdown();
        try {
            applyThread.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long indexOf(String marker) {
        return Long.parseLong(marker.substring(marker.indexOf(':') + 1));
    }
}
