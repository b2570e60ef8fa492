package org.waterchain.devices.modbus;

/** The span, in engineering units after scaling, over which a transmitter's manual says its value is a measurement. */
public record ValidRange(double min, double max) {
    public ValidRange {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("valid range needs finite min <= max, got [" + min + ", " + max + "]");
        }
    }

    public boolean contains(double value) {
        return value >= min && value <= max;
    }

    @Override
    public String toString() {
        return "[" + min + ", " + max + "]";
    }
}
