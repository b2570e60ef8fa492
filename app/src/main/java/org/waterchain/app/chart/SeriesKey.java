package org.waterchain.app.chart;

import java.util.Objects;
import org.waterchain.ledger.record.Quantity;

/** One line on a chart: a station's measurements of one quantity. */
public record SeriesKey(String stationId, Quantity quantity) {
    public SeriesKey {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(quantity, "quantity");
    }

    @Override
    public String toString() {
        return stationId + " " + quantity.symbol();
    }
}
