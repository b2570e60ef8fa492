package org.waterchain.app.map.view;

import java.util.Locale;
import org.waterchain.app.map.tiles.WebMercator;

/**
 * The scale bar's arithmetic: ground metres per screen pixel at a latitude and zoom, and the longest round length
 * (1, 2 or 5 times a power of ten) that fits the space given to the bar.
 *
 * @param metres     the bar's ground length
 * @param pixels     its length on screen
 * @param label      the length as shown ("500 m", "2 km")
 */
public record ScaleBar(double metres, double pixels, String label) {
    private static final double[] STEPS = {1, 2, 5};

    /** Mercator stretches the map by 1/cos(latitude), so a pixel covers less ground away from the equator. */
    public static double metresPerPixel(double latitude, double zoom) {
        return 2 * Math.PI * WebMercator.EARTH_RADIUS_M * Math.cos(Math.toRadians(latitude)) / WebMercator.worldSize(zoom);
    }

    /** The largest round length no longer than {@code maxMetres}; 1 m at least. */
    public static double roundLength(double maxMetres) {
        if (!(maxMetres >= 1)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(maxMetres)));
        double best = power;
        for (double step : STEPS) {
            // a small tolerance so 5000 is not lost to 4999.999... from the logarithm
            if (step * power <= maxMetres * (1 + 1e-9)) {
                best = step * power;
            }
        }
        return best;
    }

    public static ScaleBar fit(double latitude, double zoom, double maxPixels) {
        double mpp = metresPerPixel(latitude, zoom);
        double metres = roundLength(mpp * maxPixels);
        return new ScaleBar(metres, metres / mpp, label(metres));
    }

    static String label(double metres) {
        if (metres >= 1000) {
            double km = metres / 1000;
            return (km == Math.rint(km) ? String.format(Locale.ROOT, "%d", (long) km) : String.format(Locale.ROOT, "%s", km)) + " km";
        }
        return String.format(Locale.ROOT, "%d m", (long) metres);
    }
}
