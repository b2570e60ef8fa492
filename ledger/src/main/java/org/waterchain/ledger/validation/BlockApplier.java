package org.waterchain.ledger.validation;

import static org.waterchain.ledger.validation.Violation.Code.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.waterchain.ledger.chain.BlockHeader;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.crypto.Address;
import org.waterchain.ledger.crypto.Hex;
import org.waterchain.ledger.registry.Registry;
import org.waterchain.ledger.registry.Role;
import org.waterchain.ledger.store.LedgerDatabase;
import org.waterchain.ledger.store.Tip;
import org.waterchain.ledger.validation.ApplyOutcome.Applied;
import org.waterchain.ledger.validation.ApplyOutcome.Rejected;
import org.waterchain.ledger.value.ValueEntry;

/**
 * Applies ordered blocks to a replica's state, deterministically: the same blocks in the same order give
 * byte-identical databases on every replica, and in the audit's replay. Time comes only from block headers.
 * One SQLite transaction per block; the caller's marker (the Raft index) is written in the same transaction
 * so a block is applied exactly once across crashes.
 */
public final class BlockApplier {
    public static final int MAX_ENTRIES = 20_000;
    /** Far above any valid entry (a transfer of 255 inputs and outputs is about 23 KiB). */
    public static final int MAX_ENTRY_BYTES = 64 * 1024;
    public static final String MARKER_KEY = "applied_index";

    private final LedgerDatabase db;
    private final PollutionRules pollution;
    private Registry registry;
    private final Map<String, Long> lastSeqByKey = new HashMap<>();
    private final Map<ChainId, Tip> tips;
    private long nextSeq;

    public BlockApplier(LedgerDatabase db) {
        this.db = db;
        this.pollution = new PollutionRules(db);
        this.tips = new java.util.EnumMap<>(ChainId.class);
        load();
    }

    /** (Re)builds the in-memory state from the database: at start, and after a block's transaction rolled back. */
    private void load() {
        registry = new Registry();
        for (LedgerDatabase.RegistryRow row : db.registryRows()) {
            registry.restore(row.fields(), row.active());
        }
        lastSeqByKey.clear();
        lastSeqByKey.putAll(db.deviceSequences());
        tips.clear();
        tips.putAll(db.tips());
        nextSeq = db.lastBlockSeq() + 1;
    }

    public Tip tip(ChainId chain) {
        return tips.get(chain);
    }

    /** Read-only use from the applier's own thread (e.g. to check a proposer before building a block). */
    public Registry registry() {
        return registry;
    }

    /**
     * @param marker value for {@link #MARKER_KEY}, written in the block's transaction; null for none
     */
    public ApplyOutcome apply(PreparedBlock p, String marker) {
        BlockHeader h = p.block().header();
        try {
            checkBlock(p);
        } catch (Violation v) {
            if (marker != null) {
                db.setMeta(MARKER_KEY, marker);
                db.commit();
            }
            return new Rejected(h, v);
        }
        try {
            Applied applied = write(p, h, marker);
            db.commit();
            tips.put(h.chain(), new Tip(h.chain(), h.height(), p.hash(), h.timeMs()));
            nextSeq++;
            return applied;
        } catch (RuntimeException e) {
            db.rollback();
            load();
            throw e;
        }
    }

    private Applied write(PreparedBlock p, BlockHeader h, String marker) {
        pollution.beginBlock();
        db.insertBlock(nextSeq, h, p.hash(), p.block().signature());
        List<EntryResult> results = new ArrayList<>(p.entries().size());
        Map<String, Long> touchedSequences = new HashMap<>();
        for (int i = 0; i < p.entries().size(); i++) {
            PreparedEntry e = p.entries().get(i);
            String reason = null;
            try {
                if (e.raw().length > MAX_ENTRY_BYTES) {
                    throw new Violation(MALFORMED, "entry of " + e.raw().length + " bytes exceeds " + MAX_ENTRY_BYTES);
                }
                if (h.chain() == ChainId.DATA) {
                    RecordRules.Accepted a = RecordRules.check(e, registry, lastSeqByKey);
                    db.insertRecord(a.stationId(), a.sampleTime(), h.height(), i, a.deviceId(), a.seq());
                    lastSeqByKey.put(a.keyHex(), a.seq());
                    touchedSequences.put(a.keyHex(), a.seq());
                } else {
                    applyValueEntry(e, h, i);
                }
            } catch (Violation v) {
                reason = v.reason();
            } catch (IllegalArgumentException ex) {
                reason = Violation.bounded(MALFORMED + ": " + ex.getMessage());
            }
            db.insertEntry(h.chain(), h.height(), i, e.id(), e.raw(), reason);
            results.add(new EntryResult(i, e.id(), reason == null, reason));
        }
        touchedSequences.forEach((k, seq) -> db.putDeviceSequence(Hex.parse(k), seq));
        if (marker != null) {
            db.setMeta(MARKER_KEY, marker);
        }
        return new Applied(h, p.hash(), nextSeq, results);
    }

    private void applyValueEntry(PreparedEntry e, BlockHeader h, int i) throws Violation {
        if (e.decodeError() != null) {
            throw new Violation(MALFORMED, e.decodeError());
        }
        ValueEntry v = (ValueEntry) e.entry();
        if (v.isTransfer()) {
            TransferRules.apply(e, registry, db, pollution, h.height(), i);
        } else if (v.isAlarm()) {
            AlarmRules.apply(e, registry, db, h.height(), i);
        } else {
            RegistryRules.apply(e, registry, db, h.height(), h.proposerKey());
        }
    }

    /** Block-level rules: any failure refuses the whole block and stores nothing of it. */
    private void checkBlock(PreparedBlock p) throws Violation {
        BlockHeader h = p.block().header();
        Tip tip = tips.get(h.chain());
        String where = h.chain().label() + " block #" + h.height();
        if (!p.signatureValid()) {
            throw new Violation(BLOCK_BAD_SIGNATURE, where + ": proposer signature does not verify");
        }
        boolean valueGenesis = h.chain() == ChainId.VALUE && h.height() == 0 && tip.isEmpty();
        if (!valueGenesis && !registry.hasRole(h.proposerKey(), Role.VALIDATOR)) {
            throw new Violation(BLOCK_NOT_VALIDATOR, where + ": proposer " + Address.of(h.proposerKey())
                    + " is not a validator");
        }
        if (h.height() != tip.height() + 1) {
            throw new Violation(BLOCK_WRONG_HEIGHT, where + ": expected height " + (tip.height() + 1));
        }
        if (!Arrays.equals(h.previousHash(), tip.hash())) {
            throw new Violation(BLOCK_WRONG_PREVIOUS, where + ": previous hash does not match block #" + tip.height());
        }
        if (h.timeMs() < tip.timeMs()) {
            throw new Violation(BLOCK_TIME_BACKWARDS, where + ": time " + h.timeMs() + " is before the previous block's "
                    + tip.timeMs());
        }
        if (h.entryCount() != p.entries().size() || !Arrays.equals(h.merkleRoot(), p.merkleRoot())) {
            throw new Violation(BLOCK_MERKLE_MISMATCH, where + ": Merkle root or entry count does not match its entries");
        }
        if (h.entryCount() > MAX_ENTRIES) {
            throw new Violation(BLOCK_TOO_LARGE, where + ": " + h.entryCount() + " entries exceed " + MAX_ENTRIES);
        }
    }
}
