package org.waterchain.app.explorer;

/**
 * One labelled line of the explorer's detail, proof and audit panes, as plain data: the view only lays it out and
 * picks a style from its {@link Tone}.
 */
public record Field(String label, String value, Tone tone) {
    /** How a line reads: plain text, a hash or key (monospace), a check that passed or failed, a section heading. */
    public enum Tone { PLAIN, MONO, GOOD, BAD, HEADING }

    public static Field plain(String label, String value) {
        return new Field(label, value, Tone.PLAIN);
    }

    public static Field mono(String label, String value) {
        return new Field(label, value, Tone.MONO);
    }

    public static Field check(String label, boolean ok, String value) {
        return new Field(label, value, ok ? Tone.GOOD : Tone.BAD);
    }

    public static Field heading(String label) {
        return new Field(label, "", Tone.HEADING);
    }
}
