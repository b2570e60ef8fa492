package org.waterchain.app.alarm;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.waterchain.app.fx.FxBatch;

/**
 * The strip under the header of every screen: hidden while no alarm waits for acknowledgement; otherwise the
 * newest of the most urgent unacknowledged alarms, how many wait, and a button to acknowledge it. A new alarm
 * of high priority or above makes it flash for a few seconds and sounds a chime (where the machine has sound).
 */
public final class AlarmBanner implements AutoCloseable {
    private static final PseudoClass FLASH = PseudoClass.getPseudoClass("flash");

    private final AlarmService alarms;
    /** The settings' operator, read at each action: a name changed in the settings applies at once. */
    private final java.util.function.Supplier<String> operatorName;
    private final BannerModel model = new BannerModel();
    private final AlarmTone tone;
    private final HBox root = new HBox();
    private final Label badge = new Label();
    private final Label text = new Label();
    private final Label count = new Label();
    private final Button ackButton = new Button("Acknowledge");
    private final Timeline flash;
    private final Runnable unsubscribe;
    private BannerModel.Banner shown;

    /**
     * @param operatorName who acknowledges from the banner (the settings' operator)
     * @param showAlarms   opens the alarm screen; null for no such button
     */
    public AlarmBanner(AlarmService alarms, java.util.function.Supplier<String> operatorName, Runnable showAlarms) {
        this(alarms, operatorName, showAlarms, new AlarmTone());
    }

    AlarmBanner(AlarmService alarms, java.util.function.Supplier<String> operatorName, Runnable showAlarms, AlarmTone tone) {
        this.alarms = alarms;
        this.operatorName = operatorName;
        this.tone = tone;
        root.setId("alarm-banner");
        root.getStyleClass().add("alarm-banner");
        root.getStylesheets().add(AlarmBanner.class.getResource("alarm.css").toExternalForm());
        badge.setId("alarm-banner-priority");
        text.setId("alarm-banner-text");
        text.getStyleClass().add("alarm-banner-text");
        count.setId("alarm-banner-count");
        count.getStyleClass().add("alarm-banner-count");
        ackButton.setId("alarm-banner-ack");
        ackButton.setOnAction(e -> acknowledgeShown());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        root.getChildren().addAll(badge, text, grow, count);
        if (showAlarms != null) {
            Button open = new Button("Alarm list");
            open.setId("alarm-banner-open");
            open.setOnAction(e -> showAlarms.run());
            root.getChildren().add(open);
        }
        root.getChildren().add(ackButton);
        hide();
        flash = new Timeline(new KeyFrame(Duration.millis(350), e -> root.pseudoClassStateChanged(FLASH,
                !root.getPseudoClassStates().contains(FLASH))));
        flash.setCycleCount(12);
        flash.setOnFinished(e -> root.pseudoClassStateChanged(FLASH, false));
        FxBatch<AlarmSnapshot> batch = new FxBatch<>(list -> update(list.get(list.size() - 1)));
        unsubscribe = alarms.subscribe(batch::add);
    }

    public Node view() {
        return root;
    }

    private void update(AlarmSnapshot s) {
        Optional<BannerModel.Banner> b = model.update(s);
        if (b.isEmpty()) {
            shown = null;
            flash.stop();
            root.pseudoClassStateChanged(FLASH, false);
            hide();
            return;
        }
        BannerModel.Banner banner = b.get();
        shown = banner;
        AlarmRow top = banner.top();
        String p = top.priority().name().toLowerCase(Locale.ROOT);
        badge.setText(top.priority().label().toUpperCase(Locale.ROOT));
        badge.getStyleClass().setAll("label", "priority-badge", "priority-" + p);
        root.getStyleClass().setAll("alarm-banner", "priority-" + p);
        text.setText(AlarmText.summary(top) + "   " + AlarmText.time(top.timeMs()));
        count.setText(banner.unacknowledged() == 1 ? "1 unacknowledged" : banner.unacknowledged() + " unacknowledged");
        root.setVisible(true);
        root.setManaged(true);
        if (banner.alert()) {
            flash.playFromStart();
            tone.play();
        }
    }

    private void hide() {
        root.setVisible(false);
        root.setManaged(false);
    }

    private void acknowledgeShown() {
        if (shown == null) {
            return;
        }
        alarms.acknowledge(List.of(shown.top().alarmId()), operator(), "").whenComplete((results, error) -> Platform.runLater(() -> {
            String problem = error != null ? error.getMessage() : results.get(0).ok() ? null : results.get(0).message();
            if (problem != null) {
                count.setText(problem);
            }
        }));
    }

    @Override
    public void close() {
        unsubscribe.run();
        flash.stop();
        tone.close();
    }

    private String operator() {
        String o = operatorName.get();
        return o == null ? "" : o.strip();
    }
}
