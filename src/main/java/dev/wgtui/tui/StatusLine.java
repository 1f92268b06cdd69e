package dev.wgtui.tui;

import dev.wgtui.core.config.Redaction;
import dev.wgtui.core.text.Printable;

/**
 * The one-line message under the table. A message fades after a while (errors after longer),
 * so the line never shows an old result as if it were news; then the view shows the idle line.
 */
final class StatusLine {

    enum Tone { INFO, OK, WARN, ERROR }

    static final long INFO_MILLIS = 10_000;
    static final long WARN_MILLIS = 30_000;

    private Tone tone = Tone.INFO;
    private String text = "";
    private long shownAt;

    void say(Tone tone, String message, long nowMillis) {
        this.tone = tone;
        this.text = Printable.of(Redaction.line(Format.firstLine(message)));
        this.shownAt = nowMillis;
    }

    Tone tone() {
        return tone;
    }

    String text() {
        return text;
    }

    /** True while the message is still news at {@code nowMillis}. */
    boolean fresh(long nowMillis) {
        if (text.isEmpty()) {
            return false;
        }
        long keep = tone == Tone.INFO || tone == Tone.OK ? INFO_MILLIS : WARN_MILLIS;
        return nowMillis - shownAt < keep;
    }
}
