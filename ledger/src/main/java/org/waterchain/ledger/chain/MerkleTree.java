package org.waterchain.ledger.chain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.waterchain.ledger.crypto.Hashes;

/**
 * Merkle root over entry ids. Leaves and inner nodes are hashed with different prefixes, and an odd node
 * is carried up unchanged rather than paired with itself, which avoids Bitcoin's duplicate-leaf ambiguity
 * (CVE-2012-2459). The root of an empty block is 32 zero bytes.
 */
public final class MerkleTree {
    public static final byte[] EMPTY_ROOT = new byte[32];

    private MerkleTree() {}

    public static byte[] root(List<byte[]> leafIds) {
        if (leafIds.isEmpty()) {
            return EMPTY_ROOT.clone();
        }
        List<byte[]> level = leafIds;
        while (level.size() > 1) {
            level = nextLevel(level);
        }
        return level.get(0).clone();
    }

    public static MerkleProof prove(List<byte[]> leafIds, int index) {
        if (index < 0 || index >= leafIds.size()) {
            throw new IndexOutOfBoundsException("leaf " + index + " of " + leafIds.size());
        }
        List<MerkleProof.Step> steps = new ArrayList<>();
        List<byte[]> level = leafIds;
        int i = index;
        while (level.size() > 1) {
            int sibling = i ^ 1;
            if (sibling < level.size()) {
                steps.add(new MerkleProof.Step(level.get(sibling), sibling < i));
            }
            level = nextLevel(level);
            i /= 2;
        }
        return new MerkleProof(leafIds.get(index), index, steps);
    }

    static byte[] parent(byte[] left, byte[] right) {
        return Hashes.sha256(EntryId.NODE, left, right);
    }

    private static List<byte[]> nextLevel(List<byte[]> level) {
        List<byte[]> next = new ArrayList<>((level.size() + 1) / 2);
        for (int i = 0; i < level.size(); i += 2) {
            next.add(i + 1 < level.size() ? parent(level.get(i), level.get(i + 1)) : level.get(i));
        }
        return next;
    }

    public static boolean isEmptyRoot(byte[] root) {
        return Arrays.equals(root, EMPTY_ROOT);
    }
}
