package org.waterchain.app.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the app remembers per user, in {@code ~/.waterchain/app.json} (or under {@code -Dwaterchain.home}).
 *
 * @param dataDirectory the operator's node, or null for the demo
 * @param operatorName  who acknowledges and shelves alarms; recorded on the ledger with each action
 */
public record AppSettings(String dataDirectory, String operatorName, String nodeName) {
    public static final String HOME_PROPERTY = "waterchain.home";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static Path home() {
        String h = System.getProperty(HOME_PROPERTY);
        return h != null ? Path.of(h) : Path.of(System.getProperty("user.home"), ".waterchain");
    }

    public static Path file() {
        return home().resolve("app.json");
    }

    public static AppSettings defaults() {
        return new AppSettings(null, System.getProperty("user.name", "operator"), "control room");
    }

    /** The saved settings, or the defaults when there are none; a damaged file is reported, not silently replaced. */
    public static AppSettings load() {
        Path f = file();
        if (!Files.exists(f)) {
            return defaults();
        }
        try {
            AppSettings s = JSON.readValue(f.toFile(), AppSettings.class);
            AppSettings d = defaults();
            return new AppSettings(s.dataDirectory(), s.operatorName() == null || s.operatorName().isBlank() ? d.operatorName()
                    : s.operatorName(), s.nodeName() == null ? d.nodeName() : s.nodeName());
        } catch (IOException e) {
            throw new IllegalStateException(f + " is not valid settings JSON (" + e.getMessage()
                    + "); fix or delete it", e);
        }
    }

    public void save() throws IOException {
        Files.createDirectories(home());
        Path tmp = Files.createTempFile(home(), "app", ".json");
        JSON.writeValue(tmp.toFile(), this);
        Files.move(tmp, file(), java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public boolean demo() {
        return dataDirectory == null || dataDirectory.isBlank();
    }

    /** Where the demo's node lives. */
    public static Path demoDirectory() {
        return home().resolve("demo");
    }

    public AppSettings withOperator(String name) {
        return new AppSettings(dataDirectory, name, nodeName);
    }

    public AppSettings withDataDirectory(String dir) {
        return new AppSettings(dir, operatorName, nodeName);
    }
}
