package org.waterchain.app.alarm;

/**
 * How the alarm system treats process values (alarm rationalization, ISA-18.2 clause 10).
 *
 * @param deadbandFraction  an alarm clears only when its value is back inside the limit by this fraction of the
 *                          limit's scale (the limit itself; the half-width of a range)
 * @param criticalFraction  beyond the limit by this fraction of the scale, an alarm is critical, not high
 * @param onDelay           how long a limit must stay exceeded before the alarm raises
 * @param offDelay          how long the value must stay back inside (past the deadband) before it returns to normal
 * @param systemQuietMs     a system alarm without a clearing signal of its own returns to normal after this long
 *                          without a repeat
 * @param maxShelveMs       the longest shelve an operator may set (shelving is always time-limited)
 */
public record AlarmSettings(double deadbandFraction, double criticalFraction, Delay onDelay, Delay offDelay,
        long systemQuietMs, long maxShelveMs) {
    public static final long HOUR = 3_600_000L;

    public AlarmSettings {
        if (!(deadbandFraction >= 0 && deadbandFraction < 1)) {
            throw new IllegalArgumentException("deadband fraction must lie in [0, 1), got " + deadbandFraction);
        }
        if (!(criticalFraction > 0)) {
            throw new IllegalArgumentException("critical fraction must be positive, got " + criticalFraction);
        }
        if (systemQuietMs <= 0 || maxShelveMs <= 0) {
            throw new IllegalArgumentException("quiet period and longest shelve must be positive");
        }
    }

    /**
     * 5 % deadband (EEMUA 191's figure for analysers and flows), critical at 50 % beyond the limit, two samples
     * on and off, system alarms quiet after an hour, shelves of at most a week.
     */
    public static AlarmSettings defaults() {
        return new AlarmSettings(0.05, 0.5, Delay.samples(2), Delay.samples(2), HOUR, 7 * 24 * HOUR);
    }

    public AlarmSettings withDelays(Delay on, Delay off) {
        return new AlarmSettings(deadbandFraction, criticalFraction, on, off, systemQuietMs, maxShelveMs);
    }
}
