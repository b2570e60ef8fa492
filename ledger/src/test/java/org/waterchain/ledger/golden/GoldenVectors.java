package org.waterchain.ledger.golden;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.waterchain.ledger.alarm.AlarmAction;
import org.waterchain.ledger.alarm.AlarmEvent;
import org.waterchain.ledger.chain.Block;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.chain.EntryId;
import org.waterchain.ledger.chain.MerkleTree;
import org.waterchain.ledger.crypto.Hashes;
import org.waterchain.ledger.crypto.Hex;
import org.waterchain.ledger.crypto.KeyPair;
import org.waterchain.ledger.crypto.SigningDomain;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.record.RecordEntry;
import org.waterchain.ledger.record.SensorRecord;
import org.waterchain.ledger.record.SignedRecord;
import org.waterchain.ledger.record.StatusFlags;
import org.waterchain.ledger.registry.RegistryAction;
import org.waterchain.ledger.trace.BpstPlanner;
import org.waterchain.ledger.trace.PollutionAddresses;
import org.waterchain.ledger.trace.PollutionMemo;
import org.waterchain.ledger.trace.PollutionStep;
import org.waterchain.ledger.value.OutPoint;
import org.waterchain.ledger.value.Output;
import org.waterchain.ledger.value.Transfer;
import org.waterchain.ledger.value.ValueEntry;

/**
 * Computes the golden vectors of the canonical encoding (docs/encoding.md) from fixed keys and values.
 * Ed25519 is deterministic, so every byte is reproducible. The committed file
 * src/test/resources/golden/encoding-v1.txt must equal this output; to regenerate after an intended
 * format change (a new version, never an edit of v1): run main and replace the file.
 */
public final class GoldenVectors {
    private GoldenVectors() {}

    static KeyPair key(String label) {
        return KeyPair.fromSecret(Hashes.sha256(("WaterChain golden vector " + label).getBytes(StandardCharsets.US_ASCII)));
    }

    public static Map<String, String> compute() {
        Map<String, String> v = new LinkedHashMap<>();
        KeyPair device = key("device key");
        KeyPair member = key("member key");
        KeyPair validator = key("validator key");
        v.put("device.secret", Hex.of(device.exportSecret()));
        v.put("device.public", Hex.of(device.publicKey()));
        v.put("device.address", device.address().toString());
        v.put("member.public", Hex.of(member.publicKey()));
        v.put("member.address", member.address().toString());

        SensorRecord rec = new SensorRecord("R04-A", 42, 1_767_225_600_000L, StatusFlags.LEAK, List.of(
                new Reading(Quantity.PH.code(), 7.25, Reading.Quality.GOOD),
                new Reading(Quantity.EC.code(), 812.5, Reading.Quality.GOOD),
                new Reading(Quantity.CU.code(), 0.215, Reading.Quality.SUSPECT)));
        byte[] body = rec.encode();
        SignedRecord signed = rec.sign(device);
        v.put("record.body", Hex.of(body));
        v.put("record.signing_message", Hex.of(SigningDomain.RECORD.message(body)));
        v.put("record.signature", Hex.of(signed.signature()));
        RecordEntry entry = new RecordEntry(signed, 1_767_225_601_234L);
        v.put("record.entry", Hex.of(entry.encode()));
        v.put("record.entry_id", Hex.of(entry.id()));

        Transfer t = new Transfer(
                List.of(new OutPoint(Hashes.sha256("golden input".getBytes(StandardCharsets.US_ASCII)), 1)),
                List.of(new Output("DROP", 1500, device.address()), new Output("POLLUTION:CU", 1, member.address())),
                "CU=0.358 t=2026-01-01T00".getBytes(StandardCharsets.US_ASCII), 7);
        ValueEntry tx = ValueEntry.signed(t, member);
        v.put("transfer.body", Hex.of(t.encode()));
        v.put("transfer.entry", Hex.of(tx.encode()));
        v.put("transfer.entry_id", Hex.of(tx.id()));
        v.put("transfer.txid", Hex.of(tx.txid()));

        RegistryAction reg = new RegistryAction.RegisterDevice("R04-A", "R04", device.publicKey(), false, "WaterChain node v1");
        ValueEntry regEntry = ValueEntry.signed(reg, 3, validator);
        v.put("registry.body", Hex.of(RegistryAction.encode(reg, 3)));
        v.put("registry.entry", Hex.of(regEntry.encode()));

        AlarmEvent alarm = new AlarmEvent(11, "R10 CU HIGH", AlarmAction.SHELVE, "R10", "CU HIGH", AlarmEvent.PRIORITY_HIGH,
                0.358, 1_767_225_900_000L, "Lin Mei-hua", "\u5206\u6790\u5100\u6821\u6b63 analyser calibration",
                1_767_233_100_000L);
        ValueEntry alarmEntry = ValueEntry.signed(alarm, member);
        v.put("alarm.body", Hex.of(alarm.encode()));
        v.put("alarm.entry", Hex.of(alarmEntry.encode()));
        v.put("alarm.entry_id", Hex.of(alarmEntry.id()));

        long hour = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
        PollutionMemo memo = new PollutionMemo(PollutionStep.PASS, Quantity.CU, hour, "M02", 0.358);
        v.put("pollution.memo", Hex.of(memo.encode()));
        v.put("pollution.station_address", PollutionAddresses.station(Quantity.CU, hour, "R04").toString());
        v.put("pollution.collection_address", PollutionAddresses.collection(Quantity.CU, hour).toString());
        v.put("pollution.nonce", Long.toString(BpstPlanner.nonce(PollutionStep.PASS, Quantity.CU, hour, "M02")));

        List<byte[]> ids = List.of(entry.id(), EntryId.of(tx.encode()), EntryId.of(regEntry.encode()));
        v.put("merkle.root_of_3", Hex.of(MerkleTree.root(ids)));
        v.put("merkle.proof_of_2", MerkleTree.prove(ids, 2).steps().toString());

        Block block = Block.seal(ChainId.DATA, 1, Hashes.sha256("golden previous".getBytes(StandardCharsets.US_ASCII)),
                1_767_225_660_000L, List.of(entry.encode()), validator);
        v.put("block.header", Hex.of(block.header().encode()));
        v.put("block.hash", Hex.of(block.header().hash()));
        v.put("block.signature", Hex.of(block.signature()));
        return v;
    }

    public static String render(Map<String, String> v) {
        StringBuilder sb = new StringBuilder("# WaterChain canonical encoding v1 golden vectors (docs/encoding.md)\n"
                + "# generated by org.waterchain.ledger.golden.GoldenVectors; never edit by hand\n");
        v.forEach((k, val) -> sb.append(k).append(" = ").append(val).append('\n'));
        return sb.toString();
    }

    public static void main(String[] args) {
        System.out.print(render(compute()));
    }
}
