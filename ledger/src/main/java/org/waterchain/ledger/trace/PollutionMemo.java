package org.waterchain.ledger.trace;

import org.waterchain.ledger.codec.CanonicalReader;
import org.waterchain.ledger.codec.CanonicalWriter;
import org.waterchain.ledger.codec.DecodeException;
import org.waterchain.ledger.record.Quantity;
import org.waterchain.ledger.value.Transfer;

/**
 * What a pollution transfer says about itself, in its memo: which step of which trace, at which station, and the
 * value observed there (see {@link Exceedance}). Every replica checks it against the data chain.
 * Layout (docs/encoding.md), at most 54 bytes, within {@link Transfer#MAX_MEMO_BYTES}:
 * u8 version=1 | u8 step | u16 quantityCode | i64 timePointMs | text stationId (1-32 printable ASCII) | f64 observed.
 */
public record PollutionMemo(PollutionStep step, Quantity quantity, long timePointMs, String stationId, double observed) {
    public static final int VERSION = 1;
    public static final int MAX_STATION_ID_BYTES = 32;

    public PollutionMemo {
        if (!isValidStationId(stationId)) {
            throw new IllegalArgumentException("station id '" + stationId + "' must be 1-" + MAX_STATION_ID_BYTES
                    + " printable ASCII characters without spaces");
        }
        if (!Double.isFinite(observed)) {
            throw new IllegalArgumentException("observed value must be finite, got " + observed);
        }
        if (Math.floorMod(timePointMs, PollutionContract.TIME_POINT_MS) != 0) {
            throw new IllegalArgumentException("time point " + timePointMs + " is not the start of a "
                    + PollutionContract.TIME_POINT_MS / 60_000 + "-minute time point");
        }
    }

    static boolean isValidStationId(String id) {
        return id != null && !id.isEmpty() && id.length() <= MAX_STATION_ID_BYTES && id.chars().allMatch(c -> c > 32 && c < 127);
    }

    public byte[] encode() {
        return new CanonicalWriter(64).u8(VERSION).u8(step.code()).u16(quantity.code()).i64(timePointMs).text(stationId)
                .f64(observed).toByteArray();
    }

    /** Decodes a memo; the exception says which field is wrong. */
    public static PollutionMemo decode(byte[] memo) {
        CanonicalReader r = new CanonicalReader(memo);
        int version = r.u8("memo.version");
        if (version != VERSION) {
            throw new DecodeException("memo.version: unsupported " + version);
        }
        int step = r.u8("memo.step");
        int code = r.u16("memo.quantity");
        long t = r.i64("memo.timePoint");
        String station = r.text("memo.station");
        double observed = r.f64("memo.observed");
        r.expectEnd("pollution memo");
        Quantity q = Quantity.byCode(code).orElseThrow(() -> new DecodeException("memo.quantity: unknown quantity code " + code));
        try {
            return new PollutionMemo(PollutionStep.of(step), q, t, station, observed);
        } catch (IllegalArgumentException e) {
            throw new DecodeException("pollution memo: " + e.getMessage());
        }
    }
}
