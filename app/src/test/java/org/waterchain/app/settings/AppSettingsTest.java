package org.waterchain.app.settings;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppSettingsTest {
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
    void noFileMeansTheDemo() {
        assertTrue(AppSettings.load().demo());
        assertEquals(home.resolve("demo"), AppSettings.demoDirectory());
    }

    @Test
    void savedSettingsComeBack() throws Exception {
        AppSettings.defaults().withOperator("Lin Wei").withDataDirectory("/srv/wc").save();
        AppSettings back = AppSettings.load();
        assertEquals("Lin Wei", back.operatorName());
        assertEquals("/srv/wc", back.dataDirectory());
        assertFalse(back.demo());
    }

    @Test
    void aDamagedFileIsReportedNotReplaced() throws Exception {
        Files.writeString(AppSettings.file(), "{ \"operatorName\": ");
        IllegalStateException e = assertThrows(IllegalStateException.class, AppSettings::load);
        assertTrue(e.getMessage().contains(AppSettings.file().toString()), e.getMessage());
        assertEquals("{ \"operatorName\": ", Files.readString(AppSettings.file()), "the file is left for the user to fix");
    }
}
