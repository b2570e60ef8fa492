package org.waterchain.app.chart;

/** Points in ascending x order, read by index: what the down-sampler needs from a series, whatever holds it. */
public interface XYSource {
    int size();

    double x(int i);

    double y(int i);

    /** Two arrays of equal length, x ascending, as a source (tests and benchmarks). */
    static XYSource of(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " and " + y.length);
        }
        return new XYSource() {
            @Override
            public int size() {
                return x.length;
            }

            @Override
            public double x(int i) {
                return x[i];
            }

            @Override
            public double y(int i) {
                return y[i];
            }
        };
    }
}
