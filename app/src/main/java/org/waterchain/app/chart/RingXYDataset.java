package org.waterchain.app.chart;

import java.util.ArrayList;
import java.util.List;
import org.jfree.data.DomainOrder;
import org.jfree.data.Range;
import org.jfree.data.xy.AbstractXYDataset;
import org.jfree.data.xy.XYDomainInfo;
import org.jfree.data.xy.XYRangeInfo;

/**
 * An {@link org.jfree.data.xy.XYDataset} over ring buffers, one per series, read in place (no copies, no boxed
 * points). It answers bounds itself ({@link XYDomainInfo}, {@link XYRangeInfo}) because JFreeChart otherwise
 * finds the axis ranges by reading every item through the interface on every draw.
 *
 * <p>Changes to the rings do not notify: the owner calls {@link #markChanged()} as it adds points and
 * {@link #flush()} once per frame, so a block of a hundred records is one redraw, not a hundred. A chart canvas
 * redraws synchronously on the thread that notifies, so both are FX-thread calls in the app.
 */
public final class RingXYDataset extends AbstractXYDataset implements XYDomainInfo, XYRangeInfo {
    /** One series: its legend key and the ring that holds its points. */
    public record Series(String key, RingBuffer ring) {}

    private List<Series> series = List.of();
    private double[] rangeIncludes = new double[0];
    private boolean dirty;

    public RingXYDataset() {}

    public RingXYDataset(List<Series> series) {
        this.series = List.copyOf(series);
    }

    /** Replaces the series (a reloaded store holds new rings); notifies at the next {@link #flush()}. */
    public void setSeries(List<Series> newSeries) {
        this.series = List.copyOf(newSeries);
        dirty = true;
    }

    public List<Series> series() {
        return series;
    }

    public RingBuffer ring(int series) {
        return this.series.get(series).ring();
    }

    /** Values the value axis' auto range must show even where no point reaches them: the standard's limits. */
    public void setRangeIncludes(double... values) {
        rangeIncludes = values.clone();
        dirty = true;
    }

    public void markChanged() {
        dirty = true;
    }

    public boolean isDirty() {
        return dirty;
    }

    /** Sends one change event if anything changed since the last flush. */
    public boolean flush() {
        if (!dirty) {
            return false;
        }
        dirty = false;
        fireDatasetChanged();
        return true;
    }

    @Override
    public int getSeriesCount() {
        return series.size();
    }

    @Override
    public Comparable<?> getSeriesKey(int s) {
        return series.get(s).key();
    }

    @Override
    public int getItemCount(int s) {
        return series.get(s).ring().size();
    }

    @Override
    public DomainOrder getDomainOrder() {
        // lets renderers find the visible items by binary search instead of a scan
        return DomainOrder.ASCENDING;
    }

    @Override
    public Number getX(int s, int item) {
        return getXValue(s, item);
    }

    @Override
    public Number getY(int s, int item) {
        return getYValue(s, item);
    }

    @Override
    public double getXValue(int s, int item) {
        return series.get(s).ring().x(item);
    }

    @Override
    public double getYValue(int s, int item) {
        return series.get(s).ring().y(item);
    }

    @Override
    public Range getDomainBounds(@SuppressWarnings("rawtypes") List visibleSeriesKeys, boolean includeInterval) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series sr : selected(visibleSeriesKeys)) {
            RingBuffer r = sr.ring();
            if (r.size() > 0) {
                lo = Math.min(lo, r.minX());
                hi = Math.max(hi, r.maxX());
            }
        }
        return lo <= hi ? new Range(lo, hi) : null;
    }

    @Override
    public Range getRangeBounds(@SuppressWarnings("rawtypes") List visibleSeriesKeys, Range xRange, boolean includeInterval) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean any = false;
        for (Series sr : selected(visibleSeriesKeys)) {
            RingBuffer r = sr.ring();
            int from = r.lowerBound(xRange.getLowerBound());
            int to = r.upperBound(xRange.getUpperBound());
            if (from < to) {
                double[] mm = r.minMaxY(from, to);
                lo = Math.min(lo, mm[0]);
                hi = Math.max(hi, mm[1]);
                any = true;
            }
        }
        if (!any) {
            // nothing to show: no range, so the axis keeps its own rather than zooming onto a lone limit
            return null;
        }
        for (double v : rangeIncludes) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new Range(lo, hi);
    }

    private List<Series> selected(List<?> keys) {
        if (keys == null) {
            return series;
        }
        List<Series> out = new ArrayList<>(series.size());
        for (Series s : series) {
            if (keys.contains(s.key())) {
                out.add(s);
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
