package org.waterchain.app.map.view;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.waterchain.app.map.geo.GeoJsonException;
import org.waterchain.app.map.geo.ImportResult;
import org.waterchain.app.map.geo.LayerImport;
import org.waterchain.app.map.geo.LayerKind;
import org.waterchain.app.map.geo.LayerStore;
import org.waterchain.app.map.geo.TypedLayer;

/**
 * The map's layers on disk: imports read off the FX thread and kept as copies in the {@link LayerStore}, the kept
 * ones brought back at start, exports written, the user's switches and removals remembered. Results and errors go
 * back to the screen on the FX thread. Its one thread is the only user of the store.
 */
final class LayerFiles {
    /** What the screen does with the results; called on the FX thread. */
    interface Host {
        void add(PreparedLayer layer, boolean visible);

        void fitLayer(String layerId);

        void status(String text);

        Window window();
    }

    private final Host host;
    private final Path folder;
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "map-layers");
        t.setDaemon(true);
        return t;
    });
    private final CompletableFuture<Void> restored = new CompletableFuture<>();
    private LayerStore store;
    private Path lastFolder;

    LayerFiles(Host host, Path folder) {
        this.host = host;
        this.folder = folder;
    }

    /** The store, opened on first use on the layer thread; a problem with its folder goes to the status line. */
    private LayerStore store() {
        if (store == null) {
            store = LayerStore.open(folder);
            store.problem().ifPresent(p -> Platform.runLater(() -> host.status(p)));
        }
        return store;
    }

    /** Brings back the layers imported in earlier sessions, with their switches; completes when all are handed over. */
    CompletableFuture<Void> restore() {
        io.execute(() -> {
            try {
                List<String> problems = new ArrayList<>();
                for (LayerStore.Entry e : store().entries()) {
                    ImportResult<TypedLayer> r = store.load(e);
                    if (r.isOk()) {
                        PreparedLayer p = PreparedLayer.of(new VectorLayer(e.id(), e.title(), VectorLayer.Origin.IMPORTED, r.value()));
                        Platform.runLater(() -> host.add(p, e.visible()));
                    } else {
                        problems.add("imported layer " + e.title() + " cannot be read: " + r.errors().get(0));
                    }
                }
                if (!problems.isEmpty()) {
                    Platform.runLater(() -> host.status(String.join("; ", problems)));
                }
            } finally {
                Platform.runLater(() -> restored.complete(null));
            }
        });
        return restored;
    }

    CompletableFuture<Void> restored() {
        return restored;
    }

    /**
     * Reads a file as a layer of {@code kind} (null: told from the file), keeps a copy, adds it and zooms to it. A file
     * with errors changes nothing: a dialog lists every error, and the future fails with them.
     */
    CompletableFuture<VectorLayer> importLayer(Path file, LayerKind kind) {
        CompletableFuture<VectorLayer> done = new CompletableFuture<>();
        host.status("Reading " + file.getFileName() + "…");
        String title = titleOf(file);
        io.execute(() -> {
            try {
                ImportResult<LayerImport.Imported> r = LayerImport.read(file, kind);
                if (!r.isOk()) {
                    Platform.runLater(() -> {
                        host.status("Nothing imported from " + file.getFileName());
                        ImportErrorDialog.show(host.window(), file, r.errors());
                        done.completeExceptionally(new GeoJsonException(r.errors()));
                    });
                    return;
                }
                LayerImport.Imported imported = r.value();
                LayerStore.Entry e = store().add(title, imported.layer());
                PreparedLayer p = PreparedLayer.of(new VectorLayer(e.id(), title, VectorLayer.Origin.IMPORTED, imported.layer()));
                Platform.runLater(() -> {
                    host.add(p, true);
                    host.fitLayer(e.id());
                    host.status(importedText(title, imported));
                    done.complete(p.layer());
                });
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> {
                    host.status("Nothing imported from " + file.getFileName());
                    ImportErrorDialog.show(host.window(), file, "its copy cannot be kept",
                            "Cannot keep a copy in " + folder + ": " + e.getMessage());
                    done.completeExceptionally(e);
                });
            }
        });
        return done;
    }

    static String importedText(String title, LayerImport.Imported imported) {
        TypedLayer l = imported.layer();
        String what = String.format(Locale.ROOT, "Imported %s: %,d %s", title, l.features().size(), l.kind().title().toLowerCase(Locale.ROOT));
        return imported.network().map(n -> what + String.format(Locale.ROOT, " (%s: %d outlet%s, %d headwaters)",
                imported.format(), n.outlets(), n.outlets() == 1 ? "" : "s", n.headwaters())).orElse(what);
    }

    static String titleOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    CompletableFuture<Path> export(VectorLayer v, Path file) {
        CompletableFuture<Path> done = new CompletableFuture<>();
        host.status("Writing " + file.getFileName() + "…");
        io.execute(() -> {
            try {
                v.data().write(file);
                Platform.runLater(() -> {
                    host.status("Exported " + v.title() + " to " + file);
                    done.complete(file);
                });
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> {
                    host.status("Could not export " + v.title() + " to " + file + ": " + e.getMessage());
                    done.completeExceptionally(e);
                });
            }
        });
        return done;
    }

    /** Remembers an imported layer's switch for the next start. */
    void keepSwitch(String layerId, boolean visible) {
        io.execute(() -> {
            try {
                store().setVisible(layerId, visible);
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> host.status("The layer switch is not kept: " + e.getMessage()));
            }
        });
    }

    /** Drops an imported layer's copy. */
    void forget(VectorLayer v) {
        io.execute(() -> {
            try {
                store().remove(v.id());
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> host.status("Removed " + v.title() + " from the map but not from " + folder + ": " + e.getMessage()));
            }
        });
    }

    void chooseImport(LayerKind kind) {
        FileChooser chooser = chooser(kind == null ? "Import a GeoJSON layer" : "Import a layer of " + kind.title().toLowerCase(Locale.ROOT));
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("GeoJSON", "*.geojson", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showOpenDialog(host.window());
        if (f != null) {
            lastFolder = f.toPath().getParent();
            importLayer(f.toPath(), kind);
        }
    }

    void chooseExport(VectorLayer v) {
        FileChooser chooser = chooser("Export " + v.title() + " as GeoJSON");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("GeoJSON", "*.geojson"));
        chooser.setInitialFileName(v.title().replaceAll("[^\\p{L}\\p{N}._ -]", "_") + ".geojson");
        File f = chooser.showSaveDialog(host.window());
        if (f != null) {
            lastFolder = f.toPath().getParent();
            export(v, f.toPath());
        }
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (lastFolder != null && Files.isDirectory(lastFolder)) {
            chooser.setInitialDirectory(lastFolder.toFile());
        }
        return chooser;
    }

    /** Lets queued work finish: a removal or a switch the user made is still kept. */
    void close() {
        io.shutdown();
    }
}
