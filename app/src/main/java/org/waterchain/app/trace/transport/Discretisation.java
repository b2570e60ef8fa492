package org.waterchain.app.trace.transport;

/**
 * How a model divided its stretch, so a caller can judge the numbers: reporting segments, solver cells and time
 * step, the largest cell Péclet number, and the numerical dispersion left where the cell limit stopped refinement
 * (0 when every cell has Péclet number 2 or less).
 */
public record Discretisation(int segments, int cellsPerSegment, double cellLengthM, double timeStepS,
                             double maxCellPeclet, double numericalDispersionM2s) {
    public int cells() {
        return segments * cellsPerSegment;
    }
}
