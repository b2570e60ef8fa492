package org.waterchain.app.trace;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import org.waterchain.ledger.trace.Pathway.Edge;

/**
 * The procedure tree of one traced time point, drawn as the coins moved: the issuer on the far right mints to the
 * most downstream polluted stations, coins pass leftwards to polluted upstream stations, and each source on the
 * left sends them to the time point's collection address. A plain pane of labels and lines: the tree has tens of
 * nodes, not thousands, and is rebuilt only when another event is chosen.
 */
final class ProcedureTreeView extends Pane {
    private static final double BOX_WIDTH = ProcedureTreeGeometry.BOX_WIDTH;
    private static final double BOX_HEIGHT = ProcedureTreeGeometry.BOX_HEIGHT;
    private static final Color COIN = Color.web("#8a5a00");

    ProcedureTreeView() {
        getStyleClass().add("procedure-tree");
        setMinSize(0, 0);
    }

    /**
     * @param captions  the second line of each station's box (its observed value)
     * @param minted    stations that received a mint from the issuer
     * @param sources   stations that sent their coins to the collection address
     */
    void show(Collection<String> stations, Collection<Edge> edges, Set<String> minted, Set<String> sources,
              Map<String, String> captions) {
        getChildren().clear();
        if (stations.isEmpty()) {
            return;
        }
        ProcedureTreeGeometry g = ProcedureTreeGeometry.of(stations, edges);
        Map<String, double[]> box = g.stations();
        Group lines = new Group();
        Group boxes = new Group();
        box.forEach((id, xy) -> boxes.getChildren().add(box(id, captions.getOrDefault(id, ""), "trace-station"
                + (sources.contains(id) ? " trace-source" : ""), xy)));
        double[] collection = g.collection();
        double[] issuer = g.issuer();
        boxes.getChildren().add(box("Collection", "time point's address", "trace-endpoint", collection));
        boxes.getChildren().add(box("Issuer", "mints coins", "trace-endpoint", issuer));
        for (Edge e : edges) {
            lines.getChildren().add(arrow(box.get(e.downstream()), box.get(e.upstream())));
        }
        for (String s : minted) {
            lines.getChildren().add(arrow(issuer, box.get(s)));
        }
        for (String s : sources) {
            lines.getChildren().add(arrow(box.get(s), collection));
        }
        getChildren().addAll(lines, boxes);
        setPrefSize(g.width(), g.height());
    }

    private static Label box(String title, String caption, String styles, double[] xy) {
        Label l = new Label(caption.isEmpty() ? title : title + "\n" + caption);
        l.setId("trace-node-" + title);
        l.getStyleClass().addAll(styles.split(" "));
        l.setAlignment(Pos.CENTER);
        l.setPrefSize(BOX_WIDTH, BOX_HEIGHT);
        l.setMinSize(BOX_WIDTH, BOX_HEIGHT);
        l.relocate(xy[0], xy[1]);
        return l;
    }

    /** Coins go leftwards: from the left edge of the sender to the right edge of the receiver. */
    private static Group arrow(double[] from, double[] to) {
        double x1 = from[0];
        double y1 = from[1] + BOX_HEIGHT / 2;
        double x2 = to[0] + BOX_WIDTH;
        double y2 = to[1] + BOX_HEIGHT / 2;
        Line line = new Line(x1, y1, x2, y2);
        line.setStroke(COIN);
        line.setStrokeWidth(1.6);
        double angle = Math.atan2(y2 - y1, x2 - x1);
        double size = 8;
        Polygon head = new Polygon(x2, y2,
                x2 - size * Math.cos(angle - 0.4), y2 - size * Math.sin(angle - 0.4),
                x2 - size * Math.cos(angle + 0.4), y2 - size * Math.sin(angle + 0.4));
        head.setFill(COIN);
        return new Group(line, head);
    }
}
