package org.waterchain.ledger.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waterchain.ledger.chain.ChainId.DATA;
import static org.waterchain.ledger.chain.ChainId.VALUE;
import static org.waterchain.ledger.validation.Violation.Code.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.waterchain.ledger.chain.Block;
import org.waterchain.ledger.chain.BlockHeader;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.crypto.Hashes;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.store.Tip;
import org.waterchain.ledger.testkit.TestLedger;
import org.waterchain.ledger.validation.ApplyOutcome.Rejected;

/** Block-level rules: a failing block is refused as a whole and nothing of it is stored. */
class BlockRulesTest {
    @TempDir
    Path dir;
    TestLedger ledger;

    @BeforeEach
    void open() {
        ledger = TestLedger.create(dir);
        ledger.appendValid(DATA, ledger.record("R04-A", 1));
        ledger.appendValid(VALUE, ledger.mintDrops(KeyPair.generate().address(), 5));
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    private long seq;

    /** Two fresh valid entries for the chain (new sequence numbers, new mints). */
    private List<byte[]> entriesFor(ChainId chain) {
        seq++;
        return chain == DATA ? List.of(ledger.record("R06-A", seq), ledger.record("R07-A", seq))
                : List.of(ledger.mintDrops(KeyPair.generate().address(), 7), ledger.mintDrops(KeyPair.generate().address(), 8));
    }

    /** Applies the block, asserts it is rejected with the code, that nothing changed, and that the tip still takes a good block. */
    private Violation assertRejected(Block b, Violation.Code code) {
        ChainId chain = b.header().chain();
        Tip tip = ledger.applier.tip(chain);
        String before = ledger.fullDump();
        ApplyOutcome o = ledger.apply(b);
        Rejected r = assertInstanceOf(Rejected.class, o, "block must be rejected with " + code);
        assertEquals(code, r.violation().code());
        assertTrue(r.violation().reason().startsWith(code.name() + ": " + chain.label() + " block #" + b.header().height()),
                r.violation().reason());
        assertEquals(before, ledger.fullDump(), "nothing of a rejected block is stored");
        assertEquals(tip.height(), ledger.applier.tip(chain).height());
        assertArrayEquals(tip.hash(), ledger.applier.tip(chain).hash());
        assertEquals(tip.height(), ledger.queries().tip(chain).height());
        ledger.appendValid(chain, entriesFor(chain).toArray(byte[][]::new));
        return r.violation();
    }

    @ParameterizedTest
    @EnumSource(ChainId.class)
    void controlCaseAppends(ChainId chain) {
        Tip tip = ledger.applier.tip(chain);
        ApplyOutcome.Applied a = ledger.appendValid(chain, entriesFor(chain).toArray(byte[][]::new));
        assertEquals(tip.height() + 1, a.header().height());
        assertEquals(tip.height() + 1, ledger.queries().tip(chain).height());
        assertArrayEquals(a.hash(), ledger.queries().tip(chain).hash());
    }

    @ParameterizedTest
    @EnumSource(ChainId.class)
    void alteredSignatureIsRefused(ChainId chain) {
        Block good = ledger.next(chain, entriesFor(chain));
        byte[] sig = good.signature();
        sig[5] ^= 1;
        assertRejected(new Block(good.header(), sig, good.entries()), BLOCK_BAD_SIGNATURE);
    }

    @ParameterizedTest
    @EnumSource(ChainId.class)
    void headerChangedAfterSealingIsABadSignature(ChainId chain) {
        Block good = ledger.next(chain, entriesFor(chain));
        BlockHeader h = good.header();
        BlockHeader later = new BlockHeader(h.chain(), h.height(), h.previousHash(), h.timeMs() + 1, h.merkleRoot(),
                h.entryCount(), h.proposerKey());
        assertRejected(new Block(later, good.signature(), good.entries()), BLOCK_BAD_SIGNATURE);
    }

    @ParameterizedTest
    @EnumSource(ChainId.class)
    void blockSealedByANonValidatorIsRefused(ChainId chain) {
        KeyPair stranger = KeyPair.generate();
        Violation v = assertRejected(ledger.next(chain, entriesFor(chain), stranger), BLOCK_NOT_VALIDATOR);
        assertTrue(v.reason().contains("proposer " + stranger.address() + " is not a validator"), v.reason());
    }

    @ParameterizedTest
    @EnumSource(ChainId.class)
    void blockSealedByAMemberWhoIsNotAValidatorIsRefused(ChainId chain) {
        assertRejected(ledger.next(chain, entriesFor(chain), ledger.member("plant")), BLOCK_NOT_VALIDATOR);
    }

    @ParameterizedTest
    @EnumSource(ChainId.class)
    void skippedHeightIsRefused(ChainId chain) {
        Tip tip = ledger.applier.tip(chain);
        Block b = Block.seal(chain, tip.height() + 2, tip.hash(), ledger.tick(), entriesFor(chain), ledger.validator);
        Violation v = assertRejected(b, BLOCK_WRONG_HEIGHT);
        assertTrue(v.reason().endsWith("expected height " + (tip.height() + 1)), v.reason());
    }

    @ParameterizedTest
    @EnumSource(ChainId.class)
    void repeatedHeightIsRefused(ChainId chain) {
        Tip tip = ledger.applier.tip(chain);
        Block b = Block.seal(chain, tip.height(), tip.hash(), ledger.tick(), entriesFor(chain), ledger.validator);
        assertRejected(b, BLOCK_WRONG_HEIGHT);
    }

    @ParameterizedTest
    @EnumSource(ChainId.class)
    void wrongPreviousHashIsRefused(ChainId chain) {
        Tip tip = ledger.applier.tip(chain);
        Block b = Block.seal(chain, tip.height() + 1, Hashes.sha256(tip.hash()), ledger.tick(), entriesFor(chain), ledger.validator);
        Violation v = assertRejected(b, BLOCK_WRONG_PREVIOUS);
        assertTrue(v.reason().endsWith("previous hash does not match block #" + tip.height()), v.reason());
    }

    @Test
    void previousHashOfTheOtherChainIsRefused() {
        Tip data = ledger.applier.tip(DATA);
        Tip value = ledger.applier.tip(VALUE);
        assertRejected(Block.seal(DATA, data.height() + 1, value.hash(), ledger.tick(), entriesFor(DATA), ledger.validator),
                BLOCK_WRONG_PREVIOUS);
    }

    @ParameterizedTest
    @EnumSource(ChainId.class)
    void timeBeforeThePreviousBlockIsRefused(ChainId chain) {
        Tip tip = ledger.applier.tip(chain);
        Block b = Block.seal(chain, tip.height() + 1, tip.hash(), tip.timeMs() - 1, entriesFor(chain), ledger.validator);
        Violation v = assertRejected(b, BLOCK_TIME_BACKWARDS);
        assertTrue(v.reason().contains("time " + (tip.timeMs() - 1) + " is before the previous block's " + tip.timeMs()),
                v.reason());
    }

    @ParameterizedTest
    @EnumSource(ChainId.class)
    void sameTimeAsThePreviousBlockIsAccepted(ChainId chain) {
        Tip tip = ledger.applier.tip(chain);
        ledger.append(Block.seal(chain, tip.height() + 1, tip.hash(), tip.timeMs(), entriesFor(chain), ledger.validator));
    }

    @ParameterizedTest
    @EnumSource(ChainId.class)
    void entriesSwappedAfterSealingAreAMerkleMismatch(ChainId chain) {
        Block good = ledger.next(chain, entriesFor(chain));
        List<byte[]> swapped = List.of(good.entries().get(1), good.entries().get(0));
        assertRejected(new Block(good.header(), good.signature(), swapped), BLOCK_MERKLE_MISMATCH);
    }

    @ParameterizedTest
    @EnumSource(ChainId.class)
    void entryDroppedOrAddedAfterSealingIsAMerkleMismatch(ChainId chain) {
        Block good = ledger.next(chain, entriesFor(chain));
        assertRejected(new Block(good.header(), good.signature(), good.entries().subList(0, 1)), BLOCK_MERKLE_MISMATCH);
        Block good2 = ledger.next(chain, entriesFor(chain));
        List<byte[]> more = new java.util.ArrayList<>(good2.entries());
        more.add(entriesFor(chain).get(0));
        assertRejected(new Block(good2.header(), good2.signature(), more), BLOCK_MERKLE_MISMATCH);
    }

    @Test
    void rejectedBlockWithAMarkerStillStoresOnlyTheMarker() {
        Block good = ledger.next(DATA, entriesFor(DATA));
        byte[] sig = good.signature();
        sig[0] ^= 1;
        ApplyOutcome o = ledger.applier.apply(BlockPreparer.onAllCores().prepare(new Block(good.header(), sig, good.entries())), "41");
        assertInstanceOf(Rejected.class, o);
        assertEquals("41", ledger.db.meta(BlockApplier.MARKER_KEY).orElseThrow());
        assertEquals(ledger.applier.tip(DATA).height(), ledger.queries().tip(DATA).height());
    }

    @Test
    void blockOfMoreThanTheMaximumEntriesIsRefused() {
        List<byte[]> many = new java.util.ArrayList<>(BlockApplier.MAX_ENTRIES + 1);
        for (int i = 0; i <= BlockApplier.MAX_ENTRIES; i++) {
            many.add(new byte[] {1, (byte) i, (byte) (i >> 8)});
        }
        Violation v = assertRejected(ledger.next(DATA, many), BLOCK_TOO_LARGE);
        assertTrue(v.reason().endsWith((BlockApplier.MAX_ENTRIES + 1) + " entries exceed " + BlockApplier.MAX_ENTRIES), v.reason());
    }
}
