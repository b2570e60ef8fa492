package org.waterchain.app.map.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.waterchain.app.map.tiles.AreaDownload;
import org.waterchain.app.map.tiles.BoundingBox;
import org.waterchain.app.map.tiles.TileId;
import org.waterchain.app.map.tiles.TileMath;
import org.waterchain.app.map.tiles.XyzSource;

/** The dialog's logic without the toolkit: the plan's cost and refusals, and the states a download goes through. */
class AreaDownloadModelTest {
    private static final Path DIR = Path.of("/home/ops/.waterchain/basemaps");
    private static final XyzSource DISTRICT = new XyzSource("District survey",
            "https://tiles.district.example/{z}/{x}/{y}.png", "© District survey", true, 18, "ops@district.example");
    // The Taoyuan irrigation district.
    private static final String W = "121.05";
    private static final String S = "24.85";
    private static final String E = "121.40";
    private static final String N = "25.10";

    private static AreaDownloadPlan plan(XyzSource source, String w, String s, String e, String n, int min, int max,
                                         String file) {
        return AreaDownloadPlan.of(source, w, s, e, n, min, max, file, DIR, OptionalLong.empty(), 2.0);
    }

    private static String refusal(XyzSource source, String w, String s, String e, String n, int min, int max, String file) {
        return assertThrows(IllegalArgumentException.class, () -> plan(source, w, s, e, n, min, max, file)).getMessage();
    }

    @Test
    void thePlanCountsTheTilesAndEstimatesSizeAndTime() {
        AreaDownloadPlan p = plan(DISTRICT, W, S, E, N, 10, 14, "district");
        long expected = TileMath.count(new BoundingBox(121.05, 24.85, 121.40, 25.10), 10, 14);
        assertEquals(expected, p.tiles());
        assertEquals(DIR.resolve("district.mbtiles"), p.target());
        assertEquals(expected * AreaDownloadPlan.ASSUMED_TILE_BYTES, p.estimatedBytes());
        assertEquals(Duration.ofSeconds((expected + 1) / 2), p.time());
        assertEquals(String.format(java.util.Locale.ROOT,
                "%,d tiles, about %.1f MB (assuming 20 KB a tile), about %d min at 2 tiles a second", expected,
                expected * 20_000 / 1e6, Math.round(((expected + 1) / 2) / 60.0)), p.summary(2.0));

        AreaDownloadPlan measured = AreaDownloadPlan.of(DISTRICT, W, S, E, N, 10, 10, "district.mbtiles", DIR,
                OptionalLong.of(31_000), 2.0);
        assertEquals(DIR.resolve("district.mbtiles"), measured.target());
        assertTrue(measured.summary(2.0).matches("\\d+ tiles, about \\d+ KB, about \\d+ s at 2 tiles a second"),
                measured.summary(2.0));
        assertEquals("district-survey-offline.mbtiles", AreaDownloadPlan.defaultFileName(DISTRICT));
    }

    @Test
    void anAbsurdAreaIsRefusedWithWhatToChange() {
        String m = refusal(DISTRICT, "120", "22", "122", "25.3", 5, 18, "taiwan");
        assertTrue(m.matches("that is [\\d,]+ tiles \\([\\d.]+ days at 2 tiles a second\\), more than the 100,000 one"
                + " download may fetch: make the area smaller or lower the last zoom \\(zoom 18 alone is [\\d,]+ tiles\\)"), m);
        // the same area at a sensible depth is fine
        assertTrue(plan(DISTRICT, "120", "22", "122", "25.3", 5, 11, "taiwan").tiles() <= AreaDownloadPlan.MAX_TILES);
    }

    @Test
    void eachMistakeGetsItsOwnMessage() {
        assertEquals("west must be a number of degrees, got \"12O.5\"", refusal(DISTRICT, "12O.5", S, E, N, 10, 12, "a"));
        assertTrue(refusal(DISTRICT, E, S, W, N, 10, 12, "a").startsWith("bounding box longitudes must satisfy"));
        assertTrue(refusal(DISTRICT, W, S, W, N, 10, 12, "a").startsWith("the area is a line"));
        assertTrue(refusal(DISTRICT, W, S, E, N, 13, 12, "a").startsWith("the zoom range 13 to 12 is empty"));
        assertEquals("District survey serves zoom levels up to 18, not 19", refusal(DISTRICT, W, S, E, N, 10, 19, "a"));
        assertTrue(refusal(DISTRICT, W, S, E, N, 10, 12, " ").startsWith("give the file a name"));
        assertTrue(refusal(DISTRICT, W, S, E, N, 10, 12, "../evil").startsWith("the file name must be a plain name"));
        assertTrue(refusal(null, W, S, E, N, 10, 12, "a").startsWith("there is no online source to download from"));
        String osm = refusal(XyzSource.openStreetMap("ops@district.example"), W, S, E, N, 10, 12, "a");
        assertTrue(osm.startsWith("OpenStreetMap (tile.openstreetmap.org) does not allow bulk download"), osm);
    }

    @Test
    void aDownloadGoesThroughItsStatesWithWordsForEach() {
        AreaDownloadModel m = new AreaDownloadModel();
        assertEquals(AreaDownloadModel.State.EDITING, m.state());
        assertTrue(m.canStart() && m.canEditPlan() && !m.canCancel());
        assertEquals("Download", m.startLabel());
        assertEquals("", m.statusText());

        m.started(21);
        assertEquals(AreaDownloadModel.State.RUNNING, m.state());
        assertTrue(!m.canStart() && !m.canEditPlan() && m.canCancel());
        assertEquals("0 of 21 tiles", m.progressText());
        m.progressed(new AreaDownload.Progress(7, 21, 5, 0, 1, 1));
        assertEquals(7 / 21.0, m.fraction(), 1e-9);
        assertEquals("7 of 21 tiles: 5 fetched, 1 not on the server, 1 failed", m.progressText());

        m.cancelRequested();
        assertEquals(AreaDownloadModel.State.CANCELLING, m.state());
        assertFalse(m.canCancel() || m.canStart());
        assertEquals("Cancelling…", m.statusText());
        Path file = DIR.resolve("district.mbtiles");
        m.finished(new AreaDownload.Result(file, 21, 5, 0, 1, List.of(failure("2/3/3", "HTTP 500")), true));
        m.registered("District survey");
        assertEquals(AreaDownloadModel.State.CANCELLED, m.state());
        assertEquals("Resume", m.startLabel());
        assertTrue(m.canStart() && m.canEditPlan());
        assertEquals("Cancelled; the tiles fetched so far are kept (basemap \"District survey\"). Resume continues where"
                + " it stopped.", m.statusText());
        m.progressed(new AreaDownload.Progress(9, 21, 7, 0, 1, 1));
        assertEquals("7 of 21 tiles: 5 fetched, 1 not on the server, 1 failed", m.progressText(), "late progress ignored");

        m.started(21);
        assertEquals("", m.statusText().replace("Downloading…", ""));
        m.finished(new AreaDownload.Result(file, 21, 13, 5, 1, List.of(failure("2/3/3", "HTTP 500"),
                failure("2/1/2", "timed out after 30000 ms")), false));
        m.registered("District survey");
        assertEquals(AreaDownloadModel.State.FINISHED, m.state());
        assertEquals(1.0, m.fraction());
        assertEquals("21 of 21 tiles: 13 fetched, 1 not on the server, 2 failed, 5 already in the file", m.progressText());
        assertEquals("Retry failed tiles", m.startLabel());
        assertEquals("Finished with 2 failed tiles (first: 2/3/3: HTTP 500); retry to fetch them. Listed as basemap"
                + " \"District survey\".", m.statusText());

        m.started(21);
        m.finished(new AreaDownload.Result(file, 21, 2, 18, 1, List.of(), false));
        m.notListed("holds pbf tiles; the map shows raster (PNG, JPEG, WebP) basemaps only");
        assertEquals("Download", m.startLabel());
        assertEquals("Done: every tile the server has for the area is in district.mbtiles. Not listed as a basemap:"
                + " holds pbf tiles; the map shows raster (PNG, JPEG, WebP) basemaps only", m.statusText());

        m.started(21);
        m.failed("/home/ops/.waterchain/basemaps/district.mbtiles: not an MBTiles file");
        assertEquals(AreaDownloadModel.State.FAILED, m.state());
        assertTrue(m.canStart());
        assertEquals("Download failed: /home/ops/.waterchain/basemaps/district.mbtiles: not an MBTiles file", m.statusText());
    }

    private static AreaDownload.FailedTile failure(String tile, String reason) {
        String[] zxy = tile.split("/");
        return new AreaDownload.FailedTile(new TileId(Integer.parseInt(zxy[0]), Integer.parseInt(zxy[1]),
                Integer.parseInt(zxy[2])), reason);
    }
}
