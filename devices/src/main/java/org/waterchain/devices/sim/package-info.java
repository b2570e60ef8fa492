/**
 * The station-network simulator: realistic samples from every station of a channel network, on a simulated clock.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * NetworkSimulator sim = NetworkSimulator.demo(seed, startMs, sink);          // the demo district, lively defaults
 * // or: new NetworkSimulator(StationNetwork.fromGenesis(genesis, NetworkDefaults.DEMO),
 * //                          SimulationConfig.defaults(seed, startMs), sink);
 * sim.injectFromFactory("F-PCB-01", Quantity.CU, t, 30 * 60_000, 1.2);        // or injectAt("R04", ...), inject(site, ...)
 * sim.advanceTo(startMs + 3_600_000);                                        // emits the hour's samples, no sleeping
 * PacedRunner runner = new PacedRunner(sim, 720); runner.start();            // an hour every 5 s, on its own thread
 * sim.arrivals(eventId); sim.trueValue("M02", Quantity.CU, t);               // the truth behind the samples
 * }</pre>
 *
 * <h2>Model, and why</h2>
 * <ul>
 * <li><b>Network.</b> A DAG of nodes (stations, junctions, the outlet) joined by channels with a length and a mean
 * velocity. Dry-weather flow comes from a mass balance in flow order (a fixed inflow at each headwater, a smaller one
 * at every other node, equal splits at divergences); it sets the dilution at confluences.</li>
 * <li><b>Signal.</b> Per station a noise-free value per quantity ({@link org.waterchain.devices.sim.QuantityModel}):
 * water temperature with a seasonal and a diurnal cycle (warmest mid-afternoon, local time), DO from the Benson-Krause
 * saturation at that temperature times a photosynthesis cycle (so DO falls as water warms, and peaks in the
 * afternoon), pH and ORP following photosynthesis, EC diluted and turbidity, SS, UV254 and metals raised by storm flow,
 * level and pressure from flow by a rating curve. Storms are a district-wide Poisson process with gamma-shaped
 * hydrographs.</li>
 * <li><b>Sensors.</b> AR(1) noise with a per-quantity correlation time (so noise statistics do not depend on the
 * sampling interval), linear drift at a random rate per sensor that a calibration restarts, clamping and rounding to
 * the sensor's resolution; rarely a BAD reading repeating the last good value (a stuck sensor); now and then a
 * silent period with no samples at all.</li>
 * <li><b>Pollution.</b> An event adds an excess of one quantity at a site for a while. Along every downstream path
 * the excess arrives after length/velocity per channel, diluted by the flow share at each node, decayed by a
 * first-order rate, and spread by longitudinal dispersion (a rectangle convolved with a Gaussian of variance
 * 2DL/v^3 per reach). Nothing arrives before the discharge began. Background events come mostly from factories, with
 * one of their registered pollutants, so tracing has a true culprit.</li>
 * <li><b>Determinism.</b> One seed; independent random streams per station and purpose derived from it by a
 * SplitMix64 mix of the station id, so the samples do not depend on how the clock is advanced.</li>
 * <li><b>Cost.</b> Per-station state in primitive arrays, a primitive heap of due times, per-instant shared terms
 * computed once; a sample allocates its readings and nothing else. 500 stations x 10 quantities for a simulated hour
 * at 1-minute intervals (30,000 samples) take a few tens of milliseconds of CPU.</li>
 * </ul>
 */
package org.waterchain.devices.sim;
