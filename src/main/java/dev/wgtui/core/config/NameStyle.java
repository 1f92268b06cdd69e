package dev.wgtui.core.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a peer's name is written in a hub config: the seed's {@code # cm4} under {@code [Peer]}
 * and the conventions of the tools that write hub configs. Each style reads a name from a
 * comment line and, where it can be written without inventing data, writes the lines for one.
 */
public enum NameStyle {
    /** {@code [Peer] # phone}: the name on the section line. */
    SECTION_LINE(Where.HEADER, true),
    /** The seed's: {@code # cm4} on the line right after {@code [Peer]}. */
    BELOW(Where.BELOW, true),
    /** {@code # cm4} on the line right before {@code [Peer]}. */
    ABOVE(Where.ABOVE, true),
    /** {@code # Name = cm4} (and {@code # Name: cm4} written by hand) under {@code [Peer]}. */
    NAME_KEY(Where.BELOW, true),
    /** wg-portal and prometheus_wireguard_exporter: {@code # friendly_name = phone} under {@code [Peer]}. */
    FRIENDLY_NAME(Where.BELOW, true),
    /** Nyr's wireguard-install: {@code # BEGIN_PEER phone} … {@code # END_PEER phone}. */
    BEGIN_END_PEER(Where.ABOVE, true),
    /** angristan's wireguard-install: {@code ### Client phone} above {@code [Peer]}. */
    CLIENT_HASHES(Where.ABOVE, true),
    /** PiVPN: {@code ### begin phone ###} … {@code ### end phone ###}. */
    PIVPN(Where.ABOVE, true),
    /** wg-easy: {@code # Client: phone (uuid)}; its database owns the id, so wgtui never writes one. */
    WG_EASY(Where.ABOVE, false),
    /** wireguard-ui: a comment block ({@code # ID:}, {@code # Name:}, …) its database owns. */
    WIREGUARD_UI(Where.ABOVE, false),
    /** wg-gen-web: {@code # phone / owner@example.org / Updated: … / Created: …}. */
    WG_GEN_WEB(Where.ABOVE, false),
    /** wg-portal v1: {@code # -WGP- Peer: phone / Updated: … / Created: …} above {@code [Peer]}. */
    WG_PORTAL(Where.ABOVE, false),
    /** WGDashboard's import convention: {@code #Name# = phone} under {@code [Peer]}. */
    WGDASHBOARD(Where.BELOW, true),
    /** No name comment: the name is derived from the public key. */
    DERIVED(Where.NONE, false);

    /** Where the name is written relative to the {@code [Peer]} line. */
    enum Where { ABOVE, HEADER, BELOW, NONE }

    private final Where where;
    private final boolean writable;

    NameStyle(Where where, boolean writable) {
        this.where = where;
        this.writable = writable;
    }

    Where where() {
        return where;
    }

    /** True when wgtui can write a new peer's name this way without inventing a tool's data. */
    public boolean writable() {
        return writable;
    }

    /** A name read from one line, and how sure the reading is. */
    record Found(String name, NameStyle style, boolean strong) {
    }

    // ---- reading -------------------------------------------------------------------------

    private static final int MAX_NAME = 128;

    /**
     * A marker or key-value convention on a comment line, wherever it stands in the peer's
     * lines: the conventions that say outright that they give a name.
     */
    static Optional<Found> explicit(String raw) {
        String s = stripDisabled(raw.strip());
        Optional<String> n;
        if ((n = between(s, "# BEGIN_PEER ", "")).isPresent() || (n = between(s, "# END_PEER ", "")).isPresent()) {
            return found(n.get(), BEGIN_END_PEER);
        }
        if ((n = between(s, "### begin ", " ###")).isPresent() || (n = between(s, "### end ", " ###")).isPresent()) {
            return found(n.get(), PIVPN);
        }
        if ((n = between(s, "### Client ", "")).isPresent()) {
            return found(n.get(), CLIENT_HASHES);
        }
        if (s.startsWith("# Client: ")) {
            String rest = s.substring("# Client: ".length());
            int open = rest.lastIndexOf(" (");
            return found(open > 0 && rest.endsWith(")") ? rest.substring(0, open) : rest, WG_EASY);
        }
        if ((n = between(s, "#Name# = ", "")).isPresent() || (n = between(s, "#Name#=", "")).isPresent()) {
            return found(n.get(), WGDASHBOARD);
        }
        if (s.startsWith("# -WGP- Peer: ") && s.contains(" / Updated: ")) {
            return found(s.substring("# -WGP- Peer: ".length(), s.indexOf(" / Updated: ")), WG_PORTAL);
        }
        if (!s.startsWith("#") || s.startsWith("##")) {
            return Optional.empty();
        }
        String body = s.substring(1).strip();
        Optional<String> v;
        if ((v = keyValue(body, "friendly_name", '=')).isPresent()) {
            return found(v.get(), FRIENDLY_NAME);
        }
        if ((v = keyValue(body, "name", '=')).isPresent() || (v = keyValue(body, "name", ':')).isPresent()) {
            return found(v.get(), NAME_KEY);
        }
        return Optional.empty();
    }

    /** True for the line that closes a marked peer: Nyr's {@code # END_PEER x}, PiVPN's {@code ### end x ###}. */
    static boolean isEndMarker(String raw) {
        String s = stripDisabled(raw.strip());
        return between(s, "# END_PEER ", "").isPresent() || between(s, "### end ", " ###").isPresent();
    }

    /** The name in an opening marker ({@code # BEGIN_PEER x}, {@code ### begin x ###}). */
    static Optional<String> beginMarker(String raw) {
        String s = stripDisabled(raw.strip());
        return between(s, "# BEGIN_PEER ", "").or(() -> between(s, "### begin ", " ###"));
    }

    /** The name in a closing marker. */
    static Optional<String> endMarker(String raw) {
        String s = stripDisabled(raw.strip());
        return between(s, "# END_PEER ", "").or(() -> between(s, "### end ", " ###"));
    }

    /** PiVPN disables a client by prefixing each of its lines with this. */
    static final String DISABLED_PREFIX = "#[disabled] ";

    static boolean isDisabledLine(String raw) {
        return raw.startsWith(DISABLED_PREFIX);
    }

    private static String stripDisabled(String s) {
        return s.startsWith(DISABLED_PREFIX) ? s.substring(DISABLED_PREFIX.length()).strip() : s;
    }

    /**
     * The seed's bare name comment ({@code # cm4}, at most one space after the {@code #}): one
     * word is a sure name; a label with spaces ({@code # Client 1}) is a name unless another
     * peer has the same label. A comment that reads like a config line is never a name.
     */
    static Optional<Found> bare(String raw, NameStyle style) {
        String s = raw.strip();
        if (!s.startsWith("#") || s.startsWith("##")) {
            return Optional.empty();
        }
        String body = s.substring(1);
        if (body.startsWith(" ")) {
            body = body.substring(1);
        }
        if (body.isEmpty() || Character.isWhitespace(body.charAt(0)) || body.length() > MAX_NAME) {
            return Optional.empty();
        }
        body = body.stripTrailing();
        String lower = body.toLowerCase(Locale.ROOT);
        if (lower.equals("begin") || lower.equals("end") || body.indexOf('=') >= 0 || body.startsWith("[")
                || !printable(body) || looksLikeKey(body)) {
            return Optional.empty();
        }
        if (isWord(body)) {
            return Optional.of(new Found(body, style, true));
        }
        return Character.isLetterOrDigit(body.codePointAt(0)) ? Optional.of(new Found(body, style, false))
                : Optional.empty();
    }

    /** The comment on a {@code [Peer]} line: {@code [Peer] # phone}. */
    static Optional<Found> sectionLine(String raw) {
        int hash = raw.indexOf('#');
        if (hash < 0) {
            return Optional.empty();
        }
        String body = raw.substring(hash + 1).strip();
        if (body.isEmpty() || body.length() > MAX_NAME || !printable(body) || body.indexOf('=') >= 0) {
            return Optional.empty();
        }
        return Optional.of(new Found(body, SECTION_LINE, true));
    }

    /** wireguard-ui's block starts with {@code # ID:}; its {@code # Name:} line is the name. */
    static boolean isWireguardUiId(String raw) {
        String s = raw.strip();
        return s.startsWith("# ID:");
    }

    /** wg-gen-web writes {@code # name / email / Updated: … / Created: …} above {@code [Peer]}. */
    static Optional<Found> wgGenWeb(String raw) {
        String s = raw.strip();
        int updated = s.indexOf(" / Updated: ");
        if (!s.startsWith("# ") || updated < 0 || !s.contains(" / Created: ")) {
            return Optional.empty();
        }
        // "name / email": the name may hold " / " itself, the email may be empty.
        String head = s.substring(2, updated);
        int email = head.lastIndexOf(" / ");
        if (email < 0 && head.endsWith(" /")) {
            email = head.length() - 2;
        }
        return email <= 0 ? Optional.empty() : found(head.substring(0, email), WG_GEN_WEB);
    }

    private static Optional<Found> found(String name, NameStyle style) {
        String n = name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME || !printable(n)) {
            return Optional.empty();
        }
        return Optional.of(new Found(n, style, true));
    }

    private static Optional<String> between(String s, String prefix, String suffix) {
        if (s.length() > prefix.length() + suffix.length() && s.startsWith(prefix) && s.endsWith(suffix)) {
            String n = s.substring(prefix.length(), s.length() - suffix.length()).strip();
            return n.isEmpty() ? Optional.empty() : Optional.of(n);
        }
        return Optional.empty();
    }

    private static Optional<String> keyValue(String body, String key, char separator) {
        if (!body.regionMatches(true, 0, key, 0, key.length())) {
            return Optional.empty();
        }
        int i = key.length();
        while (i < body.length() && (body.charAt(i) == ' ' || body.charAt(i) == '\t')) {
            i++;
        }
        if (i >= body.length() || body.charAt(i) != separator) {
            return Optional.empty();
        }
        String v = body.substring(i + 1).strip();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /** One word of letters (any script), digits, {@code . _ @ -}, starting with a letter or digit. */
    static boolean isWord(String s) {
        if (s.isEmpty() || !Character.isLetterOrDigit(s.codePointAt(0))) {
            return false;
        }
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (!(Character.isLetterOrDigit(cp) || cp == '.' || cp == '_' || cp == '@' || cp == '-')) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    private static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeKey(String s) {
        return s.length() >= 43 && s.matches(".*[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=.*");
    }

    // ---- writing -------------------------------------------------------------------------

    /** The lines that go above {@code [Peer]} for a new peer named {@code name}. */
    List<String> linesAbove(String name) {
        return switch (this) {
            case ABOVE -> List.of("# " + name);
            case BEGIN_END_PEER -> List.of("# BEGIN_PEER " + name);
            case CLIENT_HASHES -> List.of("### Client " + name);
            case PIVPN -> List.of("### begin " + name + " ###");
            default -> List.of();
        };
    }

    /** The {@code [Peer]} line. */
    String header(String name) {
        return this == SECTION_LINE ? "[Peer] # " + name : "[Peer]";
    }

    /** The lines right after {@code [Peer]}. */
    List<String> linesBelow(String name) {
        return switch (this) {
            case BELOW -> List.of("# " + name);
            case NAME_KEY -> List.of("# Name = " + name);
            case FRIENDLY_NAME -> List.of("# friendly_name = " + name);
            case WGDASHBOARD -> List.of("#Name# = " + name);
            default -> List.of();
        };
    }

    /** The lines after the peer's entries (a closing marker). */
    List<String> linesAfter(String name) {
        return switch (this) {
            case BEGIN_END_PEER -> List.of("# END_PEER " + name);
            case PIVPN -> List.of("### end " + name + " ###");
            default -> List.of();
        };
    }
}
