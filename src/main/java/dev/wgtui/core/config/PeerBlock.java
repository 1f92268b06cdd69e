package dev.wgtui.core.config;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The lines one peer owns in a config: the comment block right above its {@code [Peer]} (and
 * a generator's opening marker), the {@code [Peer]} line, its entries, and whatever follows up
 * to the next peer's lines (its closing marker, comments, blank lines). These lines move, stay
 * or go with their peer. Knows the peer's name, how it is written, and its values.
 *
 * <p>A PiVPN client that was disabled ({@code #[disabled] } before each of its lines) is a
 * block too: {@link #disabled()}, all comments to wg, never a peer of the running interface.
 */
public final class PeerBlock {

    private final List<ConfigLine> lines;
    private final List<ConfigLine> gap;
    private final int header;
    private final String name;
    private final boolean named;
    private final NameStyle style;
    private final boolean disabled;
    private final List<ConfigLine> entries;
    /** {@link #publicKey()}, read once: every check and table asks for it (null: not read yet). */
    private Optional<String> publicKey;

    private PeerBlock(List<ConfigLine> lines, List<ConfigLine> gap, int header, String name, boolean named,
                      NameStyle style, boolean disabled) {
        this.lines = lines;
        this.gap = gap;
        this.header = header;
        this.name = name;
        this.named = named;
        this.style = style;
        this.disabled = disabled;
        this.entries = disabled ? uncommented(lines) : lines;
    }

    /** A block whose name was settled by {@link WgConfig} (weak labels that repeat become unnamed). */
    static PeerBlock of(List<ConfigLine> lines, List<ConfigLine> gap, int header, NameStyle.Found found,
                        boolean disabled) {
        return of(lines, gap, header, found, disabled, 4);
    }

    /** @param keyBytes how many bytes of the key a derived name shows (more when two would clash) */
    static PeerBlock of(List<ConfigLine> lines, List<ConfigLine> gap, int header, NameStyle.Found found,
                        boolean disabled, int keyBytes) {
        if (found != null) {
            return new PeerBlock(lines, gap, header, found.name(), true, found.style(), disabled);
        }
        PeerBlock unnamed = new PeerBlock(lines, gap, header, "", false, NameStyle.DERIVED, disabled);
        return new PeerBlock(lines, gap, header, derivedName(unnamed.publicKey().orElse(""), keyBytes), false,
                NameStyle.DERIVED, disabled);
    }

    /**
     * The name this block's lines give, by precedence: the {@code [Peer]} line's comment; a
     * marker or key-value convention in its comments (above the header first); a bare comment
     * right below the header; a bare comment right above it. Null when none.
     */
    static NameStyle.Found readName(List<ConfigLine> lines, int header, boolean disabled) {
        if (!disabled) {
            Optional<NameStyle.Found> onHeader = NameStyle.sectionLine(lines.get(header).raw());
            if (onHeader.isPresent()) {
                return onHeader.get();
            }
        }
        // A convention counts only where it is written: in the comments above [Peer] (and its
        // opening marker), or in the comments right under it - never in a note after the entries.
        int underEnd = header + 1;
        while (underEnd < lines.size() && lines.get(underEnd) instanceof ConfigLine.Comment) {
            underEnd++;
        }
        boolean wireguardUi = false;
        NameStyle.Found explicit = null;
        for (int i = 0; i < underEnd; i++) {
            if (i == header || !(lines.get(i) instanceof ConfigLine.Comment)) {
                continue;
            }
            String raw = lines.get(i).raw();
            if (i < header && NameStyle.isWireguardUiId(raw)) {
                wireguardUi = true;
            }
            if (explicit == null && !NameStyle.isEndMarker(raw)) {
                explicit = NameStyle.explicit(raw).or(() -> NameStyle.wgGenWeb(raw)).orElse(null);
            }
        }
        if (explicit != null) {
            return wireguardUi && explicit.style() == NameStyle.NAME_KEY
                    ? new NameStyle.Found(explicit.name(), NameStyle.WIREGUARD_UI, true) : explicit;
        }
        if (disabled) {
            return null;
        }
        if (header + 1 < lines.size() && lines.get(header + 1) instanceof ConfigLine.Comment c) {
            Optional<NameStyle.Found> below = NameStyle.bare(c.raw(), NameStyle.BELOW);
            if (below.isPresent()) {
                return below.get();
            }
        }
        if (header > 0 && lines.get(header - 1) instanceof ConfigLine.Comment c) {
            Optional<NameStyle.Found> above = NameStyle.bare(c.raw(), NameStyle.ABOVE);
            // A label with spaces counts only when it is the whole block above: a longer block is prose.
            if (above.isPresent() && (above.get().strong() || header == 1)) {
                return above.get();
            }
        }
        return null;
    }

    /** The name wgtui shows for a peer without a name comment, stable for its key. */
    public static String derivedName(String publicKey) {
        return derivedName(publicKey, 4);
    }

    private static String derivedName(String publicKey, int keyBytes) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(publicKey);
        } catch (IllegalArgumentException e) {
            bytes = publicKey.getBytes(StandardCharsets.UTF_8);
        }
        StringBuilder hex = new StringBuilder("peer-");
        for (int i = 0; i < Math.min(keyBytes, bytes.length); i++) {
            hex.append(String.format("%02x", bytes[i] & 0xff));
        }
        return bytes.length == 0 ? "peer-unnamed" : hex.toString();
    }

    /** True when {@code name} written as the seed's {@code # name} is read back as that very name. */
    public static boolean isWritableName(String name) {
        return isWritableName(name, NameStyle.BELOW);
    }

    /** True when {@code name} written in {@code style} is read back as that very name, and surely. */
    public static boolean isWritableName(String name, NameStyle style) {
        if (!style.writable() || name == null || name.isEmpty() || !NameStyle.isWord(name)) {
            return false;
        }
        List<String> text = new ArrayList<>(style.linesAbove(name));
        text.add(style.header(name));
        text.addAll(style.linesBelow(name));
        text.add("PublicKey = x");
        text.addAll(style.linesAfter(name));
        WgConfig parsed = WgConfig.parse("", String.join("\n", text) + "\n");
        return parsed.peers().size() == 1 && parsed.peers().get(0).named()
                && parsed.peers().get(0).name().equals(name) && parsed.peers().get(0).style() == style;
    }

    private static List<ConfigLine> uncommented(List<ConfigLine> lines) {
        List<ConfigLine> out = new ArrayList<>(lines.size());
        for (ConfigLine l : lines) {
            if (NameStyle.isDisabledLine(l.raw())) {
                out.add(ConfigParser.classify(l.raw().substring(NameStyle.DISABLED_PREFIX.length()), l.eol(),
                        l.number()));
            }
        }
        return out;
    }

    private Optional<String> valueOf(String key) {
        // wg keeps the last value of a key given twice in one peer.
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i) instanceof ConfigLine.Entry e && e.is(key)) {
                return Optional.of(e.value());
            }
        }
        return Optional.empty();
    }

    public String name() {
        return name;
    }

    /** False when the name was derived from the key because no name comment was found. */
    public boolean named() {
        return named;
    }

    /** How the name is written ({@link NameStyle#DERIVED} when there is none). */
    public NameStyle style() {
        return style;
    }

    /** True for a PiVPN client disabled in the file: comments to wg, not a peer of the interface. */
    public boolean disabled() {
        return disabled;
    }

    /** Every line this peer owns, in file order. */
    public List<ConfigLine> lines() {
        return lines;
    }

    /**
     * The lines after a marked peer's closing marker up to the next peer: in the file, next to
     * this peer, but no peer's. Empty for every other peer (its lines run to the next one).
     */
    public List<ConfigLine> gap() {
        return gap;
    }

    /** Index of the {@code [Peer]} line within {@link #lines()} (of the commented one when disabled). */
    public int headerIndex() {
        return header;
    }

    /** The line number of the {@code [Peer]} header in the file it came from (0 if new). */
    public int lineNumber() {
        return lines.get(header).number();
    }

    /** The PublicKey with whitespace removed, as wg reads it (the last one when given twice). */
    public Optional<String> publicKey() {
        Optional<String> key = publicKey;
        if (key == null) {
            key = valueOf("PublicKey").map(ConfigParser::squeeze);
            publicKey = key;
        }
        return key;
    }

    /** Every AllowedIPs entry, the comma lists joined in order (an entry may repeat). */
    public List<String> allowedIps() {
        List<String> ips = new ArrayList<>();
        for (ConfigLine line : entries) {
            if (line instanceof ConfigLine.Entry e && e.is("AllowedIPs")) {
                for (String part : ConfigParser.squeeze(e.value()).split(",")) {
                    if (!part.isEmpty()) {
                        ips.add(part);
                    }
                }
            }
        }
        return ips;
    }

    public Optional<String> endpoint() {
        return valueOf("Endpoint").map(ConfigParser::squeeze);
    }

    public Optional<String> persistentKeepalive() {
        return valueOf("PersistentKeepalive").map(ConfigParser::squeeze);
    }

    public boolean hasPresharedKey() {
        return valueOf("PresharedKey").isPresent();
    }

    /** The peer as wgtui's merge sees it. */
    public PeerSpec toSpec() {
        return new PeerSpec(name, publicKey().orElse(null), allowedIps(), endpoint().orElse(null),
                persistentKeepalive().map(PeerSpec::keepaliveValue).orElse(null));
    }
}
