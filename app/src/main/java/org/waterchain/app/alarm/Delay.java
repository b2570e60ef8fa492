package org.waterchain.app.alarm;

/**
 * How long a condition must persist before the alarm system acts on it (ISA-18.2's on-delay and off-delay,
 * against chatter): either a number of consecutive samples, or a time on the session's clock measured from the
 * first sample that showed it. One sample, or zero time, is no delay.
 */
public record Delay(int samples, long ms) {
    public static final Delay NONE = new Delay(1, 0);

    public Delay {
        if (samples < 1 && ms <= 0 || samples < 0 || ms < 0) {
            throw new IllegalArgumentException("a delay is 1 or more samples, or a positive time; got " + samples
                    + " samples, " + ms + " ms");
        }
        if (samples > 0 && ms > 0) {
            throw new IllegalArgumentException("a delay counts samples or time, not both");
        }
    }

    public static Delay samples(int n) {
        return new Delay(n, 0);
    }

    public static Delay time(long ms) {
        return ms <= 0 ? NONE : new Delay(0, ms);
    }

    /**
     * @param count   consecutive samples that showed the condition, this one included
     * @param elapsed time from the first of them to this one
     */
    boolean satisfied(int count, long elapsed) {
        return samples > 0 ? count >= samples : elapsed >= ms;
    }
}
