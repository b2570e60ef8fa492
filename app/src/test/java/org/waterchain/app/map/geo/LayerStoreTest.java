package org.waterchain.app.map.geo;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerStoreTest {
    @TempDir
    Path dir;

    @Test
    void importedLayersComeBackAfterARestartWithTheirSwitches() throws Exception {
        LayerStore s = LayerStore.open(dir.resolve("layers"));
        assertEquals(List.of(), s.entries());
        IrrigationUnitLayer units = DemoLayers.irrigationUnits();
        LayerStore.Entry a = s.add("units", units);
        LayerStore.Entry b = s.add("more units", units);
        assertNotEquals(a.id(), b.id());
        s.setVisible(a.id(), false);

        LayerStore again = LayerStore.open(dir.resolve("layers"));
        assertEquals(List.of("units", "more units"), again.entries().stream().map(LayerStore.Entry::title).toList());
        assertFalse(again.entries().get(0).visible());
        assertEquals(units, again.load(again.entries().get(0)).orThrow(), "the copy reads back as the same layer");
        assertEquals(java.util.Optional.empty(), again.problem());

        again.remove(a.id());
        assertFalse(Files.exists(dir.resolve("layers").resolve(a.file())));
        LayerStore.Entry c = again.add("third", units);
        assertNotEquals(b.id(), c.id(), "ids are not reused while a layer has them");
        assertEquals(List.of("more units", "third"), LayerStore.open(dir.resolve("layers")).entries().stream().map(LayerStore.Entry::title).toList());
    }

    @Test
    void aDamagedListIsMovedAsideNotOverwritten() throws Exception {
        Path layers = Files.createDirectories(dir.resolve("layers"));
        Files.writeString(layers.resolve(LayerStore.INDEX), "{\"layers\": [ {\"id\": ");
        LayerStore s = LayerStore.open(layers);
        assertEquals(List.of(), s.entries());
        assertTrue(s.problem().orElseThrow().contains("cannot be read"), s.problem().toString());
        assertFalse(Files.exists(layers.resolve(LayerStore.INDEX)));
        try (var files = Files.list(layers)) {
            assertEquals(1, files.filter(f -> f.getFileName().toString().startsWith(LayerStore.INDEX + ".damaged-")).count());
        }
    }

    @Test
    void aListPointingOutsideItsFolderIsRefused() throws Exception {
        Path layers = Files.createDirectories(dir.resolve("layers"));
        Files.writeString(layers.resolve(LayerStore.INDEX),
                "{\"layers\":[{\"id\":\"layer-1\",\"title\":\"x\",\"kind\":\"STATIONS\",\"file\":\"../../etc/passwd\",\"visible\":true}]}");
        LayerStore s = LayerStore.open(layers);
        assertEquals(List.of(), s.entries());
        assertTrue(s.problem().orElseThrow().contains("plain name inside the folder"), s.problem().toString());
    }
}
