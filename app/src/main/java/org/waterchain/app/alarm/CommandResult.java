package org.waterchain.app.alarm;

/** The answer to an operator's command: done, or why not, in words the operator can act on. */
public record CommandResult(boolean ok, String message) {
    public static CommandResult done(String message) {
        return new CommandResult(true, message);
    }

    public static CommandResult refused(String message) {
        return new CommandResult(false, message);
    }
}
