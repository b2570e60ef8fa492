package org.waterchain.app.map.geo;

/**
 * One problem in an imported file, located well enough for a user to fix it in a text editor.
 *
 * @param source       file name (or another label for the input)
 * @param featureIndex 0-based index in "features", or -1 for a problem with the document itself
 * @param featureLabel "id R04" / "name Mill Creek", or null when the feature has neither
 * @param where        member path inside the feature or document, e.g. geometry.coordinates[3][1]; may be empty
 * @param message      what is wrong
 */
public record GeoJsonError(String source, int featureIndex, String featureLabel, String where, String message) {
    public static GeoJsonError document(String source, String where, String message) {
        return new GeoJsonError(source, -1, null, where, message);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(source).append(": ");
        if (featureIndex >= 0) {
            b.append("feature ").append(featureIndex);
            if (featureLabel != null) {
                b.append(" (").append(featureLabel).append(')');
            }
            b.append(": ");
        }
        if (where != null && !where.isEmpty()) {
            b.append(where).append(": ");
        }
        return b.append(message).toString();
    }
}
