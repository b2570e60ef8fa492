package org.waterchain.app.trace.transport;

/** How a reach's velocity and dispersion follow from the flow it carries. */
public sealed interface HydraulicModel {

    ReachHydraulics at(double flowM3s);

    /**
     * Uniform flow by Manning's equation in the given channel, with Fischer's dispersion estimate unless a
     * measured dispersion coefficient is given.
     *
     * @param dispersionM2s a measured coefficient, or NaN for Fischer's estimate at each flow
     */
    record Manning(ManningChannel channel, double dispersionM2s) implements HydraulicModel {
        public Manning {
            if (channel == null) {
                throw new IllegalArgumentException("a Manning model needs a channel");
            }
            if (!Double.isNaN(dispersionM2s) && !(dispersionM2s >= 0 && Double.isFinite(dispersionM2s))) {
                throw new IllegalArgumentException("dispersion must be >= 0 m²/s or NaN for Fischer's estimate, got "
                        + dispersionM2s);
            }
        }

        public static Manning withFischer(ManningChannel channel) {
            return new Manning(channel, Double.NaN);
        }

        @Override
        public ReachHydraulics at(double flowM3s) {
            FlowState s = channel.atFlow(flowM3s);
            return new ReachHydraulics(flowM3s, s.velocityMps(),
                    Double.isNaN(dispersionM2s) ? Dispersion.fischer(s) : dispersionM2s);
        }
    }

    /** The same velocity and dispersion at any flow, as the station-network simulator assumes. */
    record FixedVelocity(double velocityMps, double dispersionM2s) implements HydraulicModel {
        public FixedVelocity {
            new ReachHydraulics(1, velocityMps, dispersionM2s); // same checks, same messages
        }

        @Override
        public ReachHydraulics at(double flowM3s) {
            return new ReachHydraulics(flowM3s, velocityMps, dispersionM2s);
        }
    }
}
