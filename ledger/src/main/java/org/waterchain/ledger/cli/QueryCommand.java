package org.waterchain.ledger.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.waterchain.ledger.crypto.Hex;
import org.waterchain.ledger.node.DataDirectory;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.record.SensorRecord;
import org.waterchain.ledger.store.LedgerQueries;
import org.waterchain.ledger.store.StoredRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Print a station's valid records, oldest first, one line per reading (csv) or one object per record (json).")
final class QueryCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "the node's data directory")
    Path data;

    @Option(names = "--station", required = true, description = "station id, e.g. R04")
    String station;

    @Option(names = "--from", description = "sample time from (inclusive), ISO-8601 like 2026-01-01T00:00:00Z, or epoch ms")
    String from;

    @Option(names = "--to", description = "sample time to (exclusive), same forms as --from")
    String to;

    @Option(names = "--format", defaultValue = "csv", description = "csv or json (default: ${DEFAULT-VALUE})")
    String format;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("csv") && !format.equals("json")) {
            throw new IllegalArgumentException("--format must be csv or json, not '" + format + "'");
        }
        long fromMs = parseTime(from, Long.MIN_VALUE, "--from");
        long toMs = parseTime(to, Long.MAX_VALUE, "--to");
        DataDirectory dir = DataDirectory.open(data);
        List<StoredRecord> rows;
        try (LedgerQueries q = new LedgerQueries(dir.existingDatabase())) {
            if (q.registry("station", false).stream().noneMatch(s -> s.key().equals(station))) {
                throw new IllegalArgumentException("station '" + station + "' is not registered");
            }
            rows = q.records(station, fromMs, toMs);
        }
        if (format.equals("csv")) {
            System.out.println("sample_time,device,seq,quantity,value,unit,quality,receipt_time,block,record_id");
            for (StoredRecord r : rows) {
                SensorRecord rec = r.record();
                for (Reading rd : rec.readings()) {
                    Quantity q = Quantity.byCode(rd.quantityCode()).orElseThrow();
                    System.out.println(Instant.ofEpochMilli(rec.sampleTimeMs()) + "," + rec.deviceId() + "," + rec.seq() + ","
                            + q.symbol() + "," + rd.value() + "," + q.unit() + "," + rd.quality() + ","
                            + Instant.ofEpochMilli(r.entry().receiptTimeMs()) + "," + r.height() + "," + Hex.of(r.entryId()));
                }
            }
        } else {
            ObjectMapper json = new ObjectMapper();
            ArrayNode arr = json.createArrayNode();
            for (StoredRecord r : rows) {
                SensorRecord rec = r.record();
                ObjectNode o = arr.addObject();
                o.put("id", Hex.of(r.entryId())).put("station", station).put("device", rec.deviceId()).put("seq", rec.seq())
                        .put("sampleTime", Instant.ofEpochMilli(rec.sampleTimeMs()).toString())
                        .put("receiptTime", Instant.ofEpochMilli(r.entry().receiptTimeMs()).toString())
                        .put("statusFlags", rec.statusFlags()).put("block", r.height())
                        .put("signature", Hex.of(r.entry().signed().signature()))
                        .put("signerKey", Hex.of(r.entry().signed().signerKey()));
                ObjectNode values = o.putObject("readings");
                for (Reading rd : rec.readings()) {
                    values.put(Quantity.byCode(rd.quantityCode()).orElseThrow().symbol(), rd.value());
                }
            }
            System.out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(arr));
        }
        return 0;
    }

    static long parseTime(String s, long absent, String option) {
        if (s == null) {
            return absent;
        }
        if (s.matches("-?\\d+")) {
            return Long.parseLong(s);
        }
        try {
            return Instant.parse(s).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + s + "' is neither an ISO-8601 instant nor epoch milliseconds");
        }
    }
}
