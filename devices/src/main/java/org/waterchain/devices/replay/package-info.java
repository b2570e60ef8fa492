/**
 * Replays recorded CSV series as samples of a device, for demos, tests and benchmarks on real data.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * ReplayReport r = CsvReplay.replayAll(file, ReplayFormat.USGS_NWIS_5MIN.mapping(),
 *         ReplayOptions.forDevice("PLUM-A"), sink);                          // as fast as possible
 * CsvReplay live = CsvReplay.open(file, ReplayFormat.GECCO_2018, ReplayOptions.forDevice("G-A").shiftedToNow(), sink);
 * new PacedRunner(live, 60).start();                                         // a recorded hour per minute, looking live
 * ColumnMapping custom = ColumnMapping.fromJson(Path.of("my-logger.json"));  // see the built-in JSON files as templates
 * }</pre>
 *
 * <h2>Decisions</h2>
 * <ul>
 * <li>The file is streamed one record at a time (RFC 4180 quoting, BOM, any line ends), never loaded whole.</li>
 * <li>An empty field is a missing value: no reading; a row without readings gives no sample.</li>
 * <li>A bad row (unparseable time or number, wrong field count, an unclosed quote) is rejected whole. By default it is
 * counted, its message ({@code file:line: column 'x': what}) kept in the report (the first 100), and the replay goes
 * on; {@link org.waterchain.devices.replay.ReplayOptions#strictly()} stops at it with a
 * {@link org.waterchain.devices.replay.ReplayException} carrying the report. Samples of earlier rows have been
 * delivered either way.</li>
 * <li>One sample carries one value per quantity: a second instrument in the same file (GECCO's second flow meter,
 * CANARY's plant-side sensors) reports as a companion device, the replay's device id plus the column's suffix.</li>
 * <li>Columns without a quantity code (chlorine, TOC) or without a known unit are left out and listed, with the
 * reason, in the mapping and in every report.</li>
 * <li>Times without an offset are read in the mapping's zone with a strict resolver (no February 30th).</li>
 * </ul>
 */
package org.waterchain.devices.replay;
