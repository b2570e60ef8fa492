package org.waterchain.app.explorer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.waterchain.ledger.chain.BlockHeader;
import org.waterchain.ledger.chain.EntryId;
import org.waterchain.ledger.chain.MerkleProof;
import org.waterchain.ledger.crypto.Address;
import org.waterchain.ledger.crypto.Hex;
import org.waterchain.ledger.crypto.SigningDomain;
import org.waterchain.ledger.registry.Role;
import org.waterchain.ledger.store.LedgerQueries.EntryProof;
import org.waterchain.ledger.store.StoredEntry;

/**
 * An entry's inclusion proof checked step by step, as rows anyone can follow: the entry's bytes hash to the
 * leaf, the leaf and its siblings hash to the Merkle root, the root is the one in the block header, the header
 * hashes to the block's hash, and the proposer's key signed that hash. VERIFIED only when every step holds.
 * A check row (good or bad tone) compares its value with the row above it; the failures say what did not hold.
 */
public record ProofReport(boolean verified, String verdict, List<Field> rows, List<String> failures) {
    public ProofReport {
        rows = List.copyOf(rows);
        failures = List.copyOf(failures);
    }

    public static ProofReport of(EntryProof p, LedgerNames names, Formats formats) {
        StoredEntry e = p.entry();
        BlockHeader h = p.block().header();
        MerkleProof proof = p.proof();
        List<Field> rows = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        String where = Formats.place(e.chain(), e.height(), e.index());

        rows.add(Field.heading("Entry " + where));
        byte[] leaf = proof.leafId();
        byte[] recomputed = EntryId.of(e.raw());
        boolean leafOk = Arrays.equals(leaf, recomputed);
        rows.add(Field.mono("Leaf (entry id)", Hex.of(leaf)));
        rows.add(Field.check("SHA-256(0x00 ‖ entry)", leafOk, Hex.of(recomputed)));
        if (!leafOk) {
            failures.add("the entry's bytes do not hash to the leaf: the stored entry is not the one the block committed to");
        }

        rows.add(Field.heading("Merkle path (" + proof.steps().size() + (proof.steps().size() == 1 ? " level)" : " levels)")));
        if (proof.steps().isEmpty()) {
            rows.add(Field.plain("Siblings", "none: the block holds this entry alone, so its leaf is the root"));
        }
        for (int i = 0; i < proof.steps().size(); i++) {
            MerkleProof.Step s = proof.steps().get(i);
            rows.add(Field.mono("Sibling " + (i + 1) + (s.siblingOnLeft() ? ", left" : ", right"), Hex.of(s.sibling())));
        }
        byte[] computed = proof.computeRoot();
        boolean rootOk = Arrays.equals(computed, h.merkleRoot());
        rows.add(Field.mono("Computed root", Hex.of(computed)));
        rows.add(Field.check("Header's Merkle root", rootOk, Hex.of(h.merkleRoot())));
        if (!rootOk) {
            failures.add("the path does not lead to the Merkle root in the block header");
        }

        rows.add(Field.heading("Block " + Formats.block(h.chain(), h.height())));
        rows.add(Field.plain("Time", formats.time(h.timeMs()) + ", " + h.entryCount() + (h.entryCount() == 1 ? " entry" : " entries")));
        byte[] headerHash = h.hash();
        boolean hashOk = Arrays.equals(headerHash, p.block().hash());
        rows.add(Field.mono("SHA-256(header)", Hex.of(headerHash)));
        rows.add(Field.check("Stored block hash", hashOk, Hex.of(p.block().hash())));
        if (!hashOk) {
            failures.add("the stored block hash is not the hash of its header");
        }
        Address proposer = Address.of(h.proposerKey());
        String who = names.member(proposer)
                .map(m -> m.name() + (m.roles().contains(Role.VALIDATOR) ? ", a validator" : ", NOT a validator"))
                .orElse("not a member of the alliance");
        rows.add(Field.plain("Proposer", who));
        rows.add(Field.mono("Proposer key", Hex.of(h.proposerKey())));
        boolean sigOk = SigningDomain.BLOCK.verify(h.proposerKey(), headerHash, p.block().signature());
        rows.add(Field.check("Proposer's signature", sigOk, sigOk ? "verifies over the header hash" : "DOES NOT VERIFY over the header hash"));
        if (!sigOk) {
            failures.add("the proposer's signature does not verify over the block header");
        }

        boolean verified = failures.isEmpty();
        String verdict;
        if (verified) {
            verdict = "VERIFIED: entry " + where + " is committed in block " + Formats.block(h.chain(), h.height())
                    + ", signed by " + names.who(proposer)
                    + (e.valid() ? "" : ". The ledger keeps it as invalid: " + e.reason());
        } else {
            verdict = "FAILED: " + String.join("; ", failures);
        }
        return new ProofReport(verified, verdict, rows, failures);
    }
}
