package org.waterchain.app.standards;

/**
 * The seed paper's water-utilization classes of the gap between a measure and its standard: blue within,
 * yellow close to the limit, red beyond it. NONE when no standard applies or the value is unknown.
 */
public enum ComplianceClass {
    NONE, BLUE, YELLOW, RED;

    public ComplianceClass worse(ComplianceClass other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
