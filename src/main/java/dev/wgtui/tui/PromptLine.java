package dev.wgtui.tui;

import java.util.ArrayList;
import java.util.List;

/** The line at the bottom where {@code /} (a filter) and {@code :} (a command) are typed. */
final class PromptLine {

    enum Kind { FILTER, COMMAND }

    private Kind kind;
    private String text = "";
    private final List<String> history = new ArrayList<>();
    private int historyIndex;

    void open(Kind kind, String initial) {
        this.kind = kind;
        this.text = initial;
        historyIndex = history.size();
    }

    /** Closes the line and returns what was typed. */
    String close() {
        kind = null;
        return text;
    }

    boolean isOpen() {
        return kind != null;
    }

    Kind kind() {
        return kind;
    }

    String text() {
        return text;
    }

    void type(char c) {
        text += c;
    }

    /** Erases the last character; false when there was none. */
    boolean backspace() {
        if (text.isEmpty()) {
            return false;
        }
        text = text.substring(0, text.offsetByCodePoints(text.length(), -1));
        return true;
    }

    /** Keeps a command for the up and down keys (not twice in a row). */
    void remember(String command) {
        if (history.isEmpty() || !history.get(history.size() - 1).equals(command)) {
            history.add(command);
        }
    }

    void history(int delta) {
        if (history.isEmpty()) {
            return;
        }
        historyIndex = Math.max(0, Math.min(history.size(), historyIndex + delta));
        text = historyIndex == history.size() ? "" : history.get(historyIndex);
    }
}
