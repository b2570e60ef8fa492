package org.waterchain.app.shell;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.waterchain.app.session.Session;
import org.waterchain.ledger.chain.ChainId;

/**
 * The control room's frame: a header with the node, the (demo) clock and the alarm banner, navigation on the
 * left, one screen in the middle.
 */
public final class MainWindow {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final StackPane bannerSlot = new StackPane();
    private final Map<String, Screen> screens = new LinkedHashMap<>();
    private final ToggleGroup nav = new ToggleGroup();
    private final Label clock = new Label();
    private final Label tip = new Label();
    private final Timeline ticker;
    private Screen current;

    public MainWindow(Session session, List<Screen> screenList) {
        root.getStyleClass().add("main-window");
        VBox navBox = new VBox(4);
        navBox.getStyleClass().add("nav");
        navBox.setPadding(new Insets(12, 8, 12, 8));
        for (Screen s : screenList) {
            screens.put(s.id(), s);
            ToggleButton b = new ToggleButton(s.title());
            b.setId("nav-" + s.id());
            b.setToggleGroup(nav);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setOnAction(e -> show(s.id()));
            navBox.getChildren().add(b);
        }
        Label title = new Label("WaterChain");
        title.getStyleClass().add("app-title");
        Label mode = new Label(session.isDemo() ? "DEMO  Taoyuan-like irrigation district, an hour every 5 s" : session.directory().root().toString());
        mode.getStyleClass().add("mode");
        clock.setId("clock");
        clock.getStyleClass().add("clock");
        tip.getStyleClass().add("tip");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(16, title, mode, grow, tip, clock);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(8, 14, 8, 14));
        header.getStyleClass().add("header");
        root.setTop(new VBox(header, bannerSlot));
        root.setLeft(navBox);
        root.setCenter(content);
        ticker = new Timeline(new KeyFrame(Duration.millis(500), e -> {
            clock.setText((session.isDemo() ? "demo time " : "") + CLOCK.format(Instant.ofEpochMilli(session.now())));
            tip.setText("data chain " + session.node().tip(ChainId.DATA).height() + "  value chain " + session.node().tip(ChainId.VALUE).height());
        }));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
        if (!screenList.isEmpty()) {
            show(screenList.get(0).id());
        }
    }

    public void show(String id) {
        Screen s = screens.get(id);
        if (s == null) {
            throw new IllegalArgumentException("no screen " + id);
        }
        current = s;
        content.getChildren().setAll(s.view());
        nav.getToggles().stream().filter(t -> ((ToggleButton) t).getId().equals("nav-" + id)).findFirst().ifPresent(t -> t.setSelected(true));
        s.shown();
    }

    public Screen current() {
        return current;
    }

    /** Where the alarm banner goes: under the header, over every screen. */
    public void setBanner(Node banner) {
        bannerSlot.getChildren().setAll(banner);
    }

    public BorderPane root() {
        return root;
    }

    public void close() {
        ticker.stop();
        screens.values().forEach(Screen::close);
    }
}
