package org.waterchain.bench;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.waterchain.devices.wire.FrameDecoder;
import org.waterchain.devices.wire.Frames;
import org.waterchain.devices.wire.WireMessage;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.demo.DemoAlliance;
import org.waterchain.ledger.record.RecordEntry;

/**
 * What a serial driver does per record before the ingest's registry checks: COBS-decode the frame, check its
 * CRC, parse the message and the record body, verify the Ed25519 signature. Read beside
 * {@code Ed25519VerifyBench}: the target is at least 0.8 of the raw verification rate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 4)
@Measurement(iterations = 3, time = 5)
public class FrameVerifyBench {
    static final int N = 1024;
    byte[] stream;

    @Setup(Level.Trial)
    public void frames() {
        DemoAlliance.Genesis g = DemoAlliance.create(KeyPair.generate(), List.of(), BenchLedgers.YEAR_START);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] raw : BenchLedgers.signNext(BenchLedgers.devices(g), N, BenchLedgers.YEAR_START)) {
            out.writeBytes(Frames.encode(new WireMessage.RecordMessage(RecordEntry.decode(raw).signed()).encode()));
        }
        stream = out.toByteArray();
    }

    /** One driver's decoder; each thread is one serial port. */
    @State(Scope.Thread)
    public static class Port {
        long valid;
        final FrameDecoder decoder = new FrameDecoder((buf, len) -> {
            try {
                if (((WireMessage.RecordMessage) WireMessage.parse(java.util.Arrays.copyOf(buf, len), len)).signed().signatureValid()) {
                    valid++;
                }
            } catch (WireMessage.MalformedMessage e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Benchmark
    @Threads(Threads.MAX)
    @OperationsPerInvocation(N)
    public long decodeVerifyAllCores(Port p) {
        p.decoder.feed(stream, 0, stream.length);
        return p.valid;
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(N)
    public long decodeVerifyOneCore(Port p) {
        p.decoder.feed(stream, 0, stream.length);
        return p.valid;
    }
}
