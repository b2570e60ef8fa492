package org.waterchain.app.map.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The layers a user imported, kept in a folder of the app's home so they are back after a restart. Each import is
 * copied there in the typed layer's own GeoJSON (not the path remembered): a regulator imports from a USB stick or a
 * download folder that is gone next time, and the copy reads back as the same kind without detection or the NHDPlus
 * checks. {@code layers.json} lists them in import order with their title and switch. Methods are synchronized; the
 * map calls them from its background thread.
 */
public final class LayerStore {
    public static final String INDEX = "layers.json";

    /** One imported layer: its file inside the store's folder and whether the user last had it switched on. */
    public record Entry(String id, String title, LayerKind kind, String file, boolean visible) {}

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final List<Entry> entries;
    private final String problem;

    private LayerStore(Path dir, List<Entry> entries, String problem) {
        this.dir = dir;
        this.entries = entries;
        this.problem = problem;
    }

    /**
     * Opens the folder (made on the first import). A damaged index is moved aside, not overwritten, and named in
     * {@link #problem()}: the map still starts, and the layer files stay where a user can import them again.
     */
    public static LayerStore open(Path dir) {
        Path index = dir.resolve(INDEX);
        if (!Files.exists(index)) {
            return new LayerStore(dir, new ArrayList<>(), "");
        }
        try {
            return new LayerStore(dir, parse(JSON.readTree(Files.readString(index, StandardCharsets.UTF_8))), "");
        } catch (IOException | RuntimeException e) {
            Path aside = dir.resolve(INDEX + ".damaged-" + System.currentTimeMillis());
            String where;
            try {
                Files.move(index, aside);
                where = "moved to " + aside.getFileName();
            } catch (IOException moveFailed) {
                where = "left in place (" + moveFailed.getMessage() + ")";
            }
            return new LayerStore(dir, new ArrayList<>(), "the list of imported layers " + index + " cannot be read ("
                    + e.getMessage() + "); it was " + where + " and the layers must be imported again");
        }
    }

    private static List<Entry> parse(JsonNode root) {
        JsonNode layers = root.get("layers");
        if (layers == null || !layers.isArray()) {
            throw new IllegalArgumentException("no \"layers\" array");
        }
        List<Entry> out = new ArrayList<>();
        for (JsonNode n : layers) {
            String file = n.path("file").asText("");
            if (file.isEmpty() || !Path.of(file).getFileName().toString().equals(file)) {
                throw new IllegalArgumentException("layer file name must be a plain name inside the folder, found \"" + file + "\"");
            }
            out.add(new Entry(n.path("id").asText(), n.path("title").asText(), LayerKind.valueOf(n.path("kind").asText()),
                    file, n.path("visible").asBoolean(true)));
        }
        return out;
    }

    public Path directory() {
        return dir;
    }

    /** What was wrong with the folder when it was opened; empty when nothing was. */
    public Optional<String> problem() {
        return problem.isEmpty() ? Optional.empty() : Optional.of(problem);
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Writes the layer's copy, then lists it: a failure on the way leaves the list as it was. */
    public synchronized Entry add(String title, TypedLayer layer) throws IOException {
        Files.createDirectories(dir);
        int next = 1;
        for (Entry e : entries) {
            if (e.id().startsWith("layer-")) {
                try {
                    next = Math.max(next, Integer.parseInt(e.id().substring(6)) + 1);
                } catch (NumberFormatException ignored) {
                    // an id of another form cannot clash with layer-<n>
                }
            }
        }
        Entry entry = new Entry("layer-" + next, title, layer.kind(), "layer-" + next + ".geojson", true);
        layer.write(dir.resolve(entry.file()));
        entries.add(entry);
        try {
            saveIndex();
        } catch (IOException e) {
            entries.remove(entry);
            Files.deleteIfExists(dir.resolve(entry.file()));
            throw e;
        }
        return entry;
    }

    public synchronized void remove(String id) throws IOException {
        Entry e = find(id);
        entries.remove(e);
        saveIndex();
        Files.deleteIfExists(dir.resolve(e.file()));
    }

    public synchronized void setVisible(String id, boolean visible) throws IOException {
        Entry e = find(id);
        if (e.visible() != visible) {
            entries.set(entries.indexOf(e), new Entry(e.id(), e.title(), e.kind(), e.file(), visible));
            saveIndex();
        }
    }

    /** Reads an entry's copy back as its kind. */
    public ImportResult<TypedLayer> load(Entry e) {
        return GeoJsonReader.read(dir.resolve(e.file()), e.kind().rule()).flatMap(fc -> e.kind().fromFeatures(e.file(), fc));
    }

    private Entry find(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no imported layer " + id));
    }

    private void saveIndex() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        ArrayNode layers = root.putArray("layers");
        for (Entry e : entries) {
            layers.addObject().put("id", e.id()).put("title", e.title()).put("kind", e.kind().name())
                    .put("file", e.file()).put("visible", e.visible());
        }
        Path tmp = Files.createTempFile(dir, INDEX, ".tmp");
        try {
            Files.writeString(tmp, JSON.writeValueAsString(root), StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(INDEX), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
