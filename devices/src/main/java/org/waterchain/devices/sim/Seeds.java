package org.waterchain.devices.sim;

/**
 * Derives independent random-stream seeds from one run seed, so each station and each purpose gets its own stream
 * and the order in which streams are created does not matter.
 */
final class Seeds {
    private Seeds() {}

    static long mix(long seed, long key, long purpose) {
        return finalise(finalise(seed ^ 0x9E3779B97F4A7C15L * (key + 1)) + purpose * 0xBF58476D1CE4E5B9L);
    }

    /** The SplitMix64 finaliser: a bijection that scatters nearby inputs across all 64 bits. */
    private static long finalise(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A stable key for a station: its id, so a station keeps its behaviour when others are added. */
    static long stationKey(String stationId) {
        long h = 1125899906842597L;
        for (int i = 0; i < stationId.length(); i++) {
            h = 31 * h + stationId.charAt(i);
        }
        return h;
    }
}
