package org.waterchain.devices.replay;

/**
 * What one mapped column contributed, in the quantity's unit after conversion.
 *
 * @param empty   rows where the field was empty (a missing value: no reading)
 * @param suspect readings whose qualifier made them SUSPECT
 * @param bad     readings whose qualifier made them BAD or MAINTENANCE
 * @param min     smallest value replayed (NaN when none)
 * @param max     largest value replayed (NaN when none)
 */
public record ColumnStats(String column, String quantity, String deviceId, long readings, long empty, long suspect,
                          long bad, double min, double max) {}
