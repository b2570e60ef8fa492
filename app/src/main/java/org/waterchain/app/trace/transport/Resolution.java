package org.waterchain.app.trace.transport;

/**
 * How finely the solver divides a stretch, in space and time.
 *
 * @param maxCellPeclet largest cell Péclet number v dx / D the solver accepts before it divides segments further;
 *                      at 2 or less its advection is exact central differencing with no numerical dispersion and
 *                      still free of wiggles (see {@link CompartmentModel})
 * @param maxCells      upper bound on cells, so a stretch with almost no dispersion cannot ask for millions
 * @param courant       time step as a fraction of the time water takes to cross a cell
 */
public record Resolution(double maxCellPeclet, int maxCells, double courant) {
    /**
     * Cell Péclet 1, at most 20,000 cells, one cell per time step. Péclet 2 would do (the error is second order in
     * both dx and dt), but 1 keeps a front that has travelled only a few hundred metres within 1% of the exact
     * solution, at four times the work (still milliseconds on the paper's channel).
     */
    public static final Resolution DEFAULT = new Resolution(1, 20_000, 1);

    public Resolution {
        if (!(maxCellPeclet > 0) || !Double.isFinite(maxCellPeclet)) {
            throw new IllegalArgumentException("maximum cell Péclet number must be positive, got " + maxCellPeclet);
        }
        if (maxCells < 1) {
            throw new IllegalArgumentException("at least one cell is needed, got " + maxCells);
        }
        if (!(courant > 0) || !Double.isFinite(courant)) {
            throw new IllegalArgumentException("Courant number must be positive, got " + courant);
        }
    }
}
