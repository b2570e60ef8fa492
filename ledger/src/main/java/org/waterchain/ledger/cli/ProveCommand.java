package org.waterchain.ledger.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.waterchain.ledger.chain.BlockHeader;
import org.waterchain.ledger.chain.MerkleProof;
import org.waterchain.ledger.crypto.Address;
import org.waterchain.ledger.crypto.Hex;
import org.waterchain.ledger.node.DataDirectory;
import org.waterchain.ledger.node.NodeException;
import org.waterchain.ledger.store.LedgerQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "prove", mixinStandardHelpOptions = true,
        description = "Print the Merkle inclusion proof of a record (or transaction) against its block header, and check it.")
final class ProveCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "the node's data directory")
    Path data;

    @Option(names = {"--record", "--entry"}, required = true, description = "entry id (64 hex digits, as query prints it)")
    String id;

    @Override
    public Integer call() {
        if (!id.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("--record '" + id + "' is not an entry id (64 hex digits, as query prints it)");
        }
        byte[] entryId = Hex.parse(id);
        DataDirectory dir = DataDirectory.open(data);
        try (LedgerQueries q = new LedgerQueries(dir.existingDatabase())) {
            LedgerQueries.EntryProof p = q.prove(entryId).orElseThrow(() -> new NodeException("no entry " + id + " on either chain"));
            BlockHeader h = p.block().header();
            MerkleProof proof = p.proof();
            System.out.println("entry        " + Hex.of(entryId) + (p.entry().valid() ? " (valid)" : " (invalid: " + p.entry().reason() + ")"));
            System.out.println("block        " + h.chain().label() + " #" + h.height() + " hash " + Hex.of(p.block().hash()));
            System.out.println("  previous   " + Hex.of(h.previousHash()));
            System.out.println("  time       " + java.time.Instant.ofEpochMilli(h.timeMs()));
            System.out.println("  merkleRoot " + Hex.of(h.merkleRoot()));
            System.out.println("  entries    " + h.entryCount());
            System.out.println("  proposer   " + Address.of(h.proposerKey()) + " signature " + Hex.of(p.block().signature()));
            System.out.println("leaf index   " + proof.index());
            for (MerkleProof.Step s : proof.steps()) {
                System.out.println("  sibling    " + s);
            }
            System.out.println("computed     " + Hex.of(proof.computeRoot()));
            System.out.println(p.verifies() ? "PROOF OK: the entry is included in the block" : "PROOF FAILS");
            return p.verifies() ? 0 : NodeCli.EXIT_ALTERED;
        }
    }
}
