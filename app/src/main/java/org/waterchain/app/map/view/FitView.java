package org.waterchain.app.map.view;

import org.waterchain.app.map.geo.BoundingBox;
import org.waterchain.app.map.tiles.WebMercator;

/**
 * Where to centre and how far to zoom so a box fills the view: the largest zoom at which the box's web-Mercator
 * extent, plus a padding, fits both the width and the height. A box of one point (a layer of one station) gets
 * {@code maxZoom}.
 */
public record FitView(double lat, double lon, double zoom) {
    public static FitView of(BoundingBox box, double widthPx, double heightPx, double paddingPx, double minZoom, double maxZoom) {
        if (!(minZoom <= maxZoom)) {
            throw new IllegalArgumentException("zoom range " + minZoom + ".." + maxZoom + " is empty");
        }
        double x0 = WebMercator.nx(box.minLon());
        double x1 = WebMercator.nx(box.maxLon());
        double y0 = WebMercator.ny(box.maxLat());
        double y1 = WebMercator.ny(box.minLat());
        double spanX = (x1 - x0) * WebMercator.TILE_SIZE;
        double spanY = (y1 - y0) * WebMercator.TILE_SIZE;
        double availW = Math.max(1, widthPx - 2 * paddingPx);
        double availH = Math.max(1, heightPx - 2 * paddingPx);
        // worldSize(z) * span <= avail  <=>  z <= log2(avail / span); a zero span does not limit
        double zx = spanX > 0 ? log2(availW / spanX) : Double.POSITIVE_INFINITY;
        double zy = spanY > 0 ? log2(availH / spanY) : Double.POSITIVE_INFINITY;
        double zoom = Math.max(minZoom, Math.min(maxZoom, Math.min(zx, zy)));
        // the centre of the projected box, not of the degrees: Mercator stretches the north more than the south
        return new FitView(WebMercator.lat((y0 + y1) / 2), WebMercator.lon((x0 + x1) / 2), zoom);
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }
}
