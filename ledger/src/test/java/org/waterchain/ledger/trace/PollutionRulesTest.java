package org.waterchain.ledger.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waterchain.ledger.chain.ChainId.DATA;
import static org.waterchain.ledger.chain.ChainId.VALUE;
import static org.waterchain.ledger.trace.TraceFixture.HOUR;
import static org.waterchain.ledger.trace.TraceFixture.T;
import static org.waterchain.ledger.validation.Violation.Code.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.demo.DemoAlliance;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.registry.GeoPoint;
import org.waterchain.ledger.registry.RegistryAction.AddChannel;
import org.waterchain.ledger.testkit.TestLedger;
import org.waterchain.ledger.validation.ApplyOutcome.Applied;
import org.waterchain.ledger.value.Asset;
import org.waterchain.ledger.value.OutPoint;
import org.waterchain.ledger.value.Output;
import org.waterchain.ledger.value.Transfer;
import org.waterchain.ledger.value.ValueEntry;

/**
 * The pollution-coin contract on a real ledger (the demo alliance's Taoyuan-like network, a real SQLite file and
 * applier): a planned trace is valid in one block or spread over many, and every rule refuses its own violation.
 */
class PollutionRulesTest {
    static final Quantity CU = Quantity.CU;
    static final String ASSET = Asset.pollution(CU);
    static final List<String> STATIONS = DemoAlliance.STATIONS.stream().map(DemoAlliance.DemoStation::id).toList();

    @TempDir
    Path dir;
    TestLedger ledger;
    TraceFixture.Records records;
    /** MINT M02, PASS M02, PASS R10, PASS R12, PASS R07, PASS R06, COLLECT R04. */
    TracePlan plan;
    final KeyPair alice = KeyPair.generate();

    @BeforeEach
    void open() {
        ledger = TestLedger.create(dir);
        records = new TraceFixture.Records(ledger.genesis);
        ledger.appendValid(DATA, TraceFixture.encoded(records.hour(STATIONS, T + 10 * 60_000, TraceFixture.TAOYUAN_CU)));
        plan = PollutionTraceService.planFrom(ledger.queries(), CU, T);
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    private byte[] step(int i) {
        return ValueEntry.signed(plan.steps().get(i).transfer(), ledger.validator).encode();
    }

    private OutPoint coin(int step, int vout) {
        return new OutPoint(plan.steps().get(step).txid(), vout);
    }

    private void applySteps(int... steps) {
        for (int i : steps) {
            ledger.appendValid(VALUE, step(i));
        }
    }

    private static Transfer tx(List<OutPoint> in, List<Output> out, PollutionStep step, String station, double value) {
        return new Transfer(in, out, new PollutionMemo(step, CU, T, station, value).encode(), 77);
    }

    private static Output to(String station, long amount) {
        return new Output(ASSET, amount, PollutionAddresses.station(CU, T, station));
    }

    private byte[] signed(Transfer t) {
        return ValueEntry.signed(t, ledger.validator).encode();
    }

    @Test
    void aPlannedTraceIsValidInOneBlockAndReadsBackAsTheTypeIIPathway() {
        List<byte[]> all = new ArrayList<>();
        for (int i = 0; i < plan.steps().size(); i++) {
            all.add(step(i));
        }
        Applied a = ledger.appendValid(VALUE, all.toArray(byte[][]::new));
        assertEquals(7, a.results().size(), "n + 1 transactions for n = 6, each spending outputs made earlier in the block");
        TraceResult r = new Traces(ledger.queries()).extract(CU, T);
        assertEquals(7, r.transactionCount());
        assertEquals(1, r.pathways().size());
        Pathway p = r.pathways().get(0);
        assertEquals(List.of("R04"), p.sources());
        assertEquals(List.of("R04", "R06", "R07", "R10", "R12", "M02"), p.stations());
        assertEquals(List.of("M02"), p.mints());
        assertEquals(List.of(new Pathway.Edge("M02", "R10"), new Pathway.Edge("M02", "R12"), new Pathway.Edge("R06", "R04"),
                new Pathway.Edge("R07", "R06"), new Pathway.Edge("R10", "R07"), new Pathway.Edge("R12", "R07")), p.edges());
        assertEquals(TraceFixture.TAOYUAN_CU, p.observed());
        List<TracedEvent> events = new Traces(ledger.queries()).tracedEvents(T, T + HOUR);
        assertEquals(List.of(new TracedEvent("CU", T, PollutionAddresses.collection(CU, T), List.of("R04"), 6, 7, true)), events);
    }

    @Test
    void aTraceSpreadOverBlocksIsValidAndIncompleteUntilItCollects() {
        applySteps(0, 1, 2, 3, 4, 5);
        TracedEvent underWay = new Traces(ledger.queries()).tracedEvents(T, T + 1).get(0);
        assertFalse(underWay.complete());
        assertFalse(new Traces(ledger.queries()).extract(CU, T).traced(), "nothing has reached the collection yet");
        applySteps(6);
        assertTrue(new Traces(ledger.queries()).tracedEvents(T, T + 1).get(0).complete());
        assertEquals(List.of("R04"), new Traces(ledger.queries()).extract(CU, T).sources());
    }

    @Test
    void aMemoValueThatDiffersFromTheDataChainIsRefused() {
        byte[] forged = signed(tx(List.of(), List.of(to("M02", 2)), PollutionStep.MINT, "M02", 0.5));
        String reason = ledger.assertRefused(VALUE, forged, POLLUTION_VALUE_MISMATCH);
        assertTrue(reason.endsWith("the memo says 0.5 but the value observed on the data chain is 0.358"), reason);
    }

    @Test
    void aStationWithoutAnExceedanceCannotTakePart() {
        String reason = ledger.assertRefused(VALUE, signed(tx(List.of(), List.of(to("R09", 1)), PollutionStep.MINT, "R09", 0.05)),
                POLLUTION_NOT_POLLUTED);
        assertTrue(reason.contains("no reading of CU at R09 in that hour exceeds the standard (max 0.2)"), reason);
        ledger.assertRefused(VALUE, signed(tx(List.of(), List.of(to("X99", 1)), PollutionStep.MINT, "X99", 0.3)), UNKNOWN_STATION);
    }

    @Test
    void aReadingAtTheEndOfTheHourBelongsToTheNextTimePoint() {
        ledger.appendValid(DATA, records.cu("R09", T + HOUR, 0.9).encode(), records.cu("R09", T - 1, 0.8).encode());
        assertEquals(plan, PollutionTraceService.planFrom(ledger.queries(), CU, T), "R09 is clean in [T, T + 1 h)");
        ledger.assertRefused(VALUE, signed(tx(List.of(), List.of(to("R09", 1)), PollutionStep.MINT, "R09", 0.9)),
                POLLUTION_NOT_POLLUTED);
    }

    @Test
    void aMintToAStationWithAPollutedDownstreamNeighbourIsRefused() {
        String reason = ledger.assertRefused(VALUE, signed(tx(List.of(), List.of(to("R10", 1)), PollutionStep.MINT, "R10", 0.595)),
                POLLUTION_MINT_HAS_POLLUTED_DOWNSTREAM);
        assertTrue(reason.contains("polluted downstream neighbours [M02]"), reason);
    }

    @Test
    void aPassToAStationThatIsNotPollutedIsRefused() {
        applySteps(0);
        byte[] pass = signed(tx(List.of(coin(0, 0)), List.of(to("R10", 1), to("R09", 1)), PollutionStep.PASS, "M02", 0.358));
        String reason = ledger.assertRefused(VALUE, pass, POLLUTION_WRONG_RECEIVERS);
        assertTrue(reason.contains("must pay exactly its polluted upstream neighbours [R10, R12]"), reason);
    }

    @Test
    void aCollectFromAStationWithPollutedUpstreamNeighboursIsRefused() {
        applySteps(0);
        byte[] collect = signed(tx(List.of(coin(0, 0)), List.of(new Output(ASSET, 2, PollutionAddresses.collection(CU, T))),
                PollutionStep.COLLECT, "M02", 0.358));
        String reason = ledger.assertRefused(VALUE, collect, POLLUTION_NOT_SOURCE);
        assertTrue(reason.contains("polluted upstream neighbours [R10, R12] are closer to the source"), reason);
    }

    @Test
    void aSourceCannotPass() {
        applySteps(0, 1, 2, 3, 4, 5);
        byte[] pass = signed(tx(List.of(coin(5, 0)), List.of(to("R06", 2)), PollutionStep.PASS, "R04", 0.271));
        ledger.assertRefused(VALUE, pass, POLLUTION_WRONG_RECEIVERS);
    }

    @Test
    void contractCoinsMoveOnlyByALicensedIssuer() {
        applySteps(0);
        byte[] byAlice = ValueEntry.signed(plan.steps().get(1).transfer(), alice).encode();
        String reason = ledger.assertRefused(VALUE, byAlice, POLLUTION_NOT_ISSUER);
        assertTrue(reason.contains("no signer holds a licence to issue POLLUTION:CU"), reason);
        byte[] mintByAlice = ValueEntry.signed(tx(List.of(), List.of(to("M02", 1)), PollutionStep.MINT, "M02", 0.358), alice).encode();
        ledger.assertRefused(VALUE, mintByAlice, POLLUTION_NOT_ISSUER);
        // an ordinary payment of the coins, even by the issuer, is no step of the contract
        byte[] plain = ledger.transfer(List.of(coin(0, 0)), List.of(new Output(ASSET, 2, alice.address())), new byte[0], ledger.validator);
        ledger.assertRefused(VALUE, plain, POLLUTION_MEMO_INVALID);
    }

    @Test
    void aTimePointIsTracedOnce() {
        applySteps(0, 1, 2, 3, 4, 5, 6);
        Transfer again = new Transfer(List.of(), List.of(to("M02", 2)), plan.steps().get(0).transfer().memo(), 12345);
        String reason = ledger.assertRefused(VALUE, signed(again), POLLUTION_ALREADY_TRACED);
        assertTrue(reason.endsWith("the station already holds or held coins of this trace"), reason);
        ledger.assertRefused(VALUE, step(0), DUPLICATE);
    }

    @Test
    void noMintOnceATimePointHasCollected() {
        long t2 = T + HOUR;
        ledger.appendValid(DATA, TraceFixture.encoded(records.hour(STATIONS, t2 + 60_000, Map.of("R04", 0.25))));
        TracePlan second = PollutionTraceService.planFrom(ledger.queries(), CU, t2);
        assertEquals(List.of(PollutionStep.MINT, PollutionStep.COLLECT), second.steps().stream().map(PlannedStep::step).toList());
        for (ValueEntry e : second.signed(ledger.validator)) {
            ledger.appendValid(VALUE, e.encode());
        }
        // a late record: R09 exceeds too, and its downstream neighbour R12 is clean at t2
        ledger.appendValid(DATA, records.cu("R09", t2 + 30 * 60_000, 0.3).encode());
        Transfer late = new Transfer(List.of(), List.of(new Output(ASSET, 1, PollutionAddresses.station(CU, t2, "R09"))),
                new PollutionMemo(PollutionStep.MINT, CU, t2, "R09", 0.3).encode(), 1);
        String reason = ledger.assertRefused(VALUE, signed(late), POLLUTION_ALREADY_TRACED);
        assertTrue(reason.endsWith("this trace has already collected coins; a time point is traced once"), reason);
    }

    @Test
    void aMemoLongerThan75BytesIsRefused() {
        byte[] memo = Arrays.copyOf(new PollutionMemo(PollutionStep.MINT, CU, T, "M02", 0.358).encode(), Transfer.MAX_MEMO_BYTES + 1);
        ledger.assertRefused(VALUE, signed(new Transfer(List.of(), List.of(to("M02", 2)), memo, 1)), MEMO_TOO_LONG);
    }

    @Test
    void pollutionCoinsNeedAPollutionMemo() {
        ledger.assertRefused(VALUE, ledger.mint(alice.address(), 5, ASSET), POLLUTION_MEMO_INVALID);
        byte[] padded = Arrays.copyOf(new PollutionMemo(PollutionStep.MINT, CU, T, "M02", 0.358).encode(), Transfer.MAX_MEMO_BYTES);
        String reason = ledger.assertRefused(VALUE, signed(new Transfer(List.of(), List.of(to("M02", 2)), padded, 1)),
                POLLUTION_MEMO_INVALID);
        assertTrue(reason.contains("trailing"), reason);
    }

    @Test
    void aTraceMovesOnlyItsOwnQuantitysCoins() {
        Transfer zinc = new Transfer(List.of(), List.of(new Output(Asset.pollution(Quantity.ZN), 2,
                PollutionAddresses.station(CU, T, "M02"))), new PollutionMemo(PollutionStep.MINT, CU, T, "M02", 0.358).encode(), 1);
        String reason = ledger.assertRefused(VALUE, signed(zinc), POLLUTION_ASSET_MISMATCH);
        assertTrue(reason.contains("output 0 is POLLUTION:ZN; the trace moves only POLLUTION:CU"), reason);
        ledger.appendValid(VALUE, ledger.mintDrops(ledger.validator.address(), 10));
    }

    @Test
    void aPassMustSpendAllTheStationsCoinsAndOnlyThem() {
        applySteps(0, 1); // M02 has paid R10 (output 0) and R12 (output 1)
        byte[] withR12s = signed(tx(List.of(coin(1, 0), coin(1, 1)), List.of(to("R07", 2)), PollutionStep.PASS, "R10", 0.595));
        String reason = ledger.assertRefused(VALUE, withR12s, POLLUTION_WRONG_INPUTS);
        assertTrue(reason.contains("input 1 belongs to " + PollutionAddresses.station(CU, T, "R12")), reason);
        applySteps(2, 3);
        byte[] half = signed(tx(List.of(coin(2, 0)), List.of(to("R06", 1)), PollutionStep.PASS, "R07", 0.429));
        reason = ledger.assertRefused(VALUE, half, POLLUTION_WRONG_INPUTS);
        assertTrue(reason.contains("spends 1 of the station's 2 outputs"), reason);
    }

    @Test
    void aStationActsOnlyAfterAllItsPollutedDownstreamNeighbours() {
        applySteps(0, 1, 2); // R10 has passed to R07, R12 not yet
        byte[] early = signed(tx(List.of(coin(2, 0)), List.of(to("R06", 1)), PollutionStep.PASS, "R07", 0.429));
        String reason = ledger.assertRefused(VALUE, early, POLLUTION_OUT_OF_ORDER);
        assertTrue(reason.contains("its polluted downstream neighbour R12 has not yet passed its coins on"), reason);
    }

    @Test
    void aPassSplitsItsCoinsByTheContractsRule() {
        Transfer mint = tx(List.of(), List.of(to("M02", 3)), PollutionStep.MINT, "M02", 0.358);
        ledger.appendValid(VALUE, signed(mint));
        OutPoint three = new OutPoint(ValueEntry.txid(16, mint.encode()), 0);
        String reason = ledger.assertRefused(VALUE, signed(tx(List.of(three), List.of(to("R10", 1), to("R12", 2)),
                PollutionStep.PASS, "M02", 0.358)), POLLUTION_WRONG_SPLIT);
        assertTrue(reason.endsWith("pays 1 to R10; the split of 3 coins gives it 2"), reason);
        ledger.appendValid(VALUE, signed(tx(List.of(three), List.of(to("R10", 2), to("R12", 1)), PollutionStep.PASS, "M02", 0.358)));
    }

    @Test
    void coinsTooFewToGiveEachReceiverOneCannotBeSplit() {
        Transfer mint = tx(List.of(), List.of(to("M02", 1)), PollutionStep.MINT, "M02", 0.358);
        ledger.appendValid(VALUE, signed(mint));
        OutPoint one = new OutPoint(ValueEntry.txid(16, mint.encode()), 0);
        String reason = ledger.assertRefused(VALUE, signed(tx(List.of(one), List.of(to("R10", 1), to("R12", 1)),
                PollutionStep.PASS, "M02", 0.358)), POLLUTION_WRONG_SPLIT);
        assertTrue(reason.endsWith("1 coins cannot be split among 2 receivers: each must get at least one"), reason);
    }

    @Test
    void aLoopInTheChannelNetworkCannotStopTracing() {
        // refused where it is registered (RegistryRules), so the contract never meets one
        String reason = ledger.assertRefused(VALUE, ledger.registry(new AddChannel("C99", "loop", "M02", "R04", 10,
                List.of(new GeoPoint(121.18, 24.95), new GeoPoint(121.24, 24.90)))), CHANNEL_CYCLE);
        assertTrue(reason.contains("C99 (M02 -> R04)"), reason);
        ledger.appendValid(VALUE, step(0));
    }
}
