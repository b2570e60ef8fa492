package org.waterchain.ledger.node;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.chain.LedgerEntry;
import org.waterchain.ledger.consensus.BlockProducer;
import org.waterchain.ledger.consensus.LedgerEngine;
import org.waterchain.ledger.consensus.RatisOrdering;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.store.LedgerDatabase;
import org.waterchain.ledger.store.LedgerQueries;
import org.waterchain.ledger.store.StorageException;
import org.waterchain.ledger.store.Tip;
import org.waterchain.ledger.validation.ApplyOutcome;
import org.waterchain.ledger.validation.BlockPreparer;

/**
 * A running ledger node: the one API every other part builds on. Submit signed records and transactions,
 * read them back, subscribe to committed blocks. Holds an exclusive lock on its data directory.
 */
public final class LedgerNode implements AutoCloseable {
    private final DataDirectory dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final LedgerEngine engine;
    private final RatisOrdering ordering;
    private final BlockProducer dataProducer;
    private final BlockProducer valueProducer;
    private final LedgerQueries queries;

    private LedgerNode(DataDirectory dir, FileChannel lockChannel, FileLock lock, LedgerEngine engine,
                       RatisOrdering ordering, KeyPair key) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.engine = engine;
        this.ordering = ordering;
        this.queries = new LedgerQueries(dir.database());
        this.dataProducer = new BlockProducer(ChainId.DATA, key, ordering, () -> engine.tip(ChainId.DATA),
                System::currentTimeMillis, queries::entriesOf);
        this.valueProducer = new BlockProducer(ChainId.VALUE, key, ordering, () -> engine.tip(ChainId.VALUE),
                System::currentTimeMillis, queries::entriesOf);
    }

    public static LedgerNode start(DataDirectory dir) {
        return start(dir, java.time.Duration.ofSeconds(60));
    }

    /** Starts the node and returns once it has caught up with everything the group committed. */
    public static LedgerNode start(DataDirectory dir, java.time.Duration startTimeout) {
        FileChannel ch = null;
        FileLock lock = null;
        LedgerEngine engine = null;
        try {
            ch = FileChannel.open(dir.root().resolve("node.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new NodeException("data directory " + dir.root() + " is in use by another running node");
            }
            engine = new LedgerEngine(LedgerDatabase.open(dir.database()), BlockPreparer.onAllCores());
            if (engine.appliedMarker().isPresent() && !RatisOrdering.hasLog(dir.raftStorage())) {
                // A new log would restart at index 1 and every entry up to the marker would be skipped as applied.
                throw new NodeException(dir.root() + ": ledger.db has applied Raft entries but the raft/ directory is"
                        + " missing or empty; restore raft/ from the same backup as ledger.db");
            }
            engine.applyGenesis(dir.genesis());
            RatisOrdering ordering = RatisOrdering.start(dir.config().nodeId(), dir.config().members(), dir.groupId(),
                    dir.raftStorage(), engine);
            try {
                ordering.awaitCaughtUp(startTimeout);
            } catch (RuntimeException e) {
                ordering.close();
                throw new NodeException(e.getMessage(), e);
            }
            return new LedgerNode(dir, ch, lock, engine, ordering, dir.nodeKey());
        } catch (IOException e) {
            cleanup(engine, lock, ch);
            throw new NodeException("cannot start the node in " + dir.root() + ": " + e.getMessage(), e);
        } catch (StorageException e) {
            cleanup(engine, lock, ch);
            throw new NodeException("cannot open the ledger of " + dir.root() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            cleanup(engine, lock, ch);
            throw e;
        }
    }

    /** Completes when the entry is committed in a block (valid or invalid with its reason). */
    public CompletableFuture<Receipt> submit(LedgerEntry entry) {
        return (entry.chain() == ChainId.DATA ? dataProducer : valueProducer).submit(entry.encode());
    }

    public LedgerQueries queries() {
        return queries;
    }

    /** Called on the apply thread after each block commits; keep it quick and hand work to your own thread. */
    public Runnable subscribe(Consumer<ApplyOutcome.Applied> subscriber) {
        return engine.subscribe(subscriber);
    }

    public Tip tip(ChainId chain) {
        return engine.tip(chain);
    }

    public boolean isLeader() {
        return ordering.isLeader();
    }

    public DataDirectory directory() {
        return dir;
    }

    @Override
    public void close() {
        dataProducer.close();
        valueProducer.close();
        ordering.close();
        queries.close();
        cleanup(engine, lock, lockChannel);
    }

    private static void cleanup(LedgerEngine engine, FileLock lock, FileChannel ch) {
        if (engine != null) {
            engine.close();
        }
        try {
            if (lock != null) {
                lock.release();
            }
            if (ch != null) {
                ch.close();
            }
        } catch (IOException ignored) {
            // the OS releases the lock with the process anyway
        }
    }
}
