package org.waterchain.app.map.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.waterchain.app.overview.OverviewModel;
import org.waterchain.app.overview.StationTile;
import org.waterchain.app.session.LiveRecord;
import org.waterchain.app.session.RegistryView;
import org.waterchain.app.standards.ComplianceClass;
import org.waterchain.ledger.registry.RegistryAction.AddChannel;
import org.waterchain.ledger.registry.RegistryAction.RegisterFactory;

/**
 * The map's logic without the toolkit: the latest values per station (classified with the overview's rules, so
 * the map and the tiles never disagree) and the rows of the details panel. Owned by the FX thread in the app.
 */
public final class MapModel {
    /** One line of the details panel. */
    public record Row(String label, String value) {}

    /** What the details panel shows for a selected feature. */
    public record Details(String title, List<Row> rows) {
        public Details {
            rows = List.copyOf(rows);
        }
    }

    private final RegistryView registry;
    private final OverviewModel latest;
    private final java.util.function.LongSupplier clock;
    private java.util.Map<String, StationTile> tiles;

    public MapModel(RegistryView registry, java.util.function.LongSupplier clock) {
        this.registry = registry;
        this.clock = clock;
        // the interval only matters for device health, which the map does not show
        this.latest = new OverviewModel(60_000);
        refresh();
    }

    public RegistryView registry() {
        return registry;
    }

    public void accept(List<LiveRecord> records) {
        latest.accept(records);
        refresh();
    }

    private void refresh() {
        tiles = new java.util.HashMap<>();
        for (StationTile t : latest.tiles(registry, clock.getAsLong())) {
            tiles.put(t.stationId(), t);
        }
    }

    /** The station's worst class over its latest values; NONE before its first record. */
    public ComplianceClass stationClass(String stationId) {
        return station(stationId).map(StationTile::compliance).orElse(ComplianceClass.NONE);
    }

    private Optional<StationTile> station(String stationId) {
        return Optional.ofNullable(tiles.get(stationId));
    }

    public Optional<Details> details(Selection f) {
        return switch (f.kind()) {
            case STATION -> stationDetails(f.id());
            case FACTORY -> Optional.ofNullable(registry.factories().get(f.id())).map(MapModel::factoryDetails);
            case CHANNEL -> registry.channels().stream().filter(c -> c.id().equals(f.id())).findFirst()
                    .map(MapModel::channelDetails);
        };
    }

    private Optional<Details> stationDetails(String id) {
        return station(id).map(t -> {
            List<Row> rows = new ArrayList<>();
            rows.add(new Row("id", t.stationId()));
            rows.add(new Row("name", t.name()));
            rows.add(new Row("kind", t.kind()));
            rows.add(new Row("class", t.compliance() == ComplianceClass.NONE ? "no data" : t.compliance().name().toLowerCase(Locale.ROOT)));
            if (t.values().isEmpty()) {
                rows.add(new Row("latest", "no record yet"));
            }
            for (StationTile.Value v : t.values()) {
                String unit = v.unit().isEmpty() ? "" : " " + v.unit();
                rows.add(new Row(v.symbol(), String.format(Locale.ROOT, "%.3g%s", v.value(), unit)
                        + (v.limit().isEmpty() ? "" : "  (" + v.limit() + ")")));
            }
            return new Details("Station " + t.stationId(), rows);
        });
    }

    static Details factoryDetails(RegisterFactory f) {
        return new Details("Factory " + f.id(), List.of(
                new Row("id", f.id()),
                new Row("name", f.name()),
                new Row("kind", "factory"),
                new Row("industry", f.industry()),
                new Row("pollutants", f.pollutants().isEmpty() ? "none registered" : String.join(", ", f.pollutants())),
                new Row("permitted discharge", String.format(Locale.ROOT, "%,.0f m³/day", f.permittedDischargeM3Day())),
                new Row("outfall", f.dischargeNode())));
    }

    static Details channelDetails(AddChannel c) {
        return new Details("Channel " + c.id(), List.of(
                new Row("id", c.id()),
                new Row("name", c.name()),
                new Row("kind", "channel"),
                new Row("from", c.fromNode()),
                new Row("to", c.toNode()),
                new Row("length", c.lengthM() >= 1000 ? String.format(Locale.ROOT, "%.2f km", c.lengthM() / 1000)
                        : String.format(Locale.ROOT, "%.0f m", c.lengthM()))));
    }
}
