package dev.wgtui.cli.docs;

/** Writes man(7) roff: requests on their own lines, text escaped so no line starts a request. */
final class Roff {

    private final StringBuilder out = new StringBuilder();

    void comment(String text) {
        out.append(".\\\" ").append(text).append('\n');
    }

    /** A request with its arguments quoted as needed: {@code .TH WGTUI 1 ""}. */
    void macro(String name, String... args) {
        out.append('.').append(name);
        for (String a : args) {
            String e = escape(a);
            out.append(' ').append(e.isEmpty() || e.contains(" ") ? "\"" + e.replace("\"", "\\(dq") + "\"" : e);
        }
        out.append('\n');
    }

    /** A new paragraph of plain text. */
    void paragraph(String text) {
        macro("PP");
        text(text, false);
    }

    /** Plain text, escaped; {@code roffAlready} when it holds escapes of its own. */
    void text(String text, boolean roffAlready) {
        String t = roffAlready ? text : escape(text);
        out.append(t.startsWith(".") || t.startsWith("'") ? "\\&" + t : t).append('\n');
    }

    /** A line that is roff already (font changes, escapes). */
    void raw(String line) {
        text(line, true);
    }

    static String bold(String s) {
        return "\\fB" + escape(s) + "\\fR";
    }

    static String italic(String s) {
        return "\\fI" + escape(s) + "\\fR";
    }

    /**
     * Backslashes as {@code \e}; hyphens as {@code \-}, so options and names copy as typed;
     * anything beyond ASCII as {@code \[uXXXX]}.
     */
    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                b.append("\\e");
            } else if (c == '-') {
                b.append("\\-");
            } else if (c > 126) {
                b.append(String.format("\\[u%04X]", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
