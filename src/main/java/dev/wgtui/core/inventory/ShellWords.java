package dev.wgtui.core.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * A line split into words as Python's {@code shlex.split(line, comments=True)} splits it, which
 * is how Ansible reads an INI host line: whitespace separates words, single quotes keep text as
 * it is, double quotes let a backslash escape a quote or a backslash, and {@code #} outside
 * quotes ends the line.
 */
final class ShellWords {

    private ShellWords() {
    }

    /** @throws IllegalArgumentException when a quote or an escape is left open */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '#') {
                break;
            } else if (c == '\'' || c == '"') {
                i = quoted(line, i, word);
                inWord = true;
            } else if (c == '\\') {
                if (++i == line.length()) {
                    throw new IllegalArgumentException("the line ends in an escape (\\)");
                }
                word.append(line.charAt(i));
                inWord = true;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Appends the quoted text that opens at {@code open} and returns the index of its closing quote. */
    private static int quoted(String line, int open, StringBuilder word) {
        char quote = line.charAt(open);
        for (int i = open + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == quote) {
                return i;
            }
            boolean escapes = quote == '"' && c == '\\' && i + 1 < line.length()
                    && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\');
            word.append(escapes ? line.charAt(++i) : c);
        }
        throw new IllegalArgumentException("a quote is not closed");
    }
}
