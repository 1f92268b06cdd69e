package dev.wgtui.tui;

/** A theme that cannot be used; the message names the file and line: {@code themes/x.properties:12: ...}. */
public final class ThemeException extends Exception {

    private final String source;
    private final int line;

    public ThemeException(String source, int line, String message) {
        super((line > 0 ? source + ":" + line : source) + ": " + message);
        this.source = source;
        this.line = line;
    }

    public String source() {
        return source;
    }

    /** The line of the bad setting; 0 when the whole file is the problem. */
    public int line() {
        return line;
    }
}
