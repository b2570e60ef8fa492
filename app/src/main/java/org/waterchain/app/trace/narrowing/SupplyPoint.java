package org.waterchain.app.trace.narrowing;

/** An irrigation unit and the network node its turnout takes water from. */
public record SupplyPoint(String unitId, String supplyNode) {}
