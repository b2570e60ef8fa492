package org.waterchain.app.trace.transport;

/**
 * An open channel's cross-section: a trapezoid wider at the top than at the bottom (the "inverted trapezoid" of
 * lined irrigation canals), with the bottom width and the side slope as horizontal run per unit of rise. A side
 * slope of 0 is a rectangle. Depths and widths in metres.
 */
public record TrapezoidSection(double bottomWidthM, double sideSlope) {
    public TrapezoidSection {
        if (!(bottomWidthM >= 0) || !Double.isFinite(bottomWidthM)) {
            throw new IllegalArgumentException("bottom width must be a finite number >= 0 m, got " + bottomWidthM);
        }
        if (!(sideSlope >= 0) || !Double.isFinite(sideSlope)) {
            throw new IllegalArgumentException("side slope must be a finite number >= 0 (horizontal per vertical), got "
                    + sideSlope);
        }
        if (bottomWidthM == 0 && sideSlope == 0) {
            throw new IllegalArgumentException("a section with no bottom width and vertical sides holds no water");
        }
    }

    public double areaM2(double depthM) {
        return (bottomWidthM + sideSlope * depthM) * depthM;
    }

    public double wettedPerimeterM(double depthM) {
        return bottomWidthM + 2 * depthM * Math.sqrt(1 + sideSlope * sideSlope);
    }

    public double topWidthM(double depthM) {
        return bottomWidthM + 2 * sideSlope * depthM;
    }

    public double hydraulicRadiusM(double depthM) {
        return areaM2(depthM) / wettedPerimeterM(depthM);
    }
}
