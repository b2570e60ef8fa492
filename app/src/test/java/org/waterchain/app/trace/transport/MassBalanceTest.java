package org.waterchain.app.trace.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Whatever enters the model leaves it, decays in it, or is still in it. */
class MassBalanceTest {
    static final ReachHydraulics CANAL = new ReachHydraulics(0.5, 1.118, 2.13);

    @Test
    void steadyLoadLeavesWholeThroughTheStation() {
        CompartmentModel m = CompartmentModel.of(Stretch.uniform(3838, CANAL), ModelSettings.of(32));
        Profile p = m.steady(List.of(PointLoad.constant(0, 0.2)));
        assertEquals(0.2 / 0.5, p.station(), 1e-12);
        // A load half way down does the same.
        assertEquals(0.4, m.steady(List.of(PointLoad.constant(1900, 0.2))).station(), 1e-12);
    }

    @Test
    void steadyLoadWithDecayLeavesOrDecays() {
        double k = 1e-4;
        CompartmentModel m = CompartmentModel.of(Stretch.uniform(3838, CANAL), ModelSettings.of(32).withDecayPerSecond(k));
        Profile p = m.steady(List.of(PointLoad.constant(0, 0.2)));
        double segmentVolume = CANAL.areaM2() * 3838 / 32;
        double decayed = 0;
        for (Profile.Point pt : p.points()) {
            decayed += k * segmentVolume * pt.concentration();
        }
        assertEquals(0.2, CANAL.flowM3s() * p.station() + decayed, 1e-12);
        // Nearly first-order decay over the travel time, as a plug would see it.
        assertEquals(0.4 * Math.exp(-k * 3838 / 1.118), p.station(), 0.4 * 1e-3);
    }

    @Test
    void tributariesDiluteAndOfftakesDoNot() {
        ReachHydraulics first = new ReachHydraulics(0.5, 1.118, 2.13);
        ReachHydraulics joined = new ReachHydraulics(0.8, 1.2, 2.5);
        ReachHydraulics split = new ReachHydraulics(0.4, 0.9, 1.8);
        // Inflow of 0.3 m³/s after 1 km, and 0.2 m³/s more joins at the station's node.
        Stretch widening = new Stretch(List.of(new Reach(1000, first), new Reach(2838, joined)), 1.0);
        assertEquals(0.2 / 1.0, steadyStation(widening), 1e-12);
        // Half the water leaves at a divergence: the concentration stays, half the mass goes with it.
        Stretch dividing = new Stretch(List.of(new Reach(1000, joined), new Reach(2838, split)), 0.4);
        assertEquals(0.2 / 0.8, steadyStation(dividing), 1e-12);
        // The outfall's node splits before the first reach: the load mixes into the node's whole flow.
        Stretch splitAtOutfall = new Stretch(List.of(new Reach(3838, split, 0.8)), 0.4);
        assertEquals(0.2 / 0.8, steadyStation(splitAtOutfall), 1e-12);
        // A junction that gains 0.2 m³/s of its own and then divides: dilution first, then the split.
        Stretch junction = new Stretch(List.of(new Reach(1000, first), new Reach(2838, split, 0.7)), 0.4);
        assertEquals(0.2 / 0.7, steadyStation(junction), 1e-12);
        // The same with the junction's reach shorter than a solver cell.
        Stretch shortReach = new Stretch(List.of(new Reach(1000, first), new Reach(0.5, split, 0.7),
                new Reach(2837.5, split)), 0.4);
        assertEquals(0.2 / 0.7, steadyStation(shortReach), 1e-12);
    }

    private static double steadyStation(Stretch s) {
        return CompartmentModel.of(s, ModelSettings.of(32)).steady(List.of(PointLoad.constant(0, 0.2))).station();
    }

    @Test
    void aPulsePassesTheStationWhole() {
        CompartmentModel m = CompartmentModel.of(Stretch.uniform(3838, CANAL), ModelSettings.of(32));
        double rate = 0.3;
        double duration = 600;
        TransientRun run = m.run(List.of(new PointLoad(0, rate, 100, 100 + duration)), 7200, 1200);
        double[] c = run.station();
        double passed = 0;
        for (int i = 1; i < c.length; i++) {
            passed += CANAL.flowM3s() * (c[i - 1] + c[i]) / 2 * run.timeStepS();
        }
        assertEquals(rate * duration, passed, rate * duration * 1e-3);
        // Mid-way the pulse is in the channel: stored mass equals what went in.
        Profile mid = run.profiles().get(0);
        double stored = 0;
        for (Profile.Point pt : mid.points()) {
            stored += CANAL.areaM2() * 3838 / 32 * pt.concentration();
        }
        assertEquals(rate * duration, stored, rate * duration * 1e-3);
        for (double v : c) {
            assertTrue(v > -1e-6 * rate, "no meaningful undershoot: " + v);
        }
    }

    @Test
    void theStepResponseIsTheRunOfAUnitLoadAndSettlesOnTheSteadyState() {
        CompartmentModel m = CompartmentModel.of(Stretch.uniform(3838, CANAL), ModelSettings.of(32).withDecayPerSecond(1e-5));
        StepResponse s = m.stepResponse(1e6);
        TransientRun run = m.run(List.of(PointLoad.constant(0, 1)), 5000);
        for (double t = 0; t <= 5000; t += 137) {
            // Identical until the response settles; after that it reads the steady state, 1e-9 away at most.
            assertEquals(run.stationAt(t), s.at(t), 1e-9 * s.steady(), "t = " + t);
        }
        assertEquals(m.steady(List.of(PointLoad.constant(0, 1))).station(), s.steady(), 1e-15);
        assertTrue(Double.isInfinite(s.horizonS()), "settled long before the horizon");
        assertEquals(s.steady(), s.at(1e5), 1e-15);
        assertEquals(0, s.at(1000), 1e-9, "nothing arrives before the water does (travel 3433 s)");
    }
}
