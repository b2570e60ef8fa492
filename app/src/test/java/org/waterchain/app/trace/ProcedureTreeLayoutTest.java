package org.waterchain.app.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.waterchain.app.trace.ProcedureTreeLayout.Cell;
import org.waterchain.ledger.trace.Pathway.Edge;
import org.waterchain.app.trace.ProcedureTreeLayout.Layout;

class ProcedureTreeLayoutTest {
    @Test
    void papersFigure5_downstreamOnTheRight() {
        // coins: issuer -> C -> B -> collection, issuer -> F -> collection
        Layout l = ProcedureTreeLayout.layout(List.of("B", "C", "F"), List.of(new Edge("C", "B")));
        assertEquals(2, l.columns());
        assertEquals(new Cell(0, 0), l.cells().get("B"));
        assertEquals(new Cell(1, 0), l.cells().get("C"));
        assertEquals(new Cell(1, 1), l.cells().get("F"));
        assertEquals(2.0, l.rows());
    }

    @Test
    void typeTwoPathway_meetingStationSitsBetweenItsBranches() {
        Layout l = ProcedureTreeLayout.layout(List.of("R04", "R06", "R07", "R10", "R12", "M02"), List.of(
                new Edge("M02", "R10"), new Edge("M02", "R12"), new Edge("R10", "R07"), new Edge("R12", "R07"),
                new Edge("R07", "R06"), new Edge("R06", "R04")));
        assertEquals(5, l.columns());
        assertEquals(4, l.cells().get("M02").column());
        assertEquals(3, l.cells().get("R10").column());
        assertEquals(3, l.cells().get("R12").column());
        assertEquals(2, l.cells().get("R07").column());
        assertEquals(0, l.cells().get("R04").column());
        assertEquals(0.0, l.cells().get("R10").row());
        assertEquals(1.0, l.cells().get("R12").row());
        assertEquals(0.5, l.cells().get("R07").row());
        assertEquals(0.5, l.cells().get("R04").row());
    }

    @Test
    void stationsInOneColumnNeverOverlap() {
        Layout l = ProcedureTreeLayout.layout(List.of("D", "U1", "U2", "U3"),
                List.of(new Edge("D", "U1"), new Edge("D", "U2"), new Edge("D", "U3")));
        double[] rows = List.of("U1", "U2", "U3").stream().mapToDouble(s -> l.cells().get(s).row()).sorted().toArray();
        for (int i = 1; i < rows.length; i++) {
            assertTrue(rows[i] - rows[i - 1] >= 1, "rows " + rows[i - 1] + " and " + rows[i]);
        }
    }

    @Test
    void aCycleOrAnUnknownStationIsRefusedByName() {
        IllegalArgumentException cycle = assertThrows(IllegalArgumentException.class, () -> ProcedureTreeLayout.layout(
                List.of("A", "B"), List.of(new Edge("A", "B"), new Edge("B", "A"))));
        assertTrue(cycle.getMessage().contains("A, B"), cycle.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> ProcedureTreeLayout.layout(
                List.of("A"), List.of(new Edge("A", "Z"))));
        assertTrue(unknown.getMessage().contains("A -> Z"), unknown.getMessage());
    }
}
