package org.waterchain.app.map.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class XyzSourceTest {
    private static final String URL = "https://tiles.district.example/{z}/{x}/{y}.png";

    @Test
    void theUserAgentNamesTheAppItsVersionAndTheOperatorsContact() {
        XyzSource s = new XyzSource("District", URL, "© District survey", true, 18, " ops@district.example ");
        assertEquals("ops@district.example", s.contact());
        assertEquals("WaterChain/" + UserAgent.version() + " (+ops@district.example)", s.userAgent());
        assertEquals("WaterChain/" + UserAgent.version() + " (+https://district.example/contact)",
                UserAgent.of("https://district.example/contact"));
        assertFalse(UserAgent.version().isBlank());
    }

    @Test
    void aSourceWithoutAUsableContactIsRefused() {
        for (String bad : new String[] {null, "", "   "}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new XyzSource("District", URL, "© District", true, 18, bad));
            assertTrue(e.getMessage().contains("tile source District: no contact for tile servers is set"), e.getMessage());
        }
        for (String bad : new String[] {"Lin Wei", "ops@district", "ops@district.example\r\nX-Evil: 1", "ftp://x.example",
                "ops(at)district.example"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UserAgent.of(bad), bad);
            assertTrue(e.getMessage().contains("must be an e-mail address"), e.getMessage());
        }
    }

    @Test
    void eachFieldIsCheckedWithItsOwnMessage() {
        assertEquals("a tile source needs a name", assertThrows(IllegalArgumentException.class,
                () -> XyzSource.checkDefinition(" ", URL, "©", 18)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> XyzSource.checkDefinition("D", "https://t.example/{z}/{x}.png", "©", 18)).getMessage()
                .contains("must contain {z}, {x} and {y}"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> XyzSource.checkDefinition("D", "file:///tiles/{z}/{x}/{y}.png", "©", 18)).getMessage()
                .contains("must be http or https"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> XyzSource.checkDefinition("D", "https://t.example/{z}/{x}/{y} .png", "©", 18)).getMessage()
                .contains("not a valid URL"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> XyzSource.checkDefinition("D", URL, " ", 18)).getMessage().contains("needs its attribution"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> XyzSource.checkDefinition("D", URL, "©", 31)).getMessage().contains("maximum zoom must be 0..30"));
    }

    @Test
    void openStreetMapMayBeViewedButNeverPrefetched() {
        XyzSource osm = XyzSource.openStreetMap("ops@district.example");
        assertFalse(osm.permitsBulkDownload());
        assertTrue(osm.bulkDownloadRefusal().contains("OpenStreetMap (tile.openstreetmap.org) does not allow bulk"
                + " download"), osm.bulkDownloadRefusal());
        XyzSource claimed = new XyzSource("OSM", "https://a.tile.openstreetmap.org/{z}/{x}/{y}.png", "© OSM", true, 19,
                "ops@district.example");
        assertFalse(claimed.permitsBulkDownload());
        assertTrue(claimed.bulkDownloadRefusal().contains("forbids it whatever the configuration says"));
        XyzSource allowed = new XyzSource("District", URL, "© District", true, 18, "ops@district.example");
        assertTrue(allowed.permitsBulkDownload());
        assertEquals("", allowed.bulkDownloadRefusal());
    }
}
