package org.waterchain.devices.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimeParserTest {

    /** The hand-written ISO path must agree with java.time on every form it accepts. */
    @Test
    void theFastIsoPathAgreesWithJavaTime() {
        SplittableRandom r = new SplittableRandom(3);
        TimeParser utc = new TimeParser(new TimeSpec("t", "ISO", "UTC"));
        TimeParser plus8 = new TimeParser(new TimeSpec("t", "ISO", "+08:00"));
        TimeParser berlin = new TimeParser(new TimeSpec("t", "ISO", "Europe/Berlin"));
        for (int i = 0; i < 20_000; i++) {
            long ms = -2_000_000_000_000L + (long) (r.nextDouble() * 6_000_000_000_000L);
            if (r.nextBoolean()) {
                ms -= ms % 1000;
            }
            Instant instant = Instant.ofEpochMilli(ms);
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(60 * (r.nextInt(27 * 60) - 12 * 60));
            OffsetDateTime odt = instant.atOffset(offset);
            String sep = r.nextBoolean() ? "T" : " ";
            String pattern = ms % 1000 == 0 ? "HH:mm:ss" : "HH:mm:ss.SSS";
            String local = odt.toLocalDate() + sep + odt.toLocalTime().format(DateTimeFormatter.ofPattern(pattern));
            String withOffset = local + (offset.getTotalSeconds() == 0 && r.nextBoolean() ? "Z" : offset.getId().equals("Z") ? "+00:00" : offset.getId());
            assertEquals(ms, utc.parse(withOffset), withOffset);
            LocalDateTime ldt = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
            String utcLocal = ldt.toLocalDate() + sep + ldt.toLocalTime().format(DateTimeFormatter.ofPattern(pattern));
            assertEquals(ms, utc.parse(utcLocal), utcLocal);
            assertEquals(ms - 8 * 3_600_000L, plus8.parse(utcLocal), utcLocal);
            assertEquals(ldt.atZone(ZoneId.of("Europe/Berlin")).toInstant().toEpochMilli(), berlin.parse(utcLocal), utcLocal);
        }
        assertEquals(Instant.parse("2016-01-01T05:00:00Z").toEpochMilli(), utc.parse("2016-01-01T05:00"));
        assertEquals(Instant.parse("2016-01-01T05:00:00.5Z").toEpochMilli(), utc.parse("2016-01-01T05:00:00.5Z"));
        assertEquals(Instant.parse("2016-01-01T05:00:00.123Z").toEpochMilli(), utc.parse("2016-01-01T05:00:00.123456789Z"));
    }

    @Test
    void invalidTimesAreRefusedWithTheTextAndTheFormat() {
        TimeParser utc = new TimeParser(new TimeSpec("t", "ISO", "UTC"));
        for (String bad : List.of("2016-02-30T00:00:00Z", "2016-01-01T24:00:00Z", "2016-01-01T05:00:", "2016-01-01",
                "01/02/2016 05:00", "2016-01-01T05:00:00+25:00", " ", "2016-01-01T05:00:00ZZ")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> utc.parse(bad), bad);
            assertTrue(e.getMessage().contains("ISO-8601") || e.getMessage().equals("no time"), e.getMessage());
        }
        TimeParser us = new TimeParser(new TimeSpec("t", "MM/dd/yyyy HH:mm:ss", "America/New_York"));
        assertEquals(Instant.parse("2006-02-21T05:00:00Z").toEpochMilli(), us.parse("02/21/2006 00:00:00"));
        assertEquals(Instant.parse("2006-07-21T04:00:00Z").toEpochMilli(), us.parse("07/21/2006 00:00:00"), "summer time");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> us.parse("2006-02-21 00:00:00")).getMessage()
                .contains("'MM/dd/yyyy HH:mm:ss'"));
        assertThrows(IllegalArgumentException.class, () -> us.parse("02/30/2006 00:00:00"), "no February 30th");
        TimeParser epoch = new TimeParser(new TimeSpec("t", "EPOCH_MILLIS", null));
        assertEquals(1_700_000_000_123L, epoch.parse("1700000000123"));
        assertThrows(IllegalArgumentException.class, () -> epoch.parse("17e3"));
    }
}
