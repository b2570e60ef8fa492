package org.waterchain.ledger.chain;

import java.util.Arrays;
import java.util.List;
import org.waterchain.ledger.crypto.Hex;

/** Inclusion proof of one entry id in a block's Merkle root; anyone can check it against the header. */
public record MerkleProof(byte[] leafId, int index, List<Step> steps) {
    public MerkleProof {
        leafId = leafId.clone();
        steps = List.copyOf(steps);
    }

    public byte[] computeRoot() {
        byte[] h = leafId;
        for (Step s : steps) {
            h = s.siblingOnLeft() ? MerkleTree.parent(s.sibling(), h) : MerkleTree.parent(h, s.sibling());
        }
        return h;
    }

    public boolean verifies(byte[] merkleRoot) {
        return Arrays.equals(computeRoot(), merkleRoot);
    }

    /** One level of the path: the sibling hash and on which side it stands. */
    public record Step(byte[] sibling, boolean siblingOnLeft) {
        public Step {
            sibling = sibling.clone();
        }

        @Override
        public String toString() {
            return (siblingOnLeft ? "L " : "R ") + Hex.of(sibling);
        }
    }
}
