package org.waterchain.ledger.validation;

/**
 * Why an entry or block is invalid. Codes are stable (stored in the ledger and shown to users); the detail
 * says what exactly, e.g. which input was already spent and by which transaction.
 */
public final class Violation extends Exception {
    private final Code code;

    /** Reasons are stored and sent in replies; details may quote attacker-chosen text, so they are bounded. */
    public static final int MAX_REASON_CHARS = 400;

    public Violation(Code code, String detail) {
        super(bounded(code + ": " + detail), null, false, false);
        this.code = code;
    }

    public static String bounded(String reason) {
        return reason.length() <= MAX_REASON_CHARS ? reason : reason.substring(0, MAX_REASON_CHARS - 3) + "...";
    }

    public Code code() {
        return code;
    }

    public String reason() {
        return getMessage();
    }

    /** Every rule the applier enforces, one code each. */
    public enum Code {
        MALFORMED,
        BAD_SIGNATURE,
        DUPLICATE,
        UNKNOWN_DEVICE,
        RETIRED_DEVICE,
        DEVICE_KEY_MISMATCH,
        GATEWAY_FLAG_MISMATCH,
        STALE_SEQUENCE,
        UNKNOWN_QUANTITY,
        MEMO_TOO_LONG,
        INVALID_ASSET,
        DUPLICATE_INPUT,
        MISSING_INPUT,
        DOUBLE_SPEND,
        NOT_OWNER,
        OVERSPEND,
        MINT_WITHOUT_LICENCE,
        NOT_MEMBER,
        NOT_PERMITTED,
        UNKNOWN_STATION,
        KEY_IN_USE,
        INVALID_REGISTRY_DATA,
        CHANNEL_CYCLE,
        INVALID_ALARM_DATA,
        SHELVE_WITHOUT_EXPIRY,
        OPERATOR_REQUIRED,
        // the pollution-coin contract (PollutionRules)
        POLLUTION_MEMO_INVALID,
        POLLUTION_ASSET_MISMATCH,
        POLLUTION_NOT_ISSUER,
        POLLUTION_NETWORK_CYCLE,
        POLLUTION_NOT_POLLUTED,
        POLLUTION_VALUE_MISMATCH,
        POLLUTION_MINT_HAS_POLLUTED_DOWNSTREAM,
        POLLUTION_ALREADY_TRACED,
        POLLUTION_WRONG_INPUTS,
        POLLUTION_OUT_OF_ORDER,
        POLLUTION_WRONG_RECEIVERS,
        POLLUTION_WRONG_SPLIT,
        POLLUTION_NOT_SOURCE,
        // block-level: the whole block is refused and nothing of it is stored
        BLOCK_BAD_SIGNATURE,
        BLOCK_NOT_VALIDATOR,
        BLOCK_WRONG_HEIGHT,
        BLOCK_WRONG_PREVIOUS,
        BLOCK_TIME_BACKWARDS,
        BLOCK_MERKLE_MISMATCH,
        BLOCK_TOO_LARGE
    }
}
