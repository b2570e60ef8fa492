package org.waterchain.ledger.validation;

/** The fate of one entry in an applied block: valid, or invalid with its reason. It stays in the block either way. */
public record EntryResult(int index, byte[] id, boolean valid, String reason) {}
