package org.waterchain.ledger.value;

import org.waterchain.ledger.record.Quantity;

/**
 * Asset names of the value chain: DROP (water drops, the reward currency), ALLOWANCE (water allowance in
 * litres, shown as m³) and POLLUTION:&lt;quantity symbol&gt; (pollution coins of backward source tracing).
 */
public final class Asset {
    public static final String DROP = "DROP";
    public static final String ALLOWANCE = "ALLOWANCE";
    public static final String POLLUTION_PREFIX = "POLLUTION:";
    /** Licence pattern that covers every pollution asset. */
    public static final String POLLUTION_ANY = "POLLUTION:*";

    private Asset() {}

    public static String pollution(Quantity q) {
        return POLLUTION_PREFIX + q.symbol();
    }

    /** Null when the name is valid, else why not. */
    public static String problemWith(String asset) {
        if (DROP.equals(asset) || ALLOWANCE.equals(asset)) {
            return null;
        }
        if (asset.startsWith(POLLUTION_PREFIX)) {
            String symbol = asset.substring(POLLUTION_PREFIX.length());
            return Quantity.bySymbol(symbol).filter(q -> q.symbol().equals(symbol)).isPresent()
                    ? null : "unknown pollution quantity '" + symbol + "'";
        }
        return "unknown asset '" + asset + "'";
    }

    /** Whether a licence pattern (an asset name, or POLLUTION:*) covers the asset. */
    public static boolean licenceCovers(String pattern, String asset) {
        return pattern.equals(asset) || (POLLUTION_ANY.equals(pattern) && asset.startsWith(POLLUTION_PREFIX));
    }
}
