package org.waterchain.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.waterchain.app.alarm.AlarmBanner;
import org.waterchain.app.alarm.AlarmService;
import org.waterchain.app.alarm.AlarmsScreen;
import org.waterchain.app.chart.ChartScreen;
import org.waterchain.app.devices.DeviceConnections;
import org.waterchain.app.devices.DevicesScreen;
import org.waterchain.app.explorer.ExplorerScreen;
import org.waterchain.app.map.view.MapScreen;
import org.waterchain.app.overview.OverviewScreen;
import org.waterchain.app.session.Session;
import org.waterchain.app.settings.AppSettings;
import org.waterchain.app.settings.SettingsScreen;
import org.waterchain.app.shell.MainWindow;
import org.waterchain.app.shell.Screen;
import org.waterchain.app.trace.TraceScreen;
import org.waterchain.app.trace.TraceService;
import org.waterchain.app.trace.narrowing.SupplyPoint;

/**
 * The control room. With no settings it opens the demo; with a data directory in the settings, the operator's
 * own node. The node is opened off the FX thread behind a progress indicator.
 */
public class WaterChainApp extends Application {
    private Session session;
    private MainWindow window;
    private DeviceConnections connections;
    private AlarmService alarmService;
    private TraceService traceService;
    private volatile MapScreen mapScreen;
    private AlarmBanner banner;
    private volatile AppSettings settings;

    @Override
    public void start(Stage stage) {
        try {
            settings = AppSettings.load();
        } catch (IllegalStateException e) {
            // a damaged settings file: say so where the user looks, and do not overwrite it
            Label error = new Label(e.getMessage());
            error.setWrapText(true);
            stage.setScene(new Scene(new VBox(error), 700, 200));
            stage.setTitle("WaterChain: settings cannot be read");
            stage.show();
            return;
        }
        Label status = new Label(settings.demo() ? "Opening the demo ledger..." : "Opening " + settings.dataDirectory() + "...");
        VBox splash = new VBox(12, new ProgressIndicator(), status);
        splash.setAlignment(Pos.CENTER);
        Scene scene = new Scene(splash, 1400, 880);
        scene.getStylesheets().add(WaterChainApp.class.getResource("waterchain.css").toExternalForm());
        stage.setTitle("WaterChain control room");
        stage.setScene(scene);
        stage.show();

        Task<Session> open = new Task<>() {
            @Override
            protected Session call() {
                return settings.demo() ? Session.demo(AppSettings.demoDirectory(), Session.DEMO_SPEED)
                        : Session.open(Path.of(settings.dataDirectory()));
            }
        };
        open.setOnSucceeded(e -> {
            session = open.getValue();
            alarmService = AlarmService.start(session);
            traceService = TraceService.start(session, this::irrigationUnits, alarmService::raise);
            window = new MainWindow(session, screens(session));
            banner = new AlarmBanner(alarmService, this::operatorName, () -> window.show("alarms"));
            window.setBanner(banner.view());
            scene.setRoot(window.root());
        });
        open.setOnFailed(e -> status.setText("Could not open the ledger: " + open.getException().getMessage()));
        Thread t = new Thread(open, "open-session");
        t.setDaemon(true);
        t.start();
    }

    private List<Screen> screens(Session s) {
        connections = new DeviceConnections(s);
        List<Screen> list = new ArrayList<>();
        ChartScreen charts = new ChartScreen(s);
        // a double-click on a tile opens its station's chart; the window exists by the time anyone clicks
        list.add(new OverviewScreen(s, station -> {
            window.show("charts");
            charts.showStation(station);
        }));
        list.add(new AlarmsScreen(s, alarmService, this::operatorName));
        list.add(charts);
        MapScreen map = new MapScreen(s, alarmService);
        mapScreen = map;
        list.add(map);
        list.add(new TraceScreen(s, traceService, finding -> {
            window.show("map");
            map.showTrace(finding);
        }));
        list.add(new ExplorerScreen(s));
        list.add(new DevicesScreen(s, connections));
        list.add(new SettingsScreen(s, settings, saved -> settings = saved));
        return list;
    }

    /** The irrigation units on the map and where each takes its water, for tracing's unit marking (any thread). */
    private List<SupplyPoint> irrigationUnits() {
        MapScreen m = mapScreen;
        return m == null ? List.of() : m.irrigationUnits().stream().map(u -> new SupplyPoint(u.id(), u.supplyNode())).toList();
    }

    /** The operator's name as now set, for alarm actions. */
    public String operatorName() {
        return settings.operatorName();
    }

    /** The alarm service, once the session is open (tests use it). */
    public AlarmService alarms() {
        return alarmService;
    }

    /** The tracing service, once the session is open (tests use it). */
    public TraceService traces() {
        return traceService;
    }

    /** The window, once the session is open (tests use it). */
    public MainWindow window() {
        return window;
    }

    public Session session() {
        return session;
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
        if (banner != null) {
            banner.close();
        }
        if (traceService != null) {
            traceService.close();
        }
        if (alarmService != null) {
            alarmService.close();
        }
        if (connections != null) {
            connections.close();
        }
        if (session != null) {
            session.close();
        }
    }
}
