package dev.wgtui.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The dashboard's colours, read from a theme file in {@code themes/}. A file sets
 * {@code <element>.fg}, {@code <element>.bg} and {@code <element>.style}; what it leaves out
 * falls back to {@code screen}. {@code NO_COLOR} (any non-empty value) always gives {@code mono}.
 */
public final class Theme {

    /** The themes shipped in {@code themes/} and bundled in the jar. */
    public static final List<String> BUNDLED = List.of("default", "light", "high-contrast", "mono");

    /** Everything on the dashboard that a theme colours. */
    public enum Element {
        SCREEN("screen", "the background and plain text"),
        HEADER_TITLE("header.title", "the wgtui badge at the top left"),
        HEADER_LABEL("header.label", "labels in the header (hub, file, inventory)"),
        HEADER_VALUE("header.value", "values in the header"),
        BORDER("border", "a box that does not have the focus"),
        BORDER_FOCUS("border.focus", "the box that has the focus"),
        TITLE("title", "a box's title"),
        TABLE_HEADER("table.header", "column headings"),
        TABLE_ROW("table.row", "a peer row"),
        TABLE_CURSOR("table.cursor", "the row under the cursor in the focused table"),
        TABLE_CURSOR_INACTIVE("table.cursor.inactive", "the row under the cursor when a pane has the focus"),
        TABLE_MARK("table.mark", "the selection mark [x]"),
        TABLE_MARKED("table.marked", "a selected row (and the rows of a range being marked)"),
        MARKER_OK("marker.ok", "✓ ok"),
        MARKER_CHANGED("marker.changed", "~ changed"),
        MARKER_NEW("marker.new", "+ new"),
        MARKER_MISSING("marker.missing", "! missing"),
        MARKER_EXTRA("marker.extra", "? extra"),
        LIVE_FRESH("live.fresh", "a recent handshake"),
        LIVE_STALE("live.stale", "a handshake older than three minutes"),
        DIM("dim", "secondary text: unknown values, notes, scroll positions"),
        PANE_TEXT("pane.text", "text in the diff/detail pane"),
        PANE_HEADING("pane.heading", "headings in the pane"),
        DIFF_ADD("diff.add", "added lines (+)"),
        DIFF_REMOVE("diff.remove", "removed lines (-)"),
        DIFF_HUNK("diff.hunk", "hunk headers (@@)"),
        DIFF_FILE("diff.file", "file headers (--- and +++)"),
        STATUS_INFO("status.info", "a message in the status line"),
        STATUS_OK("status.ok", "a success in the status line"),
        STATUS_WARN("status.warn", "a warning in the status line"),
        STATUS_ERROR("status.error", "an error in the status line"),
        STATUS_BUSY("status.busy", "the spinner while work runs"),
        FOOTER_KEY("footer.key", "a key in the footer"),
        FOOTER_TEXT("footer.text", "what a key does, in the footer"),
        FOOTER_DISABLED("footer.disabled", "a key that cannot be used now"),
        DIALOG_BORDER("dialog.border", "a confirmation dialog's frame"),
        DIALOG_TITLE("dialog.title", "a dialog's title"),
        DIALOG_TEXT("dialog.text", "a dialog's text"),
        DIALOG_KEY("dialog.key", "the keys a dialog answers to"),
        PROMPT("prompt", "the filter and command line");

        private final String key;
        private final String description;

        Element(String key, String description) {
            this.key = key;
            this.description = description;
        }

        /** The name in theme files, e.g. {@code diff.add}. */
        public String key() {
            return key;
        }

        public String description() {
            return description;
        }

        static Optional<Element> byKey(String key) {
            for (Element e : values()) {
                if (e.key.equals(key)) {
                    return Optional.of(e);
                }
            }
            return Optional.empty();
        }
    }

    /** How one element is drawn: colours (null: as {@code screen}) and SGR modifiers. */
    public record Style(TextColor fg, TextColor bg, Set<SGR> modifiers) {
        public Style {
            modifiers = modifiers.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(SGR.class))
                    : Collections.unmodifiableSet(EnumSet.copyOf(modifiers));
        }
    }

    private static final Map<String, TextColor> COLOURS = colours();

    private final String name;
    private final String source;
    private final Map<Element, Style> styles;
    private final Set<Element> declared;

    private Theme(String name, String source, Map<Element, Style> styles, Set<Element> declared) {
        this.name = name;
        this.source = source;
        this.styles = styles;
        this.declared = declared;
    }

    public String name() {
        return name;
    }

    /** Where the theme was read from (a file, or {@code jar:themes/<name>.properties}). */
    public String source() {
        return source;
    }

    public Style style(Element e) {
        return styles.get(e);
    }

    /**
     * This theme on a terminal with fewer colours: each 24-bit colour becomes the nearest of
     * xterm's 256 (for {@code TERM=*-256color}) or of the 16 ANSI colours; the others stay.
     */
    public Theme forColours(Terminals.Colours colours) {
        if (colours == Terminals.Colours.TRUE_COLOUR) {
            return this;
        }
        Map<Element, Style> out = new EnumMap<>(Element.class);
        for (Map.Entry<Element, Style> e : styles.entrySet()) {
            Style st = e.getValue();
            out.put(e.getKey(), new Style(down(st.fg(), colours), down(st.bg(), colours), st.modifiers()));
        }
        return new Theme(name, source, out, declared);
    }

    private static TextColor down(TextColor c, Terminals.Colours colours) {
        if (c instanceof TextColor.ANSI) {
            return c;
        }
        if (colours == Terminals.Colours.INDEXED_256) {
            return c instanceof TextColor.Indexed ? c : TextColor.Indexed.fromRGB(c.getRed(), c.getGreen(), c.getBlue());
        }
        TextColor.ANSI best = TextColor.ANSI.WHITE;
        long bestDistance = Long.MAX_VALUE;
        for (Map.Entry<TextColor.ANSI, int[]> a : ANSI_RGB.entrySet()) {
            int[] rgb = a.getValue();
            long dr = c.getRed() - rgb[0];
            long dg = c.getGreen() - rgb[1];
            long db = c.getBlue() - rgb[2];
            long d = dr * dr + dg * dg + db * db;
            if (d < bestDistance) {
                bestDistance = d;
                best = a.getKey();
            }
        }
        return best;
    }

    /** xterm's values of the 16 ANSI colours, for finding the nearest. */
    private static final Map<TextColor.ANSI, int[]> ANSI_RGB = ansiRgb();

    private static Map<TextColor.ANSI, int[]> ansiRgb() {
        Map<TextColor.ANSI, int[]> m = new LinkedHashMap<>();
        m.put(TextColor.ANSI.BLACK, new int[] {0, 0, 0});
        m.put(TextColor.ANSI.RED, new int[] {205, 0, 0});
        m.put(TextColor.ANSI.GREEN, new int[] {0, 205, 0});
        m.put(TextColor.ANSI.YELLOW, new int[] {205, 205, 0});
        m.put(TextColor.ANSI.BLUE, new int[] {0, 0, 238});
        m.put(TextColor.ANSI.MAGENTA, new int[] {205, 0, 205});
        m.put(TextColor.ANSI.CYAN, new int[] {0, 205, 205});
        m.put(TextColor.ANSI.WHITE, new int[] {229, 229, 229});
        m.put(TextColor.ANSI.BLACK_BRIGHT, new int[] {127, 127, 127});
        m.put(TextColor.ANSI.RED_BRIGHT, new int[] {255, 0, 0});
        m.put(TextColor.ANSI.GREEN_BRIGHT, new int[] {0, 255, 0});
        m.put(TextColor.ANSI.YELLOW_BRIGHT, new int[] {255, 255, 0});
        m.put(TextColor.ANSI.BLUE_BRIGHT, new int[] {92, 92, 255});
        m.put(TextColor.ANSI.MAGENTA_BRIGHT, new int[] {255, 0, 255});
        m.put(TextColor.ANSI.CYAN_BRIGHT, new int[] {0, 255, 255});
        m.put(TextColor.ANSI.WHITE_BRIGHT, new int[] {255, 255, 255});
        return m;
    }

    /** Elements the file sets at least one attribute of; the shipped themes set all. */
    public Set<Element> declared() {
        return Collections.unmodifiableSet(declared);
    }

    /**
     * The theme {@code name} (or a path to a {@code .properties} file): from {@code themes/} in
     * the working directory, then beside the jar, then the copy bundled in the jar. With
     * {@code NO_COLOR} set, {@code mono}.
     *
     * @throws ThemeException naming the file and line of the first bad setting, or the themes
     *                        that exist when there is none by that name
     */
    public static Theme load(String name) throws ThemeException {
        return load(name, System::getenv, Path.of(""));
    }

    /** {@link #load(String)} with the environment and working directory given. */
    public static Theme load(String name, Function<String, String> env, Path workingDir) throws ThemeException {
        return load(name, env, workingDir, searchDirs(workingDir));
    }

    /** Looks for {@code <name>.properties} in {@code dirs}, then in the jar. */
    static Theme load(String name, Function<String, String> env, Path workingDir, List<Path> dirs)
            throws ThemeException {
        String noColor = env.apply("NO_COLOR");
        String wanted = noColor != null && !noColor.isEmpty() ? "mono"
                : name == null || name.isBlank() ? "default" : name.strip();
        if (wanted.contains("/") || wanted.endsWith(".properties")) {
            Path file = workingDir.resolve(wanted);
            if (!Files.isRegularFile(file)) {
                throw new ThemeException(wanted, 0, "no such theme file");
            }
            return read(file);
        }
        if (!wanted.matches("[A-Za-z0-9_-]+")) {
            throw new ThemeException(wanted, 0, "not a theme name; themes: " + String.join(", ", BUNDLED));
        }
        for (Path dir : dirs) {
            Path file = dir.resolve(wanted + ".properties");
            if (Files.isRegularFile(file)) {
                return read(file);
            }
        }
        String resource = "/themes/" + wanted + ".properties";
        try (InputStream in = Theme.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ThemeException(wanted, 0, "no theme by that name; themes: " + String.join(", ", BUNDLED));
            }
            return parse(wanted, "jar:themes/" + wanted + ".properties",
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ThemeException("jar:themes/" + wanted + ".properties", 0, "cannot read: " + e.getMessage());
        }
    }

    /** Reads a theme file; the theme's name is the file's without {@code .properties}. */
    public static Theme read(Path file) throws ThemeException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ThemeException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
        String base = file.getFileName().toString().replaceFirst("\\.properties$", "");
        return parse(base, file.toString(), text);
    }

    private static List<Path> searchDirs(Path workingDir) {
        List<Path> dirs = new ArrayList<>();
        dirs.add(workingDir.resolve("themes"));
        try {
            var location = Theme.class.getProtectionDomain().getCodeSource();
            if (location != null) {
                Path code = Path.of(location.getLocation().toURI());
                Path beside = code.getParent();
                if (beside != null) {
                    dirs.add(beside.resolve("themes"));
                    if (beside.getParent() != null) {
                        dirs.add(beside.getParent().resolve("themes"));
                    }
                }
            }
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            // no usable code location: the working directory and the bundled copies remain
        }
        return dirs;
    }

    /**
     * Parses a theme. Lines are {@code key = value}; {@code #} or {@code !} at the start of a
     * line begins a comment (not after a value: {@code #rrggbb} is a colour).
     */
    public static Theme parse(String name, String source, String text) throws ThemeException {
        Map<Element, TextColor> fg = new EnumMap<>(Element.class);
        Map<Element, TextColor> bg = new EnumMap<>(Element.class);
        Map<Element, Set<SGR>> mods = new EnumMap<>(Element.class);
        Map<String, Integer> seen = new HashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new ThemeException(source, lineNo,
                        "expected <element>.<fg|bg|style> = value, got `" + line + "'");
            }
            String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(eq + 1).strip();
            Integer first = seen.putIfAbsent(key, lineNo);
            if (first != null) {
                throw new ThemeException(source, lineNo, "`" + key + "' is set twice (first on line " + first + ")");
            }
            int dot = key.lastIndexOf('.');
            String attribute = dot < 0 ? "" : key.substring(dot + 1);
            Optional<Element> element = dot < 0 ? Optional.empty() : Element.byKey(key.substring(0, dot));
            if (element.isEmpty() || !List.of("fg", "bg", "style").contains(attribute)) {
                throw new ThemeException(source, lineNo, "unknown key `" + key + "'" + suggestion(key)
                        + "; keys are <element>.fg, <element>.bg and <element>.style");
            }
            if (value.isEmpty()) {
                throw new ThemeException(source, lineNo, "`" + key + "' has no value");
            }
            switch (attribute) {
                case "fg" -> fg.put(element.get(), colour(source, lineNo, value));
                case "bg" -> bg.put(element.get(), colour(source, lineNo, value));
                default -> mods.put(element.get(), modifiers(source, lineNo, value));
            }
        }
        Set<Element> declared = EnumSet.noneOf(Element.class);
        declared.addAll(fg.keySet());
        declared.addAll(bg.keySet());
        declared.addAll(mods.keySet());
        TextColor screenFg = fg.getOrDefault(Element.SCREEN, TextColor.ANSI.DEFAULT);
        TextColor screenBg = bg.getOrDefault(Element.SCREEN, TextColor.ANSI.DEFAULT);
        Map<Element, Style> styles = new EnumMap<>(Element.class);
        for (Element e : Element.values()) {
            styles.put(e, new Style(fg.getOrDefault(e, screenFg), bg.getOrDefault(e, screenBg),
                    mods.getOrDefault(e, Set.of())));
        }
        return new Theme(name, source, styles, declared);
    }

    private static TextColor colour(String source, int line, String value) throws ThemeException {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.matches("#[0-9a-f]{6}")) {
            int rgb = Integer.parseInt(v.substring(1), 16);
            return new TextColor.RGB((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
        }
        TextColor c = COLOURS.get(v);
        if (c == null) {
            throw new ThemeException(source, line, "`" + value + "' is not a colour (use default, an ANSI name "
                    + "such as red or bright_blue, or #rrggbb)");
        }
        return c;
    }

    private static Set<SGR> modifiers(String source, int line, String value) throws ThemeException {
        Set<SGR> out = EnumSet.noneOf(SGR.class);
        for (String word : value.toLowerCase(Locale.ROOT).split("[\\s,]+")) {
            switch (word) {
                case "none" -> { }
                case "bold" -> out.add(SGR.BOLD);
                case "underline" -> out.add(SGR.UNDERLINE);
                case "reverse" -> out.add(SGR.REVERSE);
                case "italic" -> out.add(SGR.ITALIC);
                default -> throw new ThemeException(source, line, "`" + word + "' is not a style "
                        + "(use none, bold, underline, reverse or italic)");
            }
        }
        return out;
    }

    private static String suggestion(String key) {
        String best = null;
        int bestDistance = 3;
        for (Element e : Element.values()) {
            for (String attribute : List.of("fg", "bg", "style")) {
                String candidate = e.key() + "." + attribute;
                int d = distance(key, candidate);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = candidate;
                }
            }
        }
        return best == null ? "" : " (did you mean `" + best + "'?)";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static Map<String, TextColor> colours() {
        Map<String, TextColor> m = new LinkedHashMap<>();
        m.put("default", TextColor.ANSI.DEFAULT);
        String[] names = {"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"};
        TextColor.ANSI[] normal = {TextColor.ANSI.BLACK, TextColor.ANSI.RED, TextColor.ANSI.GREEN,
                TextColor.ANSI.YELLOW, TextColor.ANSI.BLUE, TextColor.ANSI.MAGENTA, TextColor.ANSI.CYAN,
                TextColor.ANSI.WHITE};
        TextColor.ANSI[] bright = {TextColor.ANSI.BLACK_BRIGHT, TextColor.ANSI.RED_BRIGHT,
                TextColor.ANSI.GREEN_BRIGHT, TextColor.ANSI.YELLOW_BRIGHT, TextColor.ANSI.BLUE_BRIGHT,
                TextColor.ANSI.MAGENTA_BRIGHT, TextColor.ANSI.CYAN_BRIGHT, TextColor.ANSI.WHITE_BRIGHT};
        for (int i = 0; i < names.length; i++) {
            m.put(names[i], normal[i]);
            m.put("bright_" + names[i], bright[i]);
        }
        m.put("gray", TextColor.ANSI.BLACK_BRIGHT);
        m.put("grey", TextColor.ANSI.BLACK_BRIGHT);
        return Map.copyOf(m);
    }
}
