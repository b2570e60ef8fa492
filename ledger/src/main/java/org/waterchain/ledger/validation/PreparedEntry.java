package org.waterchain.ledger.validation;

import org.waterchain.ledger.chain.LedgerEntry;

/**
 * An entry after the stateless checks: decoded (or why not), its payload decoded (a SensorRecord,
 * Transfer or RegistryAction) and its signatures verified. These depend on nothing but the bytes, so they
 * run in parallel; the stateful rules then run in block order.
 */
public record PreparedEntry(byte[] raw, byte[] id, LedgerEntry entry, Object payload, String decodeError,
                            boolean signaturesValid) {}
