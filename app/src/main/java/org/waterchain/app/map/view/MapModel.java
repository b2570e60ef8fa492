package org.waterchain.app.map.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.waterchain.app.alarm.AlarmRow;
import org.waterchain.app.map.geo.Channel;
import org.waterchain.app.map.geo.Factory;
import org.waterchain.app.map.geo.Geometry;
import org.waterchain.app.map.geo.IrrigationUnit;
import org.waterchain.app.map.geo.MapFeature;
import org.waterchain.app.map.geo.Properties;
import org.waterchain.app.map.geo.Station;
import org.waterchain.app.map.geo.UnitState;
import org.waterchain.app.overview.OverviewModel;
import org.waterchain.app.overview.StationTile;
import org.waterchain.app.session.LiveRecord;
import org.waterchain.app.session.RegistryView;
import org.waterchain.app.standards.ComplianceClass;

/**
 * The map's logic without the toolkit: the latest values per station (classified with the overview's rules, so the
 * map and the tiles never disagree), the stations whose pins flash, the irrigation units' traced states, and the rows
 * of the details panel for any feature of any layer. Owned by the FX thread in the app.
 */
public final class MapModel {
    /** Extra attributes of an imported feature shown in its details, beyond which the panel says how many more. */
    static final int MAX_ATTRIBUTES = 12;

    /** One line of the details panel. */
    public record Row(String label, String value) {}

    /** What the details panel shows for a selected feature. */
    public record Details(String title, List<Row> rows) {
        public Details {
            rows = List.copyOf(rows);
        }

        public Optional<String> value(String label) {
            return rows.stream().filter(r -> r.label().equals(label)).map(Row::value).findFirst();
        }
    }

    private final OverviewModel latest;
    private final LongSupplier clock;
    private RegistryView registry;
    private Map<String, StationTile> tiles = Map.of();
    private AlarmPins alarms = AlarmPins.NONE;
    private final Map<String, UnitState> unitStates = new HashMap<>();

    public MapModel(RegistryView registry, LongSupplier clock) {
        this.registry = registry;
        this.clock = clock;
        // the interval only matters for device health, which the map does not show
        this.latest = new OverviewModel(60_000);
        refresh();
    }

    public RegistryView registry() {
        return registry;
    }

    public void setRegistry(RegistryView registry) {
        this.registry = registry;
        refresh();
    }

    public void accept(List<LiveRecord> records) {
        latest.accept(records);
        refresh();
    }

    private void refresh() {
        Map<String, StationTile> now = new HashMap<>();
        for (StationTile t : latest.tiles(registry, clock.getAsLong())) {
            now.put(t.stationId(), t);
        }
        tiles = now;
    }

    /** The station's worst class over its latest values; NONE before its first record or when not registered. */
    public ComplianceClass stationClass(String stationId) {
        return Optional.ofNullable(tiles.get(stationId)).map(StationTile::compliance).orElse(ComplianceClass.NONE);
    }

    public Map<String, ComplianceClass> stationClasses() {
        Map<String, ComplianceClass> out = new HashMap<>();
        tiles.forEach((id, t) -> out.put(id, t.compliance()));
        return out;
    }

    public void setAlarms(AlarmPins pins) {
        this.alarms = pins;
    }

    public AlarmPins alarms() {
        return alarms;
    }

    /** Replaces every unit's state; units not named are NORMAL. */
    public void setUnitStates(Map<String, UnitState> states) {
        unitStates.clear();
        unitStates.putAll(states);
    }

    public UnitState unitState(String unitId) {
        return unitStates.getOrDefault(unitId, UnitState.NORMAL);
    }

    public Details details(VectorLayer layer, MapFeature f) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("id", f.id()));
        rows.add(new Row("name", f.name().isBlank() ? "—" : f.name()));
        rows.add(new Row("kind", layer.kind().featureName()));
        Properties others = Properties.EMPTY;
        if (f instanceof Station s) {
            stationRows(s, rows);
            others = s.attributes();
        } else if (f instanceof Factory x) {
            rows.add(new Row("industry", x.industry().isBlank() ? "not given" : x.industry()));
            rows.add(new Row("pollutants", x.pollutants().isEmpty() ? "none registered" : String.join(", ", x.pollutants())));
            rows.add(new Row("permitted discharge", String.format(Locale.ROOT, "%,.0f m³/day", x.permittedDischargeM3Day())));
            rows.add(new Row("outfall", x.dischargeNode().isBlank() ? "not known" : x.dischargeNode()));
            rows.add(new Row("drawn as", x.geometry() instanceof Geometry.Polygon ? "footprint" : "point"));
            others = x.attributes();
        } else if (f instanceof Channel c) {
            rows.add(new Row("from", c.fromNode()));
            rows.add(new Row("to", c.toNode()));
            rows.add(new Row("length", length(c.lengthM())));
            others = c.attributes();
        } else if (f instanceof IrrigationUnit u) {
            rows.add(new Row("area", String.format(Locale.ROOT, "%.1f ha", u.areaHa())));
            rows.add(new Row("supplied from", u.supplyNode().isBlank() ? "not known" : u.supplyNode()));
            rows.add(new Row("state", describe(unitState(u.id()))));
            others = u.attributes();
        }
        rows.add(new Row("layer", layer.title()));
        attributes(others, rows);
        String kind = layer.kind().featureName();
        return new Details(Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + " " + f.id(), rows);
    }

    private void stationRows(Station s, List<Row> rows) {
        StationTile t = tiles.get(s.id());
        rows.add(new Row("type", s.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        if (t == null) {
            rows.add(new Row("latest", registry.stations().containsKey(s.id()) ? "no record yet" : "not registered on this ledger"));
        } else {
            rows.add(new Row("class", t.compliance() == ComplianceClass.NONE ? "no data" : t.compliance().name().toLowerCase(Locale.ROOT)));
            if (t.values().isEmpty()) {
                rows.add(new Row("latest", "no record yet"));
            }
            for (StationTile.Value v : t.values()) {
                String unit = v.unit().isEmpty() ? "" : " " + v.unit();
                rows.add(new Row(v.symbol(), String.format(Locale.ROOT, "%.3g%s", v.value(), unit)
                        + (v.limit().isEmpty() ? "" : "  (" + v.limit() + ")")));
            }
        }
        List<AlarmRow> open = alarms.of(s.id());
        for (int i = 0; i < open.size(); i++) {
            AlarmRow a = open.get(i);
            rows.add(new Row(open.size() == 1 ? "alarm" : "alarm " + (i + 1), a.condition() + " — " + a.state().label().toLowerCase(Locale.ROOT)));
        }
    }

    static String describe(UnitState s) {
        return switch (s) {
            case NORMAL -> "normal";
            case POLLUTED -> "polluted water";
            case UPSTREAM -> "upstream of a pollution source";
        };
    }

    static String length(double metres) {
        return metres >= 1000 ? String.format(Locale.ROOT, "%.2f km", metres / 1000) : String.format(Locale.ROOT, "%.0f m", metres);
    }

    /** NHDPlus writes ids as floats (250086854.0): shown as the integers they are, other numbers without exponents. */
    static String text(Object v) {
        if (v instanceof Double d && Double.isFinite(d)) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue())
                    : new java.math.BigDecimal(Double.toString(d)).toPlainString();
        }
        return String.valueOf(v);
    }

    private static void attributes(Properties others, List<Row> rows) {
        int shown = 0;
        for (Map.Entry<String, Object> e : others.values().entrySet()) {
            if (shown == MAX_ATTRIBUTES) {
                rows.add(new Row("…", (others.values().size() - shown) + " more attributes (see an export)"));
                return;
            }
            rows.add(new Row(e.getKey(), text(e.getValue())));
            shown++;
        }
    }
}
