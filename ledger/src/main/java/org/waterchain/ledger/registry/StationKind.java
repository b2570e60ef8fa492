package org.waterchain.ledger.registry;

/** Regular stations measure physical and chemical quantities; heavy-metal stations run batch analysers. */
public enum StationKind {
    REGULAR, HEAVY_METAL, FLOW, PLANT_OUTFALL
}
