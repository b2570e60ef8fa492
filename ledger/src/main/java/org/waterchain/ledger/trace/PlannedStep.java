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

    @Override
    public String toString() {
        return step + " " + station + " " + Hex.of(txid).substring(0, 12);
    }
}
