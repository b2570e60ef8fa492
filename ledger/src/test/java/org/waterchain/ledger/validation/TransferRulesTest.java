package org.waterchain.ledger.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waterchain.ledger.chain.ChainId.VALUE;
import static org.waterchain.ledger.testkit.TestLedger.id;
import static org.waterchain.ledger.testkit.TestLedger.out;
import static org.waterchain.ledger.testkit.TestLedger.txid;
import static org.waterchain.ledger.validation.Violation.Code.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.waterchain.ledger.crypto.Hashes;
import org.waterchain.ledger.crypto.Hex;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.crypto.SigningDomain;
import org.waterchain.ledger.store.StoredEntry;
import org.waterchain.ledger.testkit.TestLedger;
import org.waterchain.ledger.validation.ApplyOutcome.Applied;
import org.waterchain.ledger.value.Asset;
import org.waterchain.ledger.value.OutPoint;
import org.waterchain.ledger.value.Output;
import org.waterchain.ledger.value.Transfer;
import org.waterchain.ledger.value.ValueEntry;
import org.waterchain.ledger.value.Witness;

/** The value chain's UTXO rules, one test each, on a real ledger. */
class TransferRulesTest {
    @TempDir
    Path dir;
    TestLedger ledger;
    final KeyPair alice = KeyPair.generate();
    final KeyPair bob = KeyPair.generate();
    final KeyPair carol = KeyPair.generate();
    /** 1000 DROP minted to alice by the licensed validator. */
    byte[] aliceMint;

    @BeforeEach
    void open() {
        ledger = TestLedger.create(dir);
        aliceMint = ledger.mintDrops(alice.address(), 1000);
        ledger.appendValid(VALUE, aliceMint);
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    private byte[] pay(OutPoint in, KeyPair from, KeyPair to, long amount, long change) {
        List<Output> outs = new ArrayList<>(List.of(new Output(Asset.DROP, amount, to.address())));
        if (change > 0) {
            outs.add(new Output(Asset.DROP, change, from.address()));
        }
        return ledger.transfer(List.of(in), outs, new byte[0], from);
    }

    /** Pollution coins are minted only by the tracing contract (PollutionRulesTest), not to a member. */
    @Test
    void mintByLicensedIssuerCreatesTheOutput() {
        assertEquals(Map.of(Asset.DROP, 1000L), ledger.queries().balances(alice.address()));
        ledger.appendValid(VALUE, ledger.mint(bob.address(), 25, Asset.DROP), ledger.mint(bob.address(), 3000, Asset.ALLOWANCE));
        assertEquals(Map.of(Asset.DROP, 25L, Asset.ALLOWANCE, 3000L), ledger.queries().balances(bob.address()));
    }

    @Test
    void mintWithoutLicenceIsRefused() {
        byte[] e = ledger.transfer(List.of(), List.of(new Output(Asset.DROP, 5, alice.address())), new byte[0], alice);
        String reason = ledger.assertRefused(VALUE, e, MINT_WITHOUT_LICENCE);
        assertEquals("MINT_WITHOUT_LICENCE: creates 5 DROP but no signer holds a licence to issue DROP", reason);
    }

    @Test
    void mintOfAnAssetOutsideTheLicenceIsRefused() {
        // the plant is a member but holds no licence; the validator's licences do not sign for it
        byte[] e = ledger.transfer(List.of(), List.of(new Output(Asset.ALLOWANCE, 5, alice.address())), new byte[0],
                ledger.member("plant"));
        ledger.assertRefused(VALUE, e, MINT_WITHOUT_LICENCE);
    }

    @Test
    void spendingMoreThanTheInputsIsAnOverspend() {
        byte[] e = pay(out(aliceMint, 0), alice, bob, 1001, 0);
        String reason = ledger.assertRefused(VALUE, e, OVERSPEND);
        assertEquals("OVERSPEND: outputs of DROP (1001) exceed its inputs (1000)", reason);
    }

    @Test
    void secondSpendInALaterBlockIsADoubleSpendNamingTheFirstSpender() {
        byte[] first = pay(out(aliceMint, 0), alice, bob, 1000, 0);
        Applied a = ledger.appendValid(VALUE, first);
        byte[] second = pay(out(aliceMint, 0), alice, carol, 1000, 0);
        String reason = ledger.assertRefused(VALUE, second, DOUBLE_SPEND);
        assertTrue(reason.contains("already spent by transaction " + Hex.of(txid(first)).substring(0, 16)), reason);
        assertTrue(reason.endsWith("at value height " + a.header().height()), reason);
        assertEquals(Map.of(), ledger.queries().balances(carol.address()));
        assertEquals(Map.of(Asset.DROP, 1000L), ledger.queries().balances(bob.address()));
    }

    @Test
    void secondSpendInTheSameBlockIsADoubleSpend() {
        Applied a = ledger.append(VALUE, pay(out(aliceMint, 0), alice, bob, 1000, 0), pay(out(aliceMint, 0), alice, carol, 1000, 0));
        assertTrue(a.results().get(0).valid());
        ledger.assertInvalid(a, 1, DOUBLE_SPEND);
        assertEquals(Map.of(), ledger.queries().balances(carol.address()));
    }

    @Test
    void sameInputTwiceInOneTransactionIsADuplicateInput() {
        OutPoint in = out(aliceMint, 0);
        byte[] e = ledger.transfer(List.of(in, in), List.of(new Output(Asset.DROP, 2000, bob.address())), new byte[0], alice);
        String reason = ledger.assertRefused(VALUE, e, DUPLICATE_INPUT);
        assertEquals("DUPLICATE_INPUT: input " + in + " is spent twice in one transaction", reason);
    }

    @Test
    void unknownInputIsMissing() {
        OutPoint ghost = new OutPoint(Hashes.sha256(new byte[] {1, 2, 3}), 0);
        String reason = ledger.assertRefused(VALUE, pay(ghost, alice, bob, 1, 0), MISSING_INPUT);
        assertEquals("MISSING_INPUT: input " + ghost + " does not exist", reason);
        ledger.assertRefused(VALUE, pay(out(aliceMint, 1), alice, bob, 1, 0), MISSING_INPUT);
    }

    @Test
    void spendingSomeoneElsesOutputIsNotOwner() {
        byte[] e = pay(out(aliceMint, 0), bob, bob, 1000, 0);
        String reason = ledger.assertRefused(VALUE, e, NOT_OWNER);
        assertTrue(reason.contains("belongs to " + alice.address() + ", who did not sign"), reason);
    }

    @Test
    void memoOf75BytesIsAcceptedAnd76Refused() {
        byte[] tooLong = ledger.transfer(List.of(out(aliceMint, 0)), List.of(new Output(Asset.DROP, 1000, bob.address())),
                new byte[76], alice);
        String reason = ledger.assertRefused(VALUE, tooLong, MEMO_TOO_LONG);
        assertEquals("MEMO_TOO_LONG: memo of 76 bytes exceeds 75", reason);
        ledger.appendValid(VALUE, ledger.transfer(List.of(out(aliceMint, 0)),
                List.of(new Output(Asset.DROP, 1000, bob.address())), new byte[75], alice));
    }

    @Test
    void unknownAssetsAreInvalid() {
        for (String asset : List.of("GOLD", "POLLUTION:XX", "POLLUTION:cu", "drop", "POLLUTION:*")) {
            byte[] e = ledger.mint(bob.address(), 1, asset);
            String reason = ledger.assertRefused(VALUE, e, INVALID_ASSET);
            assertTrue(reason.contains(asset.substring(asset.indexOf(':') + 1)), reason);
        }
    }

    @Test
    void replayedMintIsADuplicate() {
        String reason = ledger.assertRefused(VALUE, aliceMint, DUPLICATE);
        assertEquals("DUPLICATE: transaction " + Hex.of(txid(aliceMint)).substring(0, 16) + " is already on the chain", reason);
        assertEquals(Map.of(Asset.DROP, 1000L), ledger.queries().balances(alice.address()));
    }

    @Test
    void sameMintTwiceInOneBlockIsADuplicate() {
        byte[] mint = ledger.mintDrops(bob.address(), 10);
        Applied a = ledger.append(VALUE, mint, mint);
        assertTrue(a.results().get(0).valid());
        ledger.assertInvalid(a, 1, DUPLICATE);
        assertEquals(Map.of(Asset.DROP, 10L), ledger.queries().balances(bob.address()));
    }

    /**
     * The witnesses are part of the entry id, so anyone can re-submit a mint with one more witness (their own
     * signature over the same body): the body, and so the nonce, is the same mint and must not pay twice.
     */
    @Test
    void replayedMintWithAnExtraWitnessIsStillADuplicate() {
        ValueEntry original = ValueEntry.decode(aliceMint);
        KeyPair anyone = KeyPair.generate();
        List<Witness> ws = new ArrayList<>(original.witnesses());
        ws.add(new Witness(anyone.publicKey(), SigningDomain.TRANSACTION.sign(anyone, original.body())));
        byte[] replay = new ValueEntry(original.type(), original.body(), ws).encode();
        ledger.assertRefused(VALUE, replay, DUPLICATE);
        assertEquals(Map.of(Asset.DROP, 1000L), ledger.queries().balances(alice.address()));
    }

    @Test
    void witnessSignatureOverAnotherBodyIsABadSignature() {
        Transfer t = new Transfer(List.of(), List.of(new Output(Asset.DROP, 5, bob.address())), new byte[0], 77);
        Transfer other = new Transfer(List.of(), List.of(new Output(Asset.DROP, 5000, bob.address())), new byte[0], 77);
        Witness w = ValueEntry.signed(other, ledger.validator).witnesses().get(0);
        byte[] forged = new ValueEntry(ValueEntry.TYPE_TRANSFER, t.encode(), List.of(w)).encode();
        String reason = ledger.assertRefused(VALUE, forged, BAD_SIGNATURE);
        assertTrue(reason.contains("a witness signature of transaction"), reason);
    }

    @Test
    void garbageOnTheValueChainIsMalformed() {
        String reason = ledger.assertRefused(VALUE, new byte[] {16, 0, 1, 9, 0}, MALFORMED);
        assertTrue(reason.startsWith("MALFORMED: transfer.version: unsupported 9"), reason);
        reason = ledger.assertRefused(VALUE, new byte[] {1, 2, 3}, MALFORMED);
        assertEquals("MALFORMED: entry type 1 does not belong on the value chain", reason);
    }

    @Test
    void transferBetweenTwoAddressesUpdatesBalancesAndHistory() {
        byte[] payBob = pay(out(aliceMint, 0), alice, bob, 300, 700);
        Applied a = ledger.appendValid(VALUE, payBob);
        assertEquals(Map.of(Asset.DROP, 700L), ledger.queries().balances(alice.address()));
        assertEquals(Map.of(Asset.DROP, 300L), ledger.queries().balances(bob.address()));
        assertEquals(1, ledger.queries().unspent(bob.address()).size());
        assertArrayEquals(txid(payBob), ledger.queries().unspent(bob.address()).get(0).txid());

        List<StoredEntry> bobHistory = ledger.queries().history(bob.address(), 10);
        assertEquals(1, bobHistory.size());
        assertArrayEquals(id(payBob), bobHistory.get(0).id());
        assertEquals(a.header().height(), bobHistory.get(0).height());

        List<StoredEntry> aliceHistory = ledger.queries().history(alice.address(), 10);
        assertEquals(2, aliceHistory.size(), "the mint and the payment, newest first");
        assertArrayEquals(id(payBob), aliceHistory.get(0).id());
        assertArrayEquals(id(aliceMint), aliceHistory.get(1).id());
        assertEquals(1, ledger.queries().history(alice.address(), 1).size());

        // bob spends on: the change and the new output follow
        byte[] payCarol = pay(out(payBob, 0), bob, carol, 100, 200);
        ledger.appendValid(VALUE, payCarol);
        assertEquals(Map.of(Asset.DROP, 200L), ledger.queries().balances(bob.address()));
        assertEquals(Map.of(Asset.DROP, 100L), ledger.queries().balances(carol.address()));
        assertEquals(Map.of(Asset.DROP, 700L), ledger.queries().balances(alice.address()));
    }

    @Test
    void multiAssetTransferNeedsEveryOwnerAndBalancesPerAsset() {
        byte[] bobAllowance = ledger.mint(bob.address(), 40, Asset.ALLOWANCE);
        ledger.appendValid(VALUE, bobAllowance);
        List<OutPoint> ins = List.of(out(aliceMint, 0), out(bobAllowance, 0));
        List<Output> swap = List.of(new Output(Asset.DROP, 1000, bob.address()), new Output(Asset.ALLOWANCE, 40, alice.address()));
        ledger.assertRefused(VALUE, ledger.transfer(ins, swap, new byte[0], alice), NOT_OWNER);
        List<Output> greedy = List.of(new Output(Asset.DROP, 1000, bob.address()), new Output(Asset.ALLOWANCE, 41, alice.address()));
        ledger.assertRefused(VALUE, ledger.transfer(ins, greedy, new byte[0], alice, bob), OVERSPEND);
        ledger.appendValid(VALUE, ledger.transfer(ins, swap, new byte[0], alice, bob));
        assertEquals(Map.of(Asset.ALLOWANCE, 40L), ledger.queries().balances(alice.address()));
        assertEquals(Map.of(Asset.DROP, 1000L), ledger.queries().balances(bob.address()));
    }
}
