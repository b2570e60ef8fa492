package org.waterchain.app.map.tiles;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The User-Agent every tile request carries: {@code WaterChain/<version> (+<contact>)}. Tile servers' usage policies
 * (OpenStreetMap's among them) ask that a client names itself and gives its operator's contact, and block clients
 * that hide behind a library's default; so a request without a real contact is refused before it is made. Sent per
 * request, never through the JVM-wide {@code http.agent}, which would speak for every other connection too.
 */
public final class UserAgent {
    /** What the app calls itself; the version comes from the build. */
    public static final String PRODUCT = "WaterChain";

    private static final String POM = "/META-INF/maven/org.waterchain/waterchain-app/pom.properties";
    /** Printable ASCII only: the contact goes into an HTTP header. */
    private static final String PART = "[\\x21-\\x7E&&[^@()<>,;\\\\\"]]+";
    private static final Pattern EMAIL = Pattern.compile(PART + "@" + PART + "\\." + PART);
    private static final Pattern WEB = Pattern.compile("https?://" + PART + "\\." + PART);
    private static final String VERSION = readVersion();

    private UserAgent() {}

    /** The app's version from the packaged build, or {@code dev} when run from compiled classes. */
    public static String version() {
        return VERSION;
    }

    /**
     * @throws IllegalArgumentException when the contact is missing or is neither an e-mail address nor a web page
     */
    public static String of(String contact) {
        return PRODUCT + "/" + VERSION + " (+" + checkContact(contact) + ")";
    }

    /** Returns the contact trimmed, or says what is wrong with it. */
    public static String checkContact(String contact) {
        String c = contact == null ? "" : contact.strip();
        if (c.isEmpty()) {
            throw new IllegalArgumentException("no contact for tile servers is set: their usage policies ask every"
                    + " client for a way to reach its operator; enter an e-mail address or web page in Settings"
                    + " (Online map sources) first");
        }
        if (!EMAIL.matcher(c).matches() && !WEB.matcher(c).matches()) {
            throw new IllegalArgumentException("the contact for tile servers must be an e-mail address"
                    + " (ops@district.example) or a web page (https://district.example/contact), got \"" + c + "\"");
        }
        return c;
    }

    private static String readVersion() {
        try (InputStream in = UserAgent.class.getResourceAsStream(POM)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "").strip();
                if (!v.isEmpty()) {
                    return v;
                }
            }
        } catch (IOException ignored) {
            // an unreadable descriptor is treated like a missing one
        }
        return "dev";
    }
}
