package org.waterchain.app.explorer;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.waterchain.ledger.chain.Block;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.demo.DemoAlliance;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.record.RecordEntry;
import org.waterchain.ledger.record.SensorRecord;
import org.waterchain.ledger.store.LedgerDatabase;
import org.waterchain.ledger.store.Tip;
import org.waterchain.ledger.validation.ApplyOutcome;
import org.waterchain.ledger.validation.BlockApplier;
import org.waterchain.ledger.validation.BlockPreparer;
import org.waterchain.ledger.value.Asset;
import org.waterchain.ledger.value.OutPoint;
import org.waterchain.ledger.value.Output;
import org.waterchain.ledger.value.Transfer;
import org.waterchain.ledger.value.ValueEntry;

/**
 * A real ledger file for the explorer's tests: the demo alliance's genesis and a few days of records and
 * transfers, applied by the ledger's own applier to SQLite. Places of interesting entries are kept.
 */
final class ExplorerLedger {
    /** 2024-01-01T00:00:00Z */
    static final long T0 = 1_704_067_200_000L;
    static final long HOUR = 3_600_000L;
    /** R04-A records every 6 hours over 4 days, from T0 + 1 h. */
    static final int R04_RECORDS = 16;

    final Path file;
    final KeyPair validator = KeyPair.generate();
    final KeyPair alice = KeyPair.generate();
    final KeyPair bob = KeyPair.generate();
    /** data #1: R04-A#1, R06-A#1 valid; index 2 repeats R04-A#1 (invalid, stale). */
    final long firstRecords = 1;
    final int staleIndex = 2;
    byte[] firstR04Id;
    byte[] mint;
    byte[] pay;
    long payHeight;

    private final DemoAlliance.Genesis genesis;
    private final BlockApplier applier;
    private final LedgerDatabase db;
    private long clock = T0;
    private long nonce = 1;

    private ExplorerLedger(Path dir) {
        file = dir.resolve("ledger.db");
        genesis = DemoAlliance.create(validator, List.of(), T0);
        db = LedgerDatabase.open(file);
        applier = new BlockApplier(db);
        for (Block b : genesis.blocks()) {
            assertInstanceOf(ApplyOutcome.Applied.class, apply(b));
        }
    }

    static ExplorerLedger build(Path dir) {
        ExplorerLedger l = new ExplorerLedger(dir);
        try {
            byte[] r04first = l.record("R04-A", 1, T0 + HOUR);
            l.firstR04Id = org.waterchain.ledger.chain.EntryId.of(r04first);
            l.append(ChainId.DATA, r04first, l.record("R06-A", 1, T0 + HOUR), l.record("R04-A", 1, T0 + HOUR));
            for (int i = 2; i <= R04_RECORDS; i++) {
                l.append(ChainId.DATA, l.record("R04-A", i, T0 + HOUR + (i - 1) * 6 * HOUR));
            }
            l.mint = ValueEntry.signed(new Transfer(List.of(), List.of(new Output(Asset.DROP, 1000, l.alice.address())),
                    new byte[0], l.nonce++), l.validator).encode();
            l.append(ChainId.VALUE, l.mint);
            l.pay = ValueEntry.signed(new Transfer(List.of(new OutPoint(ValueEntry.decode(l.mint).txid(), 0)),
                    List.of(new Output(Asset.DROP, 300, l.bob.address()), new Output(Asset.DROP, 700, l.alice.address())),
                    "hello".getBytes(), l.nonce++), l.alice).encode();
            l.payHeight = l.append(ChainId.VALUE, l.pay).header().height();
            return l;
        } finally {
            l.db.close();
        }
    }

    /** Sample time of R04-A's record number {@code seq}. */
    static long r04Time(int seq) {
        return T0 + HOUR + (seq - 1) * 6 * HOUR;
    }

    byte[] record(String deviceId, long seq, long sampleTime) {
        SensorRecord r = new SensorRecord(deviceId, seq, sampleTime, 0,
                List.of(new Reading(Quantity.PH, 7.0 + seq / 100.0), new Reading(Quantity.EC, 400 + seq)));
        return new RecordEntry(r.sign(genesis.deviceKeys().get(deviceId)), sampleTime + 1_000).encode();
    }

    private ApplyOutcome.Applied append(ChainId chain, byte[]... entries) {
        Tip tip = applier.tip(chain);
        clock += 60_000;
        Block b = Block.seal(chain, tip.height() + 1, tip.hash(), clock, new ArrayList<>(List.of(entries)), validator);
        return assertInstanceOf(ApplyOutcome.Applied.class, apply(b));
    }

    private ApplyOutcome apply(Block b) {
        return applier.apply(BlockPreparer.onAllCores().prepare(b), null);
    }
}
