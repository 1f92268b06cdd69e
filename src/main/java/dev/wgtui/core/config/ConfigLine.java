package dev.wgtui.core.config;

/**
 * One physical line of a wg0.conf, kept with its exact text and line ending so that a file
 * we do not change is written back byte for byte.
 */
public sealed interface ConfigLine {

    /** The line's text without its line ending. */
    String raw();

    /** The line ending that followed it: {@code "\n"}, {@code "\r\n"} or {@code ""} at end of file. */
    String eol();

    /** 1-based line number in the file it was read from; 0 for a line wgtui created. */
    int number();

    /** {@code raw} read as wg reads a line, with {@code line}'s ending and number. */
    static ConfigLine reclassified(ConfigLine line, String raw) {
        return ConfigParser.classify(raw, line.eol(), line.number());
    }

    /** {@code [Interface]}, {@code [Peer]} or an unknown {@code [Name]}. */
    record Section(String raw, String eol, int number, String name) implements ConfigLine {
        public boolean is(String sectionName) {
            return name.equalsIgnoreCase(sectionName);
        }
    }

    /**
     * {@code Key = Value}. {@code key} is as written, whitespace removed as wg does;
     * {@code value} has its comment cut off and is trimmed.
     */
    record Entry(String raw, String eol, int number, String key, String value) implements ConfigLine {
        public boolean is(String keyName) {
            return key.equalsIgnoreCase(keyName);
        }
    }

    /** A line whose first non-blank character is {@code #}; {@code text} follows the {@code #}, trimmed. */
    record Comment(String raw, String eol, int number, String text) implements ConfigLine { }

    /** An empty or whitespace-only line. */
    record Blank(String raw, String eol, int number) implements ConfigLine { }

    /** Anything else; kept as is, reported by validation as wg would reject it. */
    record Unknown(String raw, String eol, int number) implements ConfigLine { }
}
