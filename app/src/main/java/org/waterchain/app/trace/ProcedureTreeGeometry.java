package org.waterchain.app.trace;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.waterchain.ledger.trace.Pathway.Edge;

/**
 * Where the boxes of a procedure tree go, in pixels: column 0 holds the collection address, the stations follow in
 * their layout columns, the issuer takes the last column. One geometry for the screen and the report, so they match.
 *
 * @param stations each station's box origin (top left), {x, y}
 */
record ProcedureTreeGeometry(Map<String, double[]> stations, double[] collection, double[] issuer, double width,
                             double height) {
    static final double COLUMN_WIDTH = 150;
    static final double ROW_HEIGHT = 64;
    static final double BOX_WIDTH = 112;
    static final double BOX_HEIGHT = 44;
    static final double MARGIN = 16;

    /** @throws IllegalArgumentException as {@link ProcedureTreeLayout#layout} */
    static ProcedureTreeGeometry of(Collection<String> stations, Collection<Edge> edges) {
        ProcedureTreeLayout.Layout layout = ProcedureTreeLayout.layout(stations, edges);
        Map<String, double[]> at = new HashMap<>();
        layout.cells().forEach((id, cell) -> at.put(id, origin(cell.column() + 1, cell.row())));
        double middle = (layout.rows() - 1) / 2.0;
        return new ProcedureTreeGeometry(at, origin(0, middle), origin(layout.columns() + 1, middle),
                2 * MARGIN + (layout.columns() + 1) * COLUMN_WIDTH + BOX_WIDTH,
                2 * MARGIN + (layout.rows() - 1) * ROW_HEIGHT + BOX_HEIGHT);
    }

    private static double[] origin(int column, double row) {
        return new double[] {MARGIN + column * COLUMN_WIDTH, MARGIN + row * ROW_HEIGHT};
    }
}
