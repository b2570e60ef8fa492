package org.waterchain.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.waterchain.ledger.store.LedgerQueries;

/**
 * The {@code waterchain-node} CLI end to end, as a regulator would use it: each step is a real
 * {@code java -jar} process on one data directory holding a real SQLite ledger.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class CliEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RECORDS = 3000;

    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void initAndLoad() {
        data = tmp.resolve("node");
        NodeJar.Result init = NodeJar.ok("init", "--data", data);
        assertTrue(init.out().contains("initialised node n1"), init.describe());
        assertTrue(Files.isRegularFile(data.resolve("node.json")) && Files.isRegularFile(data.resolve("genesis.bin"))
                && Files.isRegularFile(data.resolve("keys/node.key")), "init writes node.json, genesis.bin and keys/node.key");
        NodeJar.Result load = NodeJar.ok("load-demo", "--data", data, "--records", RECORDS);
        assertTrue(load.out().contains("committed " + RECORDS + " records (" + RECORDS + " valid)"), load.describe());
        System.out.println("init " + init.millis() + " ms; " + load.out().trim() + " (process " + load.millis() + " ms)");
    }

    @Test
    void verifyDataIsClean() throws Exception {
        NodeJar.Result v = NodeJar.ok("verify", "--data", data);
        assertTrue(v.out().startsWith("CLEAN"), v.describe());
        long entries = ((Number) LedgerFiles.select(data.resolve("ledger.db"), "SELECT COUNT(*) FROM entries").get(0)[0]).longValue();
        assertTrue(entries > RECORDS);
        assertTrue(v.out().contains(" " + entries + " entries"), "the audit covers all " + entries + " stored entries\n" + v.describe());
        System.out.println("verify --data: " + v.out().trim().replace('\n', ' ') + " (process " + v.millis() + " ms)");
    }

    @Test
    void queryJsonAndCsvGiveTheStationsRecordsInTimeOrder() throws Exception {
        List<JsonNode> json = queryJson();
        long stored;
        try (LedgerQueries q = new LedgerQueries(data.resolve("ledger.db"))) {
            stored = q.records("R04", Long.MIN_VALUE, Long.MAX_VALUE).size();
        }
        assertEquals(stored, json.size(), "query --format json returns every R04 record");
        assertTrue(json.size() >= RECORDS / 7 - 1, "R04 gets its share of the round-robin load: " + json.size());
        Set<String> ids = new HashSet<>();
        Instant prev = Instant.MIN;
        long prevSeq = -1;
        for (JsonNode r : json) {
            assertEquals("R04", r.get("station").asText());
            assertEquals("R04-A", r.get("device").asText());
            assertEquals(64, r.get("id").asText().length());
            assertTrue(ids.add(r.get("id").asText()), "ids are distinct");
            Instant t = Instant.parse(r.get("sampleTime").asText());
            assertFalse(t.isBefore(prev), "records in sample-time order: " + t + " after " + prev);
            assertTrue(r.get("seq").asLong() > prevSeq, "sequence numbers increase");
            assertEquals(7, r.get("readings").size(), "a regular station reports 7 quantities: " + r.get("readings"));
            assertTrue(r.get("readings").has("PH") && r.get("readings").has("EC"), r.get("readings").toString());
            prev = t;
            prevSeq = r.get("seq").asLong();
        }

        NodeJar.Result csv = NodeJar.ok("query", "--data", data, "--station", "R04", "--format", "csv");
        List<String> lines = csv.out().lines().toList();
        assertEquals("sample_time,device,seq,quantity,value,unit,quality,receipt_time,block,record_id", lines.get(0));
        Map<String, List<String[]>> byRecord = new LinkedHashMap<>();
        Instant prevCsv = Instant.MIN;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertEquals(10, f.length, line);
            assertEquals("R04-A", f[1]);
            Instant t = Instant.parse(f[0]);
            assertFalse(t.isBefore(prevCsv), "csv rows in sample-time order");
            prevCsv = t;
            Double.parseDouble(f[4]);
            byRecord.computeIfAbsent(f[9], k -> new ArrayList<>()).add(f);
        }
        List<String> jsonIds = json.stream().map(r -> r.get("id").asText()).toList();
        assertEquals(jsonIds, new ArrayList<>(byRecord.keySet()), "csv and json list the same records in the same order");
        for (JsonNode r : json) {
            List<String[]> rows = byRecord.get(r.get("id").asText());
            assertEquals(r.get("readings").size(), rows.size(), "one csv line per reading");
            for (String[] row : rows) {
                assertEquals(r.get("readings").get(row[3]).asDouble(), Double.parseDouble(row[4]), "same value in csv and json");
                assertEquals(r.get("sampleTime").asText(), row[0]);
                assertEquals(r.get("seq").asText(), row[2]);
            }
        }
    }

    @Test
    void queryFromToSelectsAHalfOpenTimeRange() throws Exception {
        List<JsonNode> all = queryJson();
        assertTrue(all.size() > 30);
        String t10 = all.get(10).get("sampleTime").asText();
        String t20 = all.get(20).get("sampleTime").asText();
        List<String> ids = all.stream().map(r -> r.get("id").asText()).toList();

        assertEquals(ids.subList(10, 20), idsOf(queryJson("--from", t10, "--to", t20)), "ISO-8601 --from inclusive, --to exclusive");
        String ms10 = Long.toString(Instant.parse(t10).toEpochMilli());
        String ms20 = Long.toString(Instant.parse(t20).toEpochMilli());
        assertEquals(ids.subList(10, 20), idsOf(queryJson("--from", ms10, "--to", ms20)), "epoch-millisecond bounds");
        assertEquals(ids.subList(10, ids.size()), idsOf(queryJson("--from", t10)), "--from alone");
        assertEquals(ids.subList(0, 20), idsOf(queryJson("--to", t20)), "--to alone");
        assertEquals(List.of(), idsOf(queryJson("--from", t20, "--to", t10)), "an empty range");

        NodeJar.Result csv = NodeJar.ok("query", "--data", data, "--station", "R04", "--from", t10, "--to", t20);
        Set<String> csvIds = new java.util.LinkedHashSet<>();
        csv.out().lines().skip(1).forEach(l -> csvIds.add(l.substring(l.lastIndexOf(',') + 1)));
        assertEquals(ids.subList(10, 20), new ArrayList<>(csvIds), "csv honours --from/--to too");
    }

    @Test
    void queryRefusesBadArgumentsWithAPlainMessage() {
        NodeJar.assertUserError(NodeJar.run("query", "--data", data, "--station", "R04", "--format", "xml"), "--format");
        NodeJar.assertUserError(NodeJar.run("query", "--data", data, "--station", "NOPE"), "NOPE");
        NodeJar.assertUserError(NodeJar.run("query", "--data", data, "--station", "R04", "--from", "yesterday"), "--from");
    }

    @Test
    void proveARecordFoundByQuery() throws Exception {
        List<JsonNode> all = queryJson();
        String id = all.get(all.size() / 2).get("id").asText();
        long block = all.get(all.size() / 2).get("block").asLong();
        NodeJar.Result p = NodeJar.ok("prove", "--data", data, "--record", id);
        assertTrue(p.out().contains("PROOF OK"), p.describe());
        assertTrue(p.out().contains(id), p.describe());
        assertTrue(p.out().contains("data #" + block + " "), "names the block the query reported\n" + p.describe());

        String unknown = "00".repeat(32);
        NodeJar.Result missing = NodeJar.run("prove", "--data", data, "--record", unknown);
        NodeJar.assertUserError(missing, unknown);
        NodeJar.assertUserError(NodeJar.run("prove", "--data", data, "--record", "abc"));
    }

    @Test
    void exportedBundleVerifiesAnywhere() throws Exception {
        Path bundle = tmp.resolve("audit.bundle");
        NodeJar.Result e = NodeJar.ok("export", "--data", data, "--out", bundle);
        assertTrue(Files.size(bundle) > 0, e.describe());
        Path elsewhere = Files.createDirectories(tmp.resolve("auditor")).resolve("copy.bundle");
        Files.copy(bundle, elsewhere);
        NodeJar.Result v = NodeJar.ok("verify", "--bundle", elsewhere);
        assertTrue(v.out().startsWith("CLEAN"), v.describe());
        System.out.println("export: " + e.out().trim() + " (" + Files.size(bundle) + " bytes); verify --bundle: "
                + v.out().trim().replace('\n', ' '));
        NodeJar.assertUserError(NodeJar.run("verify", "--bundle", tmp.resolve("no-such.bundle")), "no-such.bundle");
    }

    @ParameterizedTest(name = "{0} --help")
    @CsvSource(delimiter = ';', value = {
        "init; --data --node-id --port",
        "run; --data",
        "demo; --data --interval-ms",
        "load-demo; --data --records --acks",
        "verify; --data --bundle",
        "query; --data --station --from --to --format",
        "prove; --data --record",
        "export; --data --out",
    })
    void everySubcommandExplainsItsOptions(String command, String options) {
        NodeJar.Result h = NodeJar.ok(command, "--help");
        assertTrue(h.out().contains("Usage: waterchain-node " + command), h.describe());
        for (String o : options.split(" ")) {
            assertTrue(h.out().contains(o), command + " --help mentions " + o + "\n" + h.describe());
        }
        assertEquals("", h.err().strip(), "help goes to stdout");
    }

    @Test
    void topLevelHelpListsEverySubcommand() {
        NodeJar.Result h = NodeJar.ok("--help");
        for (String c : List.of("init", "run", "demo", "load-demo", "verify", "query", "prove", "export")) {
            assertTrue(h.out().contains(c), "--help lists " + c + "\n" + h.describe());
        }
        NodeJar.Result none = NodeJar.run("no-such-command");
        assertNotEquals(0, none.exit(), none.describe());
    }

    private static List<JsonNode> queryJson(String... range) throws Exception {
        List<Object> args = new ArrayList<>(List.of("query", "--data", data, "--station", "R04", "--format", "json"));
        args.addAll(List.of(range));
        NodeJar.Result r = NodeJar.ok(args.toArray());
        JsonNode arr = JSON.readTree(r.out());
        assertTrue(arr.isArray(), r.describe());
        List<JsonNode> out = new ArrayList<>();
        arr.forEach(out::add);
        return out;
    }

    private static List<String> idsOf(List<JsonNode> records) {
        return records.stream().map(r -> r.get("id").asText()).toList();
    }
}
