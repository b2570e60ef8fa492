package org.waterchain.app.overview;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import org.waterchain.app.session.Session;
import org.waterchain.devices.sim.NetworkSimulator;
import org.waterchain.devices.sim.PollutionEvent;
import org.waterchain.ledger.record.Quantity;

/** The demo's pollution button: a discharge at a factory or station, travelling downstream from now on. */
final class DemoEvents {
    private final Session session;
    private final NetworkSimulator simulator;
    private final Label last = new Label();

    DemoEvents(Session session) {
        this.session = session;
        this.simulator = session.simulator().orElseThrow();
    }

    HBox bar() {
        Button inject = new Button("Demo: pollution event...");
        inject.setId("demo-inject");
        inject.setOnAction(e -> ask());
        last.setId("demo-last-event");
        HBox box = new HBox(10, inject, last);
        box.setPadding(new Insets(10, 14, 0, 14));
        return box;
    }

    private void ask() {
        List<String> sites = new ArrayList<>(session.registry().factories().keySet());
        sites.addAll(session.registry().stations().keySet());
        ComboBox<String> site = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(sites));
        site.setValue(sites.contains("F-PCB-01") ? "F-PCB-01" : sites.get(0));
        ComboBox<Quantity> quantity = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(Quantity.values()));
        quantity.setValue(Quantity.CU);
        TextField magnitude = new TextField("1.5");
        TextField hours = new TextField("2");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new Label("Where"), site);
        g.addRow(1, new Label("Quantity"), quantity);
        g.addRow(2, new Label("Excess at the source"), magnitude);
        g.addRow(3, new Label("Hours"), hours);
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Inject a pollution event");
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
            try {
                inject(site.getValue(), quantity.getValue(), Double.parseDouble(magnitude.getText().trim()),
                        (long) (Double.parseDouble(hours.getText().trim()) * 3_600_000));
            } catch (RuntimeException ex) {
                last.setText("not injected: " + ex.getMessage());
            }
        });
    }

    /** Starts an event now on the demo clock; the simulator carries it downstream. */
    PollutionEvent inject(String site, Quantity q, double magnitude, long durationMs) {
        long now = session.now();
        PollutionEvent ev = session.registry().factories().containsKey(site)
                ? simulator.injectFromFactory(site, q, now, durationMs, magnitude)
                : simulator.injectAt(site, q, now, durationMs, magnitude);
        last.setText("event " + ev.id() + ": " + q.symbol() + " +" + magnitude + " from " + site + " for " + durationMs / 60_000 + " min");
        return ev;
    }
}
