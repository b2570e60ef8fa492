package org.waterchain.ledger.record;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry of measured quantities. The code is part of the wire format shared with the firmware:
 * never renumber, only add.
 */
public enum Quantity {
    FLOW(1, "FLOW", "flow", "m³/h"),
    EC(2, "EC", "conductivity", "µS/cm"),
    SS(3, "SS", "suspended solids", "mg/L"),
    UV254(4, "UV254", "UV254 absorbance (SAC)", "1/m"),
    TURBIDITY(5, "TURB", "turbidity", "NTU"),
    PH(6, "PH", "pH", ""),
    TEMPERATURE(7, "TEMP", "temperature", "°C"),
    ORP(8, "ORP", "oxidation-reduction potential", "mV"),
    DO(9, "DO", "dissolved oxygen", "mg/L"),
    LEVEL(10, "LEVEL", "level", "m"),
    PRESSURE(11, "PRES", "pressure", "kPa"),
    CU(20, "CU", "copper", "mg/L"),
    ZN(21, "ZN", "zinc", "mg/L"),
    NI(22, "NI", "nickel", "mg/L"),
    PB(23, "PB", "lead", "mg/L"),
    CD(24, "CD", "cadmium", "mg/L");

    private static final Map<Integer, Quantity> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toMap(Quantity::code, Function.identity()));
    private static final Map<String, Quantity> BY_SYMBOL =
            Arrays.stream(values()).collect(Collectors.toMap(Quantity::symbol, Function.identity()));

    private final int code;
    private final String symbol;
    private final String displayName;
    private final String unit;

    Quantity(int code, String symbol, String displayName, String unit) {
        this.code = code;
        this.symbol = symbol;
        this.displayName = displayName;
        this.unit = unit;
    }

    public int code() {
        return code;
    }

    /** Short upper-case symbol, also the suffix of the pollution asset, e.g. POLLUTION:CU. */
    public String symbol() {
        return symbol;
    }

    public String displayName() {
        return displayName;
    }

    public String unit() {
        return unit;
    }

    public static Optional<Quantity> byCode(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    public static Optional<Quantity> bySymbol(String symbol) {
        return Optional.ofNullable(BY_SYMBOL.get(symbol.toUpperCase(Locale.ROOT)));
    }
}
