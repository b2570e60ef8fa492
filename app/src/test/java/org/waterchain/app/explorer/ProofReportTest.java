package org.waterchain.app.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.waterchain.ledger.chain.Block;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.chain.EntryId;
import org.waterchain.ledger.chain.MerkleTree;
import org.waterchain.ledger.crypto.Hex;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.record.RecordEntry;
import org.waterchain.ledger.record.SensorRecord;
import org.waterchain.ledger.registry.Role;
import org.waterchain.ledger.store.LedgerQueries.EntryProof;
import org.waterchain.ledger.store.StoredBlock;
import org.waterchain.ledger.store.StoredEntry;

/** Proofs over real sealed blocks: every step shown, VERIFIED only when each one holds. */
class ProofReportTest {
    static final KeyPair PROPOSER = KeyPair.generate();
    static final KeyPair DEVICE = KeyPair.generate();
    static final LedgerNames NAMES = new LedgerNames(Map.of(), Map.of(),
            Map.of(PROPOSER.address(), new LedgerNames.Member("Water Resources Department", Set.of(Role.REGULATOR, Role.VALIDATOR))));
    static final Formats UTC = new Formats(ZoneOffset.UTC);

    static List<byte[]> entries(int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SensorRecord r = new SensorRecord("R04-A", i + 1, 1_704_067_200_000L + i * 60_000L, 0, List.of(new Reading(Quantity.PH, 7 + i / 10.0)));
            out.add(new RecordEntry(r.sign(DEVICE), r.sampleTimeMs() + 500).encode());
        }
        return out;
    }

    static Block seal(List<byte[]> entries, KeyPair proposer) {
        return Block.seal(ChainId.DATA, 694, new byte[32], 1_704_070_000_000L, entries, proposer);
    }

    static StoredBlock stored(Block b, byte[] storedHash, byte[] signature) {
        List<byte[]> ids = b.entries().stream().map(EntryId::of).toList();
        return new StoredBlock(700, b.header(), storedHash, signature, ids);
    }

    static EntryProof proof(Block b, StoredBlock sb, int index, byte[] raw) {
        StoredEntry e = new StoredEntry(ChainId.DATA, b.header().height(), index, sb.entryIds().get(index), raw, true, null);
        return new EntryProof(e, sb, MerkleTree.prove(sb.entryIds(), index));
    }

    static EntryProof honest(Block b, int index) {
        return proof(b, stored(b, b.header().hash(), b.signature()), index, b.entries().get(index));
    }

    private static Field field(ProofReport r, String label) {
        return r.rows().stream().filter(f -> f.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no row '" + label + "' in " + r.rows()));
    }

    @Test
    void everyEntryOfAnOddSizedBlockVerifies() {
        Block b = seal(entries(5), PROPOSER);
        for (int i = 0; i < 5; i++) {
            ProofReport r = ProofReport.of(honest(b, i), NAMES, UTC);
            assertTrue(r.verified(), () -> r.verdict() + " " + r.failures());
            assertTrue(r.verdict().startsWith("VERIFIED: entry data #694/" + i + " is committed in block data #694, signed by Water Resources Department"),
                    r.verdict());
            assertTrue(r.rows().stream().noneMatch(f -> f.tone() == Field.Tone.BAD), r.rows()::toString);
        }
    }

    @Test
    void theRowsShowLeafSiblingsWithTheirSideAndBothRoots() {
        Block b = seal(entries(5), PROPOSER);
        ProofReport r = ProofReport.of(honest(b, 2), NAMES, UTC);
        List<byte[]> ids = b.entries().stream().map(EntryId::of).toList();
        assertEquals(Hex.of(ids.get(2)), field(r, "Leaf (entry id)").value());
        // leaf 2 of 5: its sibling is leaf 3 (right), then the pair (0,1) on the left; the odd leaf 4 joins last, on the right
        assertEquals(Hex.of(ids.get(3)), field(r, "Sibling 1, right").value());
        assertTrue(r.rows().stream().anyMatch(f -> f.label().equals("Sibling 2, left")));
        assertTrue(r.rows().stream().anyMatch(f -> f.label().equals("Sibling 3, right")));
        assertEquals(Hex.of(b.header().merkleRoot()), field(r, "Computed root").value());
        assertEquals(Hex.of(b.header().merkleRoot()), field(r, "Header's Merkle root").value());
        assertEquals(Field.Tone.GOOD, field(r, "Header's Merkle root").tone());
        assertEquals(Field.Tone.GOOD, field(r, "Stored block hash").tone());
        assertEquals(Field.Tone.GOOD, field(r, "Proposer's signature").tone());
        assertEquals("Water Resources Department, a validator", field(r, "Proposer").value());
        assertEquals(Hex.of(b.header().hash()), field(r, "SHA-256(header)").value());
    }

    @Test
    void aBlockOfOneEntryHasNoSiblings() {
        Block b = seal(entries(1), PROPOSER);
        ProofReport r = ProofReport.of(honest(b, 0), NAMES, UTC);
        assertTrue(r.verified(), r.verdict());
        assertTrue(field(r, "Siblings").value().startsWith("none"));
    }

    @Test
    void changedEntryBytesFailAtTheLeaf() {
        Block b = seal(entries(4), PROPOSER);
        byte[] raw = b.entries().get(1).clone();
        raw[raw.length - 1] ^= 1; // receipt time: not signed by the device, but committed by the block
        ProofReport r = ProofReport.of(proof(b, stored(b, b.header().hash(), b.signature()), 1, raw), NAMES, UTC);
        assertFalse(r.verified());
        assertTrue(r.verdict().startsWith("FAILED: the entry's bytes do not hash to the leaf"), r.verdict());
        assertEquals(Field.Tone.BAD, field(r, "SHA-256(0x00 ‖ entry)").tone());
        assertEquals(1, r.failures().size(), r.failures()::toString);
    }

    @Test
    void aPathToAnotherRootFails() {
        Block b = seal(entries(4), PROPOSER);
        Block other = seal(entries(3), PROPOSER);
        StoredBlock sb = stored(b, b.header().hash(), b.signature());
        StoredBlock wrongHeader = new StoredBlock(sb.seq(), other.header(), other.header().hash(), other.signature(), sb.entryIds());
        ProofReport r = ProofReport.of(proof(b, wrongHeader, 3, b.entries().get(3)), NAMES, UTC);
        assertFalse(r.verified());
        assertEquals(Field.Tone.BAD, field(r, "Header's Merkle root").tone());
        assertTrue(r.failures().contains("the path does not lead to the Merkle root in the block header"), r.failures()::toString);
    }

    @Test
    void aWrongStoredHashOrSignatureFails() {
        Block b = seal(entries(2), PROPOSER);
        ProofReport hash = ProofReport.of(proof(b, stored(b, new byte[32], b.signature()), 0, b.entries().get(0)), NAMES, UTC);
        assertFalse(hash.verified());
        assertEquals(List.of("the stored block hash is not the hash of its header"), hash.failures());

        byte[] sig = b.signature();
        sig[5] ^= 1;
        ProofReport signature = ProofReport.of(proof(b, stored(b, b.header().hash(), sig), 0, b.entries().get(0)), NAMES, UTC);
        assertFalse(signature.verified());
        assertEquals(List.of("the proposer's signature does not verify over the block header"), signature.failures());
        assertEquals(Field.Tone.BAD, field(signature, "Proposer's signature").tone());
    }

    @Test
    void aProposerOutsideTheAllianceIsNamedAsSuch() {
        Block b = seal(entries(2), KeyPair.generate());
        ProofReport r = ProofReport.of(honest(b, 1), NAMES, UTC);
        assertTrue(r.verified(), "the maths holds; who signed is shown, not judged here");
        assertEquals("not a member of the alliance", field(r, "Proposer").value());
    }

    @Test
    void anInvalidEntryIsIncludedAndSaysWhyItIsInvalid() {
        Block b = seal(entries(2), PROPOSER);
        StoredBlock sb = stored(b, b.header().hash(), b.signature());
        StoredEntry e = new StoredEntry(ChainId.DATA, 694, 1, sb.entryIds().get(1), b.entries().get(1), false, "STALE_SEQUENCE: seq 2 <= 5");
        ProofReport r = ProofReport.of(new EntryProof(e, sb, MerkleTree.prove(sb.entryIds(), 1)), NAMES, UTC);
        assertTrue(r.verified());
        assertTrue(r.verdict().endsWith("The ledger keeps it as invalid: STALE_SEQUENCE: seq 2 <= 5"), r.verdict());
    }
}
