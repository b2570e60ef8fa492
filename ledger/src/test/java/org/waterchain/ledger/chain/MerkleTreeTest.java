package org.waterchain.ledger.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.waterchain.ledger.crypto.Hashes;

class MerkleTreeTest {
    private static List<byte[]> leaves(int n) {
        List<byte[]> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(EntryId.of(new byte[] {(byte) i, (byte) (i >> 8), 42}));
        }
        return ids;
    }

    /** Inner node as documented: SHA-256 of 0x01, left, right (leaves use 0x00). */
    private static byte[] node(byte[] l, byte[] r) {
        return Hashes.sha256((byte) 0x01, l, r);
    }

    /** Reference root written independently of MerkleTree: split at the largest power of two below n. */
    private static byte[] referenceRoot(List<byte[]> ids) {
        if (ids.size() == 1) {
            return ids.get(0);
        }
        // pairing left to right and carrying the odd node up equals splitting at the largest power of two < n
        int split = Integer.highestOneBit(ids.size() - 1);
        return node(referenceRoot(ids.subList(0, split)), referenceRoot(ids.subList(split, ids.size())));
    }

    @Test
    void everyLeafOfTreesOfSize1To33ProvesAgainstTheRoot() {
        for (int n = 1; n <= 33; n++) {
            List<byte[]> ids = leaves(n);
            byte[] root = MerkleTree.root(ids);
            assertArrayEquals(referenceRoot(ids), root, "root of " + n + " leaves");
            for (int i = 0; i < n; i++) {
                MerkleProof p = MerkleTree.prove(ids, i);
                assertEquals(i, p.index());
                assertArrayEquals(ids.get(i), p.leafId());
                assertArrayEquals(root, p.computeRoot(), "leaf " + i + " of " + n);
                assertTrue(p.verifies(root), "leaf " + i + " of " + n);
            }
        }
    }

    @Test
    void proofFailsAgainstADifferentRoot() {
        for (int n = 1; n <= 33; n += 4) {
            List<byte[]> ids = leaves(n);
            List<byte[]> other = leaves(n + 1);
            byte[] otherRoot = MerkleTree.root(other);
            for (int i = 0; i < n; i++) {
                assertFalse(MerkleTree.prove(ids, i).verifies(otherRoot), "leaf " + i + " of " + n);
                assertFalse(MerkleTree.prove(ids, i).verifies(MerkleTree.EMPTY_ROOT));
            }
        }
    }

    @Test
    void proofFailsWhenAnySiblingIsChanged() {
        for (int n = 2; n <= 33; n++) {
            List<byte[]> ids = leaves(n);
            byte[] root = MerkleTree.root(ids);
            for (int i = 0; i < n; i++) {
                MerkleProof p = MerkleTree.prove(ids, i);
                assertFalse(p.steps().isEmpty());
                for (int s = 0; s < p.steps().size(); s++) {
                    List<MerkleProof.Step> steps = new ArrayList<>(p.steps());
                    byte[] sib = steps.get(s).sibling();
                    sib[31] ^= 1;
                    steps.set(s, new MerkleProof.Step(sib, steps.get(s).siblingOnLeft()));
                    assertFalse(new MerkleProof(p.leafId(), i, steps).verifies(root), "leaf " + i + " step " + s);
                    List<MerkleProof.Step> flipped = new ArrayList<>(p.steps());
                    flipped.set(s, new MerkleProof.Step(p.steps().get(s).sibling(), !p.steps().get(s).siblingOnLeft()));
                    assertFalse(new MerkleProof(p.leafId(), i, flipped).verifies(root), "side of step " + s);
                }
                byte[] otherLeaf = ids.get((i + 1) % n);
                assertFalse(new MerkleProof(otherLeaf, i, p.steps()).verifies(root), "another leaf with this path");
            }
        }
    }

    @Test
    void emptyRootIs32ZeroBytes() {
        assertArrayEquals(new byte[32], MerkleTree.root(List.of()));
        assertArrayEquals(new byte[32], MerkleTree.EMPTY_ROOT);
        assertTrue(MerkleTree.isEmptyRoot(MerkleTree.root(List.of())));
        assertFalse(MerkleTree.isEmptyRoot(MerkleTree.root(leaves(1))));
    }

    @Test
    void smallTreesHaveTheDocumentedShape() {
        List<byte[]> ids = leaves(3);
        byte[] a = ids.get(0);
        byte[] b = ids.get(1);
        byte[] c = ids.get(2);
        assertArrayEquals(a, MerkleTree.root(List.of(a)), "one leaf is its own root");
        assertArrayEquals(node(a, b), MerkleTree.root(List.of(a, b)));
        assertArrayEquals(node(node(a, b), c), MerkleTree.root(ids), "the odd node is carried up, not doubled");
        assertFalse(java.util.Arrays.equals(MerkleTree.root(List.of(a, b, c, c)), MerkleTree.root(ids)),
                "duplicating the last leaf changes the root (CVE-2012-2459)");
        List<byte[]> five = leaves(5);
        assertArrayEquals(node(node(node(five.get(0), five.get(1)), node(five.get(2), five.get(3))), five.get(4)),
                MerkleTree.root(five));
    }

    @Test
    void leafIdIsSha256OfZeroAndTheEntry() {
        byte[] entry = {1, 2, 3};
        assertArrayEquals(Hashes.sha256(new byte[] {0, 1, 2, 3}), EntryId.of(entry));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 5})
    void proofOfAMissingLeafThrows(int index) {
        assertThrows(IndexOutOfBoundsException.class, () -> MerkleTree.prove(leaves(5), index));
    }
}
