package org.waterchain.app.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The chime is synthesized here; playing it must never throw, with or without a sound card. */
class AlarmToneTest {
    @Test
    void theChimeIsHalfASecondOfUnclippedSixteenBitMono() {
        byte[] pcm = AlarmTone.pcm();
        int samples = pcm.length / 2;
        assertEquals(4 * ((int) (AlarmTone.RATE * 0.14) + (int) (AlarmTone.RATE * 0.06)), samples);
        int peak = 0;
        for (int i = 0; i < samples; i++) {
            short s = (short) ((pcm[2 * i] & 0xFF) | (pcm[2 * i + 1] << 8));
            peak = Math.max(peak, Math.abs(s));
        }
        assertTrue(peak > 0.5 * Short.MAX_VALUE && peak < 0.7 * Short.MAX_VALUE, "peak " + peak);
        short first = (short) ((pcm[0] & 0xFF) | (pcm[1] << 8));
        assertEquals(0, first, "the tone fades in");
    }

    @Test
    void playingReturnsAtOnceAndFailsSilentlyWithoutAudio() {
        try (AlarmTone tone = new AlarmTone()) {
            tone.play();
            tone.play(); // dropped while the first plays (or failed)
        }
    }
}
