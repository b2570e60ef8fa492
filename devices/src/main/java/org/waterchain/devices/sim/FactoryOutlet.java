package org.waterchain.devices.sim;

import java.util.List;
import java.util.Objects;

/**
 * A factory's outfall: the network node where its waste water joins the channels, and the pollutants it may
 * discharge (quantity symbols as in the registry, e.g. CU, NI; symbols without a quantity code, such as colour,
 * are kept for the record but cannot be simulated).
 */
public record FactoryOutlet(String id, String industry, String dischargeNode, List<String> pollutants) {
    public FactoryOutlet {
        Objects.requireNonNull(id, "factory id");
        Objects.requireNonNull(dischargeNode, "factory " + id + ": discharge node");
        industry = industry == null ? "" : industry;
        pollutants = List.copyOf(pollutants);
    }
}
