package org.waterchain.ledger.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import org.waterchain.ledger.chain.Block;
import org.waterchain.ledger.crypto.Hex;
import org.waterchain.ledger.crypto.KeyPair;

/**
 * A node's data directory:
 * <pre>
 *   node.json      identity, Raft members, alliance id
 *   genesis.bin    the alliance's genesis blocks
 *   keys/node.key  the node's Ed25519 secret (hex; owner-only permissions)
 *   ledger.db      the SQLite ledger (WAL)
 *   raft/          Ratis storage (the ordered log)
 * </pre>
 */
public final class DataDirectory {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path root;
    private final NodeConfig config;

    private DataDirectory(Path root, NodeConfig config) {
        this.root = root;
        this.config = config;
    }

    public static boolean isInitialized(Path root) {
        return Files.isRegularFile(root.resolve("node.json"));
    }

    /** Opens an initialised directory, with a plain message for each way it can be wrong. */
    public static DataDirectory open(Path root) {
        if (!Files.isDirectory(root)) {
            throw new NodeException("data directory " + root + " does not exist; create it with: init --data " + root);
        }
        Path cfgFile = root.resolve("node.json");
        if (!Files.isRegularFile(cfgFile)) {
            throw new NodeException(root + " is not a WaterChain data directory (no node.json); create one with: init --data DIR");
        }
        NodeConfig cfg;
        try {
            cfg = JSON.readValue(cfgFile.toFile(), NodeConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var at = e.getLocation();
            throw new NodeException(cfgFile + " is not a valid node configuration: " + e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"), e);
        } catch (IOException e) {
            throw new NodeException("cannot read " + cfgFile + ": " + e.getMessage(), e);
        }
        if (cfg.nodeId() == null || cfg.members() == null || cfg.members().isEmpty() || cfg.allianceId() == null) {
            throw new NodeException(cfgFile + " lacks nodeId, members or allianceId");
        }
        DataDirectory dir = new DataDirectory(root, cfg);
        if (!Files.isRegularFile(dir.genesisFile())) {
            throw new NodeException(root + " has no genesis.bin: the directory is incomplete");
        }
        String alliance = GenesisFile.allianceId(dir.genesis());
        if (!alliance.equals(cfg.allianceId())) {
            throw new NodeException(root + ": genesis.bin belongs to alliance " + alliance.substring(0, 16)
                    + "..., node.json to " + cfg.allianceId().substring(0, Math.min(16, cfg.allianceId().length())) + "...");
        }
        dir.nodeKey(); // fail now, not at first block, if the key is unreadable
        return dir;
    }

    public static DataDirectory create(Path root, NodeConfig cfg, KeyPair nodeKey, List<Block> genesis) throws IOException {
        if (isInitialized(root)) {
            throw new NodeException(root + " already holds a node; refusing to overwrite it");
        }
        Files.createDirectories(root.resolve("keys"));
        DataDirectory dir = new DataDirectory(root, cfg);
        writeSecret(dir.root.resolve("keys").resolve("node.key"), nodeKey);
        GenesisFile.write(dir.genesisFile(), genesis);
        JSON.writeValue(root.resolve("node.json").toFile(), cfg);
        return dir;
    }

    public static void writeSecret(Path file, KeyPair key) throws IOException {
        Files.writeString(file, Hex.of(key.exportSecret()) + "\n", StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system (Windows): the user profile's ACLs protect it
        }
    }

    public Path root() {
        return root;
    }

    public NodeConfig config() {
        return config;
    }

    public Path database() {
        return root.resolve("ledger.db");
    }

    /**
     * The ledger file for commands that only read: it must exist already and be a WaterChain ledger. Checked
     * on a read-only connection, so nothing is created or changed.
     */
    public Path existingDatabase() {
        Path db = database();
        if (!java.nio.file.Files.isRegularFile(db)) {
            throw new NodeException(root + " has no ledger.db: the node has never been started here, or the file was removed");
        }
        org.waterchain.ledger.store.LedgerDatabase.inspect(db);
        return db;
    }

    public Path raftStorage() {
        return root.resolve("raft");
    }

    public Path genesisFile() {
        return root.resolve("genesis.bin");
    }

    public List<Block> genesis() {
        return GenesisFile.read(genesisFile());
    }

    public KeyPair nodeKey() {
        Path f = root.resolve("keys").resolve("node.key");
        try {
            return KeyPair.fromSecret(Hex.parse(Files.readString(f, StandardCharsets.US_ASCII)));
        } catch (IOException | IllegalArgumentException e) {
            throw new NodeException("cannot read the node key " + f + ": " + e.getMessage(), e);
        }
    }

    /** The Raft group id, derived from the alliance id so nodes of different alliances never form a group. */
    public UUID groupId() {
        return UUID.nameUUIDFromBytes(Hex.parse(config.allianceId()));
    }
}
