package org.waterchain.ledger.trace;

import org.waterchain.ledger.crypto.Hex;
import org.waterchain.ledger.value.Transfer;

/** One transfer of a planned trace: which step at which station, and its transaction id (spent by later steps). */
public record PlannedStep(PollutionStep step, String station, Transfer transfer, byte[] txid) {
    public PlannedStep {
        txid = txid.clone();
    }

    @Override
    public byte[] txid() {
        return txid.clone();
    }

    /** The transaction id covers the transfer's whole body, so it stands for the transfer here. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PlannedStep p && p.step == step && p.station.equals(station) && java.util.Arrays.equals(p.txid, txid);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(txid);
    }

    @Override
    public String toString() {
        return step + " " + station + " " + Hex.of(txid).substring(0, 12);
    }
}
