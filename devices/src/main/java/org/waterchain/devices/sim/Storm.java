package org.waterchain.devices.sim;

/**
 * A rain storm over the district: when it began, how much it added to every station's flow ratio at its peak, and
 * how long after its start the peak came.
 */
public record Storm(long startMs, double peakGain, long riseMs) {}
