package org.waterchain.app.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.waterchain.ledger.chain.LedgerEntry;
import org.waterchain.ledger.codec.DecodeException;
import org.waterchain.ledger.crypto.Hex;
import org.waterchain.ledger.crypto.SigningDomain;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.record.Reading;
import org.waterchain.ledger.record.RecordEntry;
import org.waterchain.ledger.record.SensorRecord;
import org.waterchain.ledger.record.StatusFlags;
import org.waterchain.ledger.registry.RegistryAction;
import org.waterchain.ledger.registry.RegistryAction.AddChannel;
import org.waterchain.ledger.registry.RegistryAction.AddMember;
import org.waterchain.ledger.registry.RegistryAction.GrantLicence;
import org.waterchain.ledger.registry.RegistryAction.RegisterDevice;
import org.waterchain.ledger.registry.RegistryAction.RegisterFactory;
import org.waterchain.ledger.registry.RegistryAction.RegisterStation;
import org.waterchain.ledger.registry.RegistryAction.RetireDevice;
import org.waterchain.ledger.registry.RegistryAction.SetStandard;
import org.waterchain.ledger.registry.Role;
import org.waterchain.ledger.store.StoredEntry;
import org.waterchain.ledger.value.OutPoint;
import org.waterchain.ledger.value.Output;
import org.waterchain.ledger.trace.PollutionMemo;
import org.waterchain.ledger.value.Asset;
import org.waterchain.ledger.value.Transfer;
import org.waterchain.ledger.value.ValueEntry;
import org.waterchain.ledger.value.Witness;

/**
 * Turns stored entries of either chain into what the explorer shows: a table row and the full decoded content.
 * An entry that does not decode (it is then stored as invalid, MALFORMED) is shown as such, never thrown.
 * Pure and thread-safe: rows of a large result are made on a worker thread.
 */
public final class EntryDecoder {
    /** Readings shown in a row's summary; the detail shows all of them. */
    static final int SUMMARY_READINGS = 4;

    private final Formats formats;
    private final LedgerNames names;

    public EntryDecoder(Formats formats, LedgerNames names) {
        this.formats = formats;
        this.names = names;
    }

    public List<EntryRow> rows(List<StoredEntry> entries) {
        List<EntryRow> out = new ArrayList<>(entries.size());
        for (StoredEntry e : entries) {
            out.add(row(e));
        }
        return out;
    }

    public EntryRow row(StoredEntry e) {
        String place = Formats.place(e.chain(), e.height(), e.index());
        String verdict = e.valid() ? "valid" : "INVALID " + code(e.reason());
        String kind;
        String summary;
        try {
            LedgerEntry decoded = LedgerEntry.decode(e.chain(), e.raw());
            if (decoded instanceof RecordEntry r) {
                kind = "record";
                summary = recordSummary(r.signed().record());
            } else {
                ValueEntry v = (ValueEntry) decoded;
                if (v.isTransfer()) {
                    Transfer t = v.transfer();
                    kind = t.inputs().isEmpty() ? "mint" : "transfer";
                    summary = transferSummary(t);
                } else {
                    RegistryAction a = v.registryAction();
                    kind = "registry";
                    summary = registrySummary(a);
                }
            }
        } catch (DecodeException | IllegalArgumentException ex) {
            kind = "undecodable";
            summary = "cannot decode: " + ex.getMessage();
        }
        return new EntryRow(e, place, kind, summary, verdict, Hex.of(e.id()));
    }

    /** "STALE_SEQUENCE" of "STALE_SEQUENCE: seq 3 <= 5": the table shows the code, the detail the whole reason. */
    static String code(String reason) {
        if (reason == null) {
            return "";
        }
        int colon = reason.indexOf(':');
        return colon > 0 ? reason.substring(0, colon) : reason;
    }

    private String recordSummary(SensorRecord r) {
        StringJoiner values = new StringJoiner("  ");
        r.readings().stream().limit(SUMMARY_READINGS).forEach(x -> values.add(symbol(x.quantityCode()) + " " + Formats.number(x.value())));
        if (r.readings().size() > SUMMARY_READINGS) {
            values.add("+" + (r.readings().size() - SUMMARY_READINGS));
        }
        return r.deviceId() + " #" + r.seq() + "  " + formats.time(r.sampleTimeMs()) + "  " + values;
    }

    private String transferSummary(Transfer t) {
        StringJoiner outs = new StringJoiner(", ");
        for (Output o : t.outputs()) {
            outs.add(Formats.amount(o.asset(), o.amount()) + " → " + names.who(o.owner()));
        }
        String memo = t.memo().length == 0 ? "" : "  memo " + memo(t);
        return (t.inputs().isEmpty() ? "" : t.inputs().size() + (t.inputs().size() == 1 ? " input: " : " inputs: ")) + outs + memo;
    }

    /**
     * A pollution-coin transfer's memo is the tracing contract's record of the step (which station, what it
     * observed, for which time point): read it as such; any other memo as text or hex.
     */
    private String memo(Transfer t) {
        boolean pollution = t.outputs().stream().anyMatch(o -> o.asset().startsWith(Asset.POLLUTION_PREFIX));
        if (pollution && t.memo().length > 0) {
            try {
                PollutionMemo m = PollutionMemo.decode(t.memo());
                return m.step().name().toLowerCase(java.util.Locale.ROOT) + " at " + m.stationId() + ": " + m.quantity().symbol()
                        + " " + m.observed() + " " + m.quantity().unit() + " observed in the hour from "
                        + formats.time(m.timePointMs());
            } catch (RuntimeException notAContractMemo) {
                // a pollution transfer the contract refused may carry anything: show its bytes
            }
        }
        return Formats.memo(t.memo());
    }

    static String registrySummary(RegistryAction a) {
        if (a instanceof AddMember m) {
            return "add member " + m.name() + " (" + roles(m.roles()) + ")";
        } else if (a instanceof RegisterStation s) {
            return "register station " + s.id() + " " + s.name();
        } else if (a instanceof RegisterDevice d) {
            return "register device " + d.deviceId() + " at " + d.stationId() + (d.gateway() ? " (gateway-signed)" : "");
        } else if (a instanceof RetireDevice d) {
            return "retire device " + d.deviceId();
        } else if (a instanceof RegisterFactory f) {
            return "register factory " + f.id() + " " + f.name();
        } else if (a instanceof AddChannel c) {
            return "add channel " + c.id() + " " + c.fromNode() + " → " + c.toNode();
        } else if (a instanceof SetStandard s) {
            return "set standard " + s.quantity() + " " + limits(s);
        } else if (a instanceof GrantLicence l) {
            return "grant licence " + l.assetPattern() + " to " + l.issuer();
        }
        return a.kind() + " " + a.key();
    }

    /** The decoded content of one entry, for the detail pane. */
    public List<Field> details(StoredEntry e) {
        List<Field> f = new ArrayList<>();
        f.add(Field.plain("Entry", Formats.place(e.chain(), e.height(), e.index())));
        f.add(Field.mono("Entry id", Hex.of(e.id())));
        f.add(e.valid() ? Field.check("Verdict", true, "valid")
                : Field.check("Verdict", false, "invalid: " + e.reason()));
        f.add(Field.plain("Size", e.raw().length + " bytes"));
        LedgerEntry decoded;
        try {
            decoded = LedgerEntry.decode(e.chain(), e.raw());
            if (decoded instanceof RecordEntry r) {
                recordDetails(r, f);
            } else {
                valueDetails((ValueEntry) decoded, f);
            }
        } catch (DecodeException | IllegalArgumentException ex) {
            f.add(Field.check("Content", false, "cannot decode: " + ex.getMessage()));
            f.add(Field.mono("Bytes", abbreviatedHex(e.raw())));
        }
        return f;
    }

    private void recordDetails(RecordEntry entry, List<Field> f) {
        SensorRecord r = entry.signed().record();
        f.add(Field.heading("Sensor record"));
        f.add(Field.plain("Device", r.deviceId() + names.stationOf(r.deviceId()).map(s -> " at " + names.station(s)).orElse(" (not in the registry)")));
        f.add(Field.plain("Sequence", Long.toString(r.seq())));
        f.add(Field.plain("Sample time", formats.time(r.sampleTimeMs())));
        f.add(Field.plain("Received", formats.time(entry.receiptTimeMs())));
        f.add(Field.plain("Status", status(r.statusFlags())));
        f.add(Field.mono("Signer key", Hex.of(entry.signed().signerKey())));
        boolean sig = entry.signed().signatureValid();
        f.add(Field.check("Device signature", sig, sig ? "verifies over the record body" : "DOES NOT VERIFY"));
        f.add(Field.heading("Readings (" + r.readings().size() + ")"));
        for (Reading x : r.readings()) {
            Quantity q = Quantity.byCode(x.quantityCode()).orElse(null);
            String unit = q == null || q.unit().isEmpty() ? "" : " " + q.unit();
            String quality = x.quality() == Reading.Quality.GOOD ? "" : "  (" + x.quality().name().toLowerCase(Locale.ROOT) + ")";
            f.add(Field.plain(q == null ? "quantity " + x.quantityCode() : q.symbol(),
                    Formats.number(x.value()) + unit + quality + (q == null ? "  (unknown quantity)" : "  · " + q.displayName())));
        }
    }

    private void valueDetails(ValueEntry v, List<Field> f) {
        if (v.isTransfer()) {
            Transfer t = v.transfer();
            f.add(Field.heading(t.inputs().isEmpty() ? "Mint" : "Transfer"));
            f.add(Field.mono("Transaction id", Hex.of(v.txid())));
            if (t.inputs().isEmpty()) {
                f.add(Field.plain("Inputs", "none: new units, minted under a licence"));
            }
            for (int i = 0; i < t.inputs().size(); i++) {
                OutPoint p = t.inputs().get(i);
                f.add(Field.mono("Input " + i, Hex.of(p.txid()) + ":" + p.index()));
            }
            for (int i = 0; i < t.outputs().size(); i++) {
                Output o = t.outputs().get(i);
                f.add(Field.plain("Output " + i, Formats.amount(o.asset(), o.amount()) + " → " + names.addressWithName(o.owner())));
            }
            f.add(Field.plain("Memo", memo(t)));
            f.add(Field.plain("Nonce", Long.toString(t.nonce())));
        } else {
            RegistryAction a = v.registryAction();
            f.add(Field.heading("Registry: " + registrySummary(a)));
            registryFields(a, f);
        }
        f.add(Field.heading("Witnesses (" + v.witnesses().size() + ")"));
        for (Witness w : v.witnesses()) {
            boolean ok = SigningDomain.TRANSACTION.verify(w.publicKey(), v.body(), w.signature());
            f.add(Field.check(names.who(w.address()), ok, w.address() + (ok ? "  signature verifies" : "  signature DOES NOT VERIFY")));
        }
    }

    private void registryFields(RegistryAction a, List<Field> f) {
        if (a instanceof AddMember m) {
            f.add(Field.plain("Name", m.name()));
            f.add(Field.plain("Address", m.address().toString()));
            f.add(Field.mono("Public key", Hex.of(m.publicKey())));
            f.add(Field.plain("Roles", roles(m.roles())));
        } else if (a instanceof RegisterStation s) {
            f.add(Field.plain("Station", s.id() + " " + s.name()));
            f.add(Field.plain("Kind", s.stationKind().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
            f.add(Field.plain("Location", String.format(Locale.ROOT, "%.5f, %.5f", s.location().lat(), s.location().lon())));
            f.add(Field.plain("Operator", names.addressWithName(s.operator())));
        } else if (a instanceof RegisterDevice d) {
            f.add(Field.plain("Device", d.deviceId()));
            f.add(Field.plain("Station", names.station(d.stationId())));
            f.add(Field.mono("Public key", Hex.of(d.publicKey())));
            f.add(Field.plain("Signs", d.gateway() ? "through the node's gateway key" : "itself"));
            f.add(Field.plain("Model", d.model()));
        } else if (a instanceof RetireDevice d) {
            f.add(Field.plain("Device", d.deviceId()));
        } else if (a instanceof RegisterFactory x) {
            f.add(Field.plain("Factory", x.id() + " " + x.name()));
            f.add(Field.plain("Industry", x.industry()));
            f.add(Field.plain("Location", String.format(Locale.ROOT, "%.5f, %.5f", x.location().lat(), x.location().lon())));
            f.add(Field.plain("Pollutants", String.join(", ", x.pollutants())));
            f.add(Field.plain("Permitted discharge", Formats.number(x.permittedDischargeM3Day()) + " m³/day"));
            f.add(Field.plain("Discharges at", x.dischargeNode()));
            f.add(Field.plain("Operator", names.addressWithName(x.operator())));
        } else if (a instanceof AddChannel c) {
            f.add(Field.plain("Channel", c.id() + " " + c.name()));
            f.add(Field.plain("Flows", c.fromNode() + " → " + c.toNode()));
            f.add(Field.plain("Length", Formats.number(c.lengthM()) + " m, " + c.geometry().size() + " points"));
        } else if (a instanceof SetStandard s) {
            f.add(Field.plain("Quantity", s.quantity()));
            f.add(Field.plain("Limits", limits(s)));
            f.add(Field.plain("Warning from", Math.round(s.warnFraction() * 100) + " % of the way to a limit"));
        } else if (a instanceof GrantLicence l) {
            f.add(Field.plain("Asset", l.assetPattern()));
            f.add(Field.plain("Issuer", names.addressWithName(l.issuer())));
        }
    }

    private static String limits(SetStandard s) {
        boolean min = !Double.isNaN(s.min());
        boolean max = !Double.isNaN(s.max());
        if (min && max) {
            return Formats.number(s.min()) + " to " + Formats.number(s.max());
        }
        return min ? "at least " + Formats.number(s.min()) : max ? "at most " + Formats.number(s.max()) : "none";
    }

    static String roles(int bits) {
        var set = Role.of(bits);
        return set.isEmpty() ? "no role" : set.stream().map(r -> r.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }

    static String status(int flags) {
        List<String> s = new ArrayList<>();
        if (StatusFlags.has(flags, StatusFlags.TAMPER)) {
            s.add("TAMPER");
        }
        if (StatusFlags.has(flags, StatusFlags.LEAK)) {
            s.add("LEAK");
        }
        if (StatusFlags.has(flags, StatusFlags.LOW_BATTERY)) {
            s.add("low battery");
        }
        if (StatusFlags.has(flags, StatusFlags.CLOCK_UNSYNCED)) {
            s.add("clock not synchronised");
        }
        if (StatusFlags.has(flags, StatusFlags.GATEWAY_SIGNED)) {
            s.add("gateway-signed");
        }
        return s.isEmpty() ? "normal" : String.join(", ", s);
    }

    private static String symbol(int code) {
        return Quantity.byCode(code).map(Quantity::symbol).orElse("q" + code);
    }

    private static String abbreviatedHex(byte[] raw) {
        String h = Hex.of(raw);
        return h.length() <= 128 ? h : h.substring(0, 128) + "… (" + raw.length + " bytes)";
    }
}
