package org.waterchain.ledger.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.waterchain.ledger.chain.Block;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.codec.CanonicalReader;
import org.waterchain.ledger.codec.CanonicalWriter;
import org.waterchain.ledger.codec.DecodeException;
import org.waterchain.ledger.crypto.Hex;

/**
 * The genesis blocks of an alliance (value chain first: it registers the validators the data chain needs).
 * Every member node starts from the same file; the value genesis hash is the alliance id.
 */
public final class GenesisFile {
    private static final String MAGIC = "WaterChain genesis v1";

    private GenesisFile() {}

    public static void write(Path file, List<Block> blocks) throws IOException {
        CanonicalWriter w = new CanonicalWriter(4096).text(MAGIC).u32(blocks.size());
        blocks.forEach(b -> w.bytes32(b.encode()));
        Files.write(file, w.toByteArray());
    }

    public static List<Block> read(Path file) {
        try {
            CanonicalReader r = new CanonicalReader(Files.readAllBytes(file));
            if (!MAGIC.equals(r.text("genesis.magic"))) {
                throw new NodeException(file + " is not a WaterChain genesis file");
            }
            long n = r.u32("genesis.count");
            List<Block> blocks = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                blocks.add(Block.decode(r.bytes32("genesis.block")));
            }
            r.expectEnd("genesis");
            if (blocks.isEmpty() || blocks.get(0).header().chain() != ChainId.VALUE) {
                throw new NodeException(file + " does not start with a value-chain genesis block");
            }
            return blocks;
        } catch (IOException e) {
            throw new NodeException("cannot read genesis file " + file + ": " + e.getMessage(), e);
        } catch (DecodeException e) {
            throw new NodeException("genesis file " + file + " is damaged: " + e.getMessage(), e);
        }
    }

    public static String allianceId(List<Block> genesis) {
        return Hex.of(genesis.get(0).header().hash());
    }
}
