package org.waterchain.app.settings;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.waterchain.app.map.tiles.XyzSource;

/**
 * What the app remembers per user, in {@code ~/.waterchain/app.json} (or under {@code -Dwaterchain.home}).
 *
 * @param dataDirectory the operator's node, or null for the demo
 * @param operatorName  who acknowledges and shelves alarms; recorded on the ledger with each action
 * @param tileContact   the operator's e-mail address or web page, sent to online tile servers in the User-Agent;
 *                      empty until set, and no online source is used without it
 * @param onlineSources the online XYZ tile sources the map may use when the user selects one; none by default, so
 *                      the map stays offline
 */
public record AppSettings(String dataDirectory, String operatorName, String nodeName, String tileContact,
                          List<OnlineSourceSettings> onlineSources) {
    public static final String HOME_PROPERTY = "waterchain.home";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Files written before online sources existed lack the last two fields: they read as none. */
    @JsonCreator
    public AppSettings {
        tileContact = tileContact == null ? "" : tileContact.strip();
        onlineSources = onlineSources == null ? List.of() : List.copyOf(onlineSources);
    }

    public AppSettings(String dataDirectory, String operatorName, String nodeName) {
        this(dataDirectory, operatorName, nodeName, "", List.of());
    }

    public static Path home() {
        String h = System.getProperty(HOME_PROPERTY);
        return h != null ? Path.of(h) : Path.of(System.getProperty("user.home"), ".waterchain");
    }

    public static Path file() {
        return home().resolve("app.json");
    }

    /** Where online tile sources keep what the map has fetched, one MBTiles file each, for use offline later. */
    public static Path tileCacheDirectory() {
        return home().resolve("cache");
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
                    : s.operatorName(), s.nodeName() == null ? d.nodeName() : s.nodeName(), s.tileContact(),
                    s.onlineSources());
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
        return new AppSettings(dataDirectory, name, nodeName, tileContact, onlineSources);
    }

    public AppSettings withDataDirectory(String dir) {
        return new AppSettings(dir, operatorName, nodeName, tileContact, onlineSources);
    }

    /**
     * @throws IllegalArgumentException when two sources share a name (the map lists them by name), or there are
     *                                  sources but the contact is missing or unusable
     */
    public AppSettings withOnlineSources(String contact, List<OnlineSourceSettings> sources) {
        Set<String> names = new HashSet<>();
        for (OnlineSourceSettings s : sources) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("two online sources are named " + s.name() + ": the map lists them"
                        + " by name, so give each its own");
            }
        }
        AppSettings next = new AppSettings(dataDirectory, operatorName, nodeName, contact, sources);
        if (!sources.isEmpty()) {
            next.xyzSources();
        }
        return next;
    }

    /**
     * The online sources, each with the contact in its User-Agent.
     *
     * @throws IllegalArgumentException when there are sources but no usable contact
     */
    public List<XyzSource> xyzSources() {
        return onlineSources.stream().map(s -> s.toSource(tileContact)).toList();
    }
}
