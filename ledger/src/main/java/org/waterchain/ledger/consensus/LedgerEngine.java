package org.waterchain.ledger.consensus;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.waterchain.ledger.chain.Block;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.store.LedgerDatabase;
import org.waterchain.ledger.store.Tip;
import org.waterchain.ledger.validation.ApplyOutcome;
import org.waterchain.ledger.validation.BlockApplier;
import org.waterchain.ledger.validation.BlockPreparer;
import org.waterchain.ledger.validation.PreparedBlock;

/**
 * A replica's state: the database and the applier, fed ordered blocks by the consensus layer on one
 * thread. Subscribers hear of every appended block after its SQLite transaction commits.
 */
public final class LedgerEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerEngine.class);

    private final LedgerDatabase db;
    private final BlockApplier applier;
    private final BlockPreparer preparer;
    private final List<Consumer<ApplyOutcome.Applied>> subscribers = new CopyOnWriteArrayList<>();
    private volatile Tip dataTip;
    private volatile Tip valueTip;

    public LedgerEngine(LedgerDatabase db, BlockPreparer preparer) {
        this.db = db;
        this.preparer = preparer;
        this.applier = new BlockApplier(db);
        refreshTips();
    }

    public PreparedBlock prepare(Block block) {
        return preparer.prepare(block);
    }

    /**
     * Applies each chain's genesis block unless that chain has begun, decided per chain: a crash between the
     * two genesis commits must not leave a chain without its genesis (its next block would then fork).
     */
    public void applyGenesis(List<Block> genesis) {
        for (Block b : genesis) {
            ChainId chain = b.header().chain();
            if (tip(chain).isEmpty()) {
                ApplyOutcome o = apply(prepare(b), null);
                if (o instanceof ApplyOutcome.Rejected r) {
                    throw new IllegalStateException("genesis block refused: " + r.violation().reason());
                }
            } else if (!java.util.Arrays.equals(db.genesisHash(chain), b.header().hash())) {
                throw new IllegalStateException("the " + chain.label() + " chain in " + db.file()
                        + " does not start with this alliance's genesis block");
            }
        }
    }

    public ApplyOutcome apply(PreparedBlock block, String marker) {
        ApplyOutcome o = applier.apply(block, marker);
        refreshTips();
        if (o instanceof ApplyOutcome.Applied a) {
            for (Consumer<ApplyOutcome.Applied> s : subscribers) {
                try {
                    s.accept(a);
                } catch (RuntimeException e) {
                    LOG.warn("block subscriber failed on {} #{}", a.header().chain().label(), a.header().height(), e);
                }
            }
        } else {
            LOG.debug("block refused: {}", ((ApplyOutcome.Rejected) o).violation().reason());
        }
        return o;
    }

    /** Records that an undecodable proposal was ordered, so the index is not applied again. */
    public void markApplied(String marker) {
        db.setMeta(BlockApplier.MARKER_KEY, marker);
        db.commit();
    }

    public Optional<String> appliedMarker() {
        return db.meta(BlockApplier.MARKER_KEY);
    }

    public Tip tip(ChainId chain) {
        return chain == ChainId.DATA ? dataTip : valueTip;
    }

    public Runnable subscribe(Consumer<ApplyOutcome.Applied> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    private void refreshTips() {
        dataTip = applier.tip(ChainId.DATA);
        valueTip = applier.tip(ChainId.VALUE);
    }

    @Override
    public void close() {
        db.close();
    }
}
