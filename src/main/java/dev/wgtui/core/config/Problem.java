package dev.wgtui.core.config;

import dev.wgtui.core.text.Printable;

/**
 * Something wrong in a config, at a line. {@link #toString()} is the message an operator sees:
 * {@code wg0.conf:12: duplicate public key (also on line 4): `PublicKey = ...'}.
 */
public record Problem(Severity severity, String source, int line, String message, String quoted) {

    /** An error blocks every write; a warning is shown and allowed. */
    public enum Severity { ERROR, WARNING }

    public static Problem error(String source, ConfigLine at, String message) {
        return new Problem(Severity.ERROR, source, at == null ? 0 : at.number(), message,
                at == null ? null : Printable.of(Redaction.line(at.raw()).strip()));
    }

    public static Problem warning(String source, ConfigLine at, String message) {
        return new Problem(Severity.WARNING, source, at == null ? 0 : at.number(), message,
                at == null ? null : Printable.of(Redaction.line(at.raw()).strip()));
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        String where = line > 0 ? source + ":" + line : source;
        String text = where + ": " + (severity == Severity.WARNING ? "warning: " : "") + message;
        return quoted == null || quoted.isEmpty() ? text : text + ": `" + quoted + "'";
    }
}
