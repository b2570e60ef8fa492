package org.waterchain.app.map.geo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.waterchain.ledger.registry.GeoPoint;
import org.waterchain.ledger.registry.RegistryAction;

/**
 * The map layers implied by the ledger's registry, so a station, factory or channel appears on the map as
 * soon as it is registered, without a GeoJSON import. Actions are applied in ledger order and a later
 * registration of the same id replaces the earlier one, as it does in the registry; first-seen order is kept.
 *
 * @param undrawnChannels ids of registered channels with fewer than 2 geometry points: the ledger accepts
 *                        them (topology without a surveyed course), the map cannot draw them, the UI lists them
 */
public record RegistryLayers(StationLayer stations, FactoryLayer factories, ChannelLayer channels,
                             List<String> undrawnChannels) {
    public RegistryLayers {
        undrawnChannels = List.copyOf(undrawnChannels);
    }

    public static RegistryLayers from(Iterable<? extends RegistryAction> actions) {
        Map<String, Station> stations = new LinkedHashMap<>();
        Map<String, Factory> factories = new LinkedHashMap<>();
        Map<String, Channel> channels = new LinkedHashMap<>();
        Map<String, Boolean> undrawn = new LinkedHashMap<>();
        for (RegistryAction a : actions) {
            if (a instanceof RegistryAction.RegisterStation s) {
                stations.put(s.id(), new Station(s.id(), s.name(), s.stationKind(), point(s.location()), Properties.EMPTY));
            } else if (a instanceof RegistryAction.RegisterFactory f) {
                factories.put(f.id(), new Factory(f.id(), f.name(), f.industry(), point(f.location()), f.pollutants(),
                        f.permittedDischargeM3Day(), f.dischargeNode(), Properties.EMPTY));
            } else if (a instanceof RegistryAction.AddChannel c) {
                if (c.geometry().size() < 2) {
                    channels.remove(c.id());
                    undrawn.put(c.id(), true);
                } else {
                    undrawn.remove(c.id());
                    channels.put(c.id(), new Channel(c.id(), c.name(), c.fromNode(), c.toNode(), c.lengthM(),
                            line(c.geometry()), Properties.EMPTY));
                }
            }
        }
        return new RegistryLayers(new StationLayer(List.copyOf(stations.values())),
                new FactoryLayer(List.copyOf(factories.values())), new ChannelLayer(List.copyOf(channels.values())),
                List.copyOf(undrawn.keySet()));
    }

    private static Geometry.Point point(GeoPoint p) {
        return new Geometry.Point(new Position(p.lon(), p.lat()));
    }

    private static Geometry.LineString line(List<GeoPoint> pts) {
        List<Position> out = new ArrayList<>(pts.size());
        pts.forEach(p -> out.add(new Position(p.lon(), p.lat())));
        return new Geometry.LineString(out);
    }
}
