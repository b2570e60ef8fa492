package org.waterchain.app.map.view;

import org.waterchain.app.map.geo.BoundingBox;
import org.waterchain.app.map.geo.Position;
import org.waterchain.app.map.tiles.WebMercator;

/**
 * What the map view shows: the zoom and where the world's top-left corner lies in the view's pixels (Gluon's base
 * map translation), and the view's size. A feature at unit-square position (nx, ny) is drawn at
 * {@code origin + n * worldSize}, the same arithmetic as Gluon's {@code getMapPoint}, without its per-call
 * trigonometry.
 */
public record Viewport(double zoom, double originX, double originY, double width, double height) {
    /** The view that has (lat, lon) at its centre, as Gluon lays out a map centred there. */
    public static Viewport centred(double lat, double lon, double zoom, double width, double height) {
        double w = WebMercator.worldSize(zoom);
        return new Viewport(zoom, width / 2 - WebMercator.nx(lon) * w, height / 2 - WebMercator.ny(lat) * w, width, height);
    }

    public double worldSize() {
        return WebMercator.worldSize(zoom);
    }

    public double screenX(double lon) {
        return originX + WebMercator.nx(lon) * worldSize();
    }

    public double screenY(double lat) {
        return originY + WebMercator.ny(lat) * worldSize();
    }

    /** The geographic position under a point of the view; beyond the world's edge, the edge's. */
    public Position position(double x, double y) {
        double w = worldSize();
        double nx = Math.max(0, Math.min(1, (x - originX) / w));
        double ny = Math.max(0, Math.min(1, (y - originY) / w));
        return new Position(WebMercator.lon(nx), WebMercator.lat(ny));
    }

    /** The view's area in degrees, widened by {@code marginPx} on each side, so features just outside are ready. */
    public BoundingBox area(double marginPx) {
        Position nw = position(-marginPx, -marginPx);
        Position se = position(width + marginPx, height + marginPx);
        return new BoundingBox(nw.lon(), se.lat(), se.lon(), nw.lat());
    }

    public boolean isEmpty() {
        return !(width > 0 && height > 0);
    }
}
