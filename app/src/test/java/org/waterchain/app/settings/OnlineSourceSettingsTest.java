package org.waterchain.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.waterchain.app.map.tiles.UserAgent;
import org.waterchain.app.map.tiles.XyzSource;

class OnlineSourceSettingsTest {
    private static final OnlineSourceSettings DISTRICT = new OnlineSourceSettings("District survey",
            "https://tiles.district.example/{z}/{x}/{y}.png", "© District survey", true, 18);
    private static final OnlineSourceSettings OSM = new OnlineSourceSettings("OpenStreetMap",
            "https://tile.openstreetmap.org/{z}/{x}/{y}.png", "© OpenStreetMap contributors", false, 19);

    @TempDir
    Path home;

    @BeforeEach
    void useTempHome() {
        System.setProperty(AppSettings.HOME_PROPERTY, home.toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty(AppSettings.HOME_PROPERTY);
    }

    @Test
    void aFileFromBeforeOnlineSourcesIsStillRead() throws Exception {
        Files.writeString(AppSettings.file(), """
                {
                  "dataDirectory" : null,
                  "operatorName" : "Lin Wei",
                  "nodeName" : "control room"
                }""");
        AppSettings s = AppSettings.load();
        assertEquals("Lin Wei", s.operatorName());
        assertEquals("", s.tileContact());
        assertEquals(List.of(), s.onlineSources());
        assertEquals(List.of(), s.xyzSources());
        assertEquals(home.resolve("cache"), AppSettings.tileCacheDirectory());
    }

    @Test
    void sourcesAndTheContactComeBackAfterSaving() throws Exception {
        AppSettings.defaults().withOperator("Lin Wei")
                .withOnlineSources(" ops@district.example ", List.of(DISTRICT, OSM)).save();
        AppSettings back = AppSettings.load();
        assertEquals("ops@district.example", back.tileContact());
        assertEquals(List.of(DISTRICT, OSM), back.onlineSources());
        List<XyzSource> sources = back.xyzSources();
        assertEquals("WaterChain/" + UserAgent.version() + " (+ops@district.example)", sources.get(0).userAgent());
        assertTrue(sources.get(0).permitsBulkDownload());
        assertTrue(!sources.get(1).permitsBulkDownload(), "OpenStreetMap: viewing only");
        assertEquals("Lin Wei", back.operatorName(), "the other settings are kept");
    }

    @Test
    void sourcesWithoutAContactOrWithTwinNamesAreRefused() {
        AppSettings d = AppSettings.defaults();
        IllegalArgumentException noContact = assertThrows(IllegalArgumentException.class,
                () -> d.withOnlineSources("", List.of(DISTRICT)));
        assertTrue(noContact.getMessage().contains("no contact for tile servers is set"), noContact.getMessage());
        IllegalArgumentException twins = assertThrows(IllegalArgumentException.class,
                () -> d.withOnlineSources("ops@district.example", List.of(DISTRICT, DISTRICT)));
        assertEquals("two online sources are named District survey: the map lists them by name, so give each its own",
                twins.getMessage());
        assertEquals(List.of(), d.withOnlineSources("", List.of()).onlineSources(), "no sources need no contact");
    }

    @Test
    void theFormSaysWhichFieldIsWrong() {
        assertEquals(DISTRICT, OnlineSourceSettings.parse(" District survey ", "https://tiles.district.example/{z}/{x}/{y}.png",
                "© District survey", true, " 18 "));
        assertEquals(OnlineSourceSettings.DEFAULT_MAX_ZOOM, OnlineSourceSettings.parse("A",
                "https://a.example/{z}/{x}/{y}.png", "© A", false, "").maxZoom());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OnlineSourceSettings.parse("A",
                "https://a.example/{z}/{x}/{y}.png", "© A", false, "nineteen")).getMessage()
                .startsWith("maximum zoom must be a whole number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OnlineSourceSettings.parse("A",
                "https://a.example/{z}/{x}/{y}.png", "", false, "19")).getMessage().contains("needs its attribution"));
        assertEquals("District survey  (tiles.district.example, zoom up to 18, area download allowed)", DISTRICT.label());
        assertEquals("OpenStreetMap  (tile.openstreetmap.org, zoom up to 19, viewing only)", OSM.label());
    }
}
