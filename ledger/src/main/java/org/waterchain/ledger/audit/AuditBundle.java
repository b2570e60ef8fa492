package org.waterchain.ledger.audit;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.waterchain.ledger.chain.Block;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.codec.CanonicalReader;
import org.waterchain.ledger.codec.CanonicalWriter;
import org.waterchain.ledger.codec.DecodeException;
import org.waterchain.ledger.crypto.Hex;
import org.waterchain.ledger.node.NodeException;
import org.waterchain.ledger.store.LedgerQueries;
import org.waterchain.ledger.store.StoredBlock;
import org.waterchain.ledger.store.StoredEntry;
import org.waterchain.ledger.store.Tip;
import org.waterchain.ledger.validation.BlockApplier;

/**
 * A portable, self-contained copy of both chains for auditors: gzip of "WaterChain audit bundle v1", the
 * block count, then every block in global apply order with the validity the node claims for each entry,
 * then both chains' tip hashes. {@code verify --bundle} replays it with no node running.
 */
public final class AuditBundle {
    private static final String MAGIC = "WaterChain audit bundle v1";
    private static final int MAX_BLOCK_BYTES = 64 * 1024 * 1024;

    private AuditBundle() {}

    public static long export(LedgerQueries q, Path out) {
        long count = q.count("blocks");
        try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(out)), 1 << 16))) {
            o.writeUTF(MAGIC);
            o.writeLong(count);
            for (long seq = 0; seq < count; seq++) {
                StoredBlock b = blockAt(q, seq);
                CanonicalWriter w = new CanonicalWriter(4096).bytes16(b.header().encode()).raw(b.signature()).u32(b.entryIds().size());
                for (int i = 0; i < b.entryIds().size(); i++) {
                    StoredEntry e = q.entryAt(b.header().chain(), b.header().height(), i).orElseThrow();
                    w.bytes32(e.raw()).bool(e.valid()).text(e.valid() ? "" : e.reason());
                }
                byte[] bytes = w.toByteArray();
                o.writeInt(bytes.length);
                o.write(bytes);
            }
            for (ChainId c : ChainId.values()) {
                o.write(q.tip(c).hash());
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit bundle " + out + ": " + e.getMessage(), e);
        }
    }

    private static StoredBlock blockAt(LedgerQueries q, long seq) {
        long[] ch = q.query("block " + seq, c -> {
            try (var ps = c.prepareStatement("SELECT chain, height FROM blocks WHERE seq = ?")) {
                ps.setLong(1, seq);
                try (var rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("block " + seq + " of the global order is missing");
                    }
                    return new long[] {rs.getInt(1), rs.getLong(2)};
                }
            }
        });
        return q.block(ChainId.of((int) ch[0]), ch[1]).orElseThrow();
    }

    static Reader open(Path bundle) {
        try {
            InputStream raw = Files.newInputStream(bundle);
            DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw), 1 << 16));
            if (!MAGIC.equals(in.readUTF())) {
                in.close();
                throw new NodeException(bundle + " is not a WaterChain audit bundle");
            }
            return new Reader(bundle, in, in.readLong());
        } catch (IOException e) {
            throw new NodeException(bundle + " is not a readable WaterChain audit bundle: " + e.getMessage(), e);
        }
    }

    /** Streams the blocks of a bundle, then checks the tips stated at its end. */
    static final class Reader implements Iterator<AuditedBlock>, AutoCloseable {
        private final Path file;
        private final DataInputStream in;
        private final long count;
        private long read;

        Reader(Path file, DataInputStream in, long count) {
            this.file = file;
            this.in = in;
            this.count = count;
        }

        long blockCount() {
            return count;
        }

        @Override
        public boolean hasNext() {
            return read < count;
        }

        @Override
        public AuditedBlock next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            try {
                int length = in.readInt();
                if (length < 0 || length > MAX_BLOCK_BYTES) {
                    throw new NodeException(file + ": block " + (read + 1) + " claims " + length + " bytes, more than any block holds");
                }
                byte[] bytes = new byte[length];
                in.readFully(bytes);
                read++;
                CanonicalReader r = new CanonicalReader(bytes);
                var header = org.waterchain.ledger.chain.BlockHeader.decode(r.bytes16("bundle.header"));
                byte[] sig = r.raw(64, "bundle.signature");
                long n = r.u32("bundle.entryCount");
                List<byte[]> raws = new ArrayList<>();
                List<Boolean> valid = new ArrayList<>();
                List<String> reasons = new ArrayList<>();
                for (long i = 0; i < n; i++) {
                    raws.add(r.bytes32("bundle.entry"));
                    boolean v = r.bool("bundle.valid");
                    String reason = r.text("bundle.reason");
                    valid.add(v);
                    reasons.add(v ? null : reason);
                }
                return new AuditedBlock(new Block(header, sig, raws), null, null, valid, reasons, List.of());
            } catch (EOFException e) {
                throw new NodeException(file + " ends early: block " + (read + 1) + " of " + count + " is missing");
            } catch (IOException | DecodeException e) {
                throw new NodeException(file + ": block " + (read + 1) + " is damaged: " + e.getMessage(), e);
            }
        }

        void checkTips(BlockApplier replayed, List<Finding> findings) {
            if (read < count) {
                return;
            }
            for (ChainId c : ChainId.values()) {
                byte[] stated = new byte[32];
                try {
                    in.readFully(stated);
                } catch (IOException e) {
                    findings.add(new Finding(c, -1, "the bundle's closing tip hashes are missing"));
                    return;
                }
                Tip tip = replayed.tip(c);
                if (c == ChainId.values()[ChainId.values().length - 1]) {
                    checkEnd(findings);
                }
                if (!Arrays.equals(stated, tip.hash())) {
                    findings.add(new Finding(c, tip.height(), "the bundle states tip " + Hex.of(stated).substring(0, 16)
                            + "... but its blocks end at " + Hex.of(tip.hash()).substring(0, 16) + "..."));
                }
            }
        }

        /** Reading to the end makes gzip check its CRC and length; nothing may follow the tips. */
        private void checkEnd(List<Finding> findings) {
            try {
                if (in.read() != -1) {
                    findings.add(new Finding(ChainId.VALUE, -1, "the bundle has data after its closing tip hashes"));
                }
            } catch (IOException e) {
                findings.add(new Finding(ChainId.VALUE, -1, "the bundle's compressed stream is damaged at its end: " + e.getMessage()));
            }
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException ignored) {
                // read-only
            }
        }
    }
}
