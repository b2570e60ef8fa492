package org.waterchain.app.alarm;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;

/**
 * The audible alert for new high-priority alarms: a short two-tone chime synthesized here and played through
 * javax.sound.sampled on a thread of its own, so the FX thread never waits for the sound card. A machine without
 * an audio device (CI, a virtual X server, a server room) disables it at the first failure, logged once: the
 * banner still flashes. Requests while a chime plays are dropped rather than queued into a long wail.
 */
public final class AlarmTone implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AlarmTone.class.getName());
    static final float RATE = 22_050f;
    private static final AudioFormat FORMAT = new AudioFormat(RATE, 16, 1, true, false);

    private final ExecutorService player = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "alarm-tone");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean playing = new AtomicBoolean();
    private volatile boolean disabled;
    private volatile String failure;

    /** Starts the chime unless one is playing or sound failed before; returns at once. */
    public void play() {
        if (disabled || !playing.compareAndSet(false, true)) {
            return;
        }
        try {
            player.execute(this::chime);
        } catch (RejectedExecutionException e) {
            playing.set(false);
        }
    }

    private void chime() {
        try (SourceDataLine line = AudioSystem.getSourceDataLine(FORMAT)) {
            line.open(FORMAT);
            line.start();
            byte[] pcm = pcm();
            line.write(pcm, 0, pcm.length);
            line.drain();
        } catch (Exception | LinkageError e) {
            // no mixer, no line, no native library: all mean this machine cannot sound an alarm
            disabled = true;
            failure = e.toString();
            LOG.log(System.Logger.Level.WARNING, "no audible alarms on this machine (" + e + "); the banner still flashes");
        } finally {
            playing.set(false);
        }
    }

    /** Why the tone is off, or null while it works (or has not been tried). */
    public String failure() {
        return failure;
    }

    /**
     * 16-bit little-endian mono PCM: two rising pairs of tones (784 Hz, then 1047 Hz; 140 ms each, 60 ms apart),
     * with 8 ms fades so the speaker does not click.
     */
    static byte[] pcm() {
        double[] freqs = {784, 1047, 784, 1047};
        int tone = (int) (RATE * 0.14);
        int gap = (int) (RATE * 0.06);
        int fade = (int) (RATE * 0.008);
        byte[] out = new byte[freqs.length * (tone + gap) * 2];
        int at = 0;
        for (double f : freqs) {
            for (int i = 0; i < tone; i++) {
                double env = Math.min(1, Math.min(i, tone - 1 - i) / (double) fade);
                short s = (short) (Math.sin(2 * Math.PI * f * i / RATE) * env * 0.6 * Short.MAX_VALUE);
                out[at++] = (byte) s;
                out[at++] = (byte) (s >> 8);
            }
            at += gap * 2;
        }
        return out;
    }

    @Override
    public void close() {
        player.shutdownNow();
    }
}
