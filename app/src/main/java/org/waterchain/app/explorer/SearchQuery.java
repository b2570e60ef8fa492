package org.waterchain.app.explorer;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.crypto.Address;
import org.waterchain.ledger.crypto.Hex;

/**
 * What the operator typed into the explorer's search field, recognised: a station or device of the registry,
 * an address (W...), an entry, transaction or block id (64 hex digits), or a block ("data #12", "value 3",
 * "#12" on the chain shown). Anything else is a {@link Problem} that says what would have been understood.
 */
public sealed interface SearchQuery {
    /** Entry id, transaction id or block hash: the search tries each. */
    record ById(byte[] id) implements SearchQuery {
        public ById {
            id = id.clone();
        }

        public String hex() {
            return Hex.of(id);
        }
    }

    record ForAddress(Address address) implements SearchQuery {}

    record ForStation(String stationId) implements SearchQuery {}

    record ForDevice(String deviceId) implements SearchQuery {}

    /** A block by height; {@code chain} is the chain typed, or the one on screen when none was. */
    record AtBlock(ChainId chain, long height) implements SearchQuery {}

    record Problem(String message) implements SearchQuery {}

    /** What the search field's prompt promises. */
    String HINT = "station (R04), device (R04-A), address (W…), entry / transaction / block id (64 hex), or data #12";

    Pattern BLOCK = Pattern.compile("(?i)(?:(data|value)\\s*)?#?\\s*(\\d{1,18})");
    Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

    /**
     * @param stations registered station ids
     * @param devices  registered device ids (retired ones too: their records stay on the chain)
     * @param shown    the chain on screen, for a bare "#12"
     */
    static SearchQuery parse(String text, Set<String> stations, Set<String> devices, ChainId shown) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return new Problem("Type what to look for: " + HINT + ".");
        }
        Optional<String> station = match(t, stations);
        if (station.isPresent()) {
            return new ForStation(station.get());
        }
        Optional<String> device = match(t, devices);
        if (device.isPresent()) {
            return new ForDevice(device.get());
        }
        String hex = t.startsWith("0x") || t.startsWith("0X") ? t.substring(2) : t;
        if (HEX.matcher(hex).matches() && hex.length() >= 16) {
            if (hex.length() != 64) {
                return new Problem("An entry, transaction or block id has 64 hex digits; '" + abbreviate(t) + "' has "
                        + hex.length() + ".");
            }
            return new ById(Hex.parse(hex));
        }
        Matcher block = BLOCK.matcher(t);
        if (block.matches() && (block.group(1) != null || t.contains("#") || t.chars().allMatch(Character::isDigit))) {
            ChainId chain = block.group(1) == null ? shown : ChainId.valueOf(block.group(1).toUpperCase(Locale.ROOT));
            return new AtBlock(chain, Long.parseLong(block.group(2)));
        }
        if (t.charAt(0) == 'W' && t.length() >= 25 && t.length() <= 40 && !t.contains(" ")) {
            try {
                return new ForAddress(Address.parse(t));
            } catch (IllegalArgumentException e) {
                return new Problem(e.getMessage() + ".");
            }
        }
        return new Problem("No station, device, address, id or block is '" + abbreviate(t) + "'. Try " + HINT + ".");
    }

    /** Exactly as registered, or else ignoring case ("r04-a" finds R04-A). */
    private static Optional<String> match(String t, Set<String> ids) {
        if (ids.contains(t)) {
            return Optional.of(t);
        }
        return ids.stream().filter(id -> id.equalsIgnoreCase(t)).sorted().findFirst();
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
