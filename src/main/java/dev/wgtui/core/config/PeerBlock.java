package dev.wgtui.core.config;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The lines of one {@code [Peer]} in a config: the comments right above it, the header, its
 * entries and whatever follows up to the next peer. Knows the peer's name and values.
 */
public final class PeerBlock {


    private final List<ConfigLine> lines;
    private final int header;
    private final String name;
    private final boolean named;

    private PeerBlock(List<ConfigLine> lines, int header, String name, boolean named) {
        this.lines = lines;
        this.header = header;
        this.name = name;
        this.named = named;
    }

    static PeerBlock of(List<ConfigLine> lines) {
        int first = 0;
        while (!(lines.get(first) instanceof ConfigLine.Section)) {
            first++;
        }
        int header = first;
        Optional<String> name = nameAfter(lines, header).or(() -> nameBefore(lines, header));
        if (name.isPresent()) {
            return new PeerBlock(lines, header, name.get(), true);
        }
        String key = valueOf(lines, "PublicKey").map(ConfigParser::squeeze).orElse("");
        return new PeerBlock(lines, header, derivedName(key), false);
    }

    /** The name wgtui shows for a peer without a name comment, stable for its key. */
    public static String derivedName(String publicKey) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(publicKey);
        } catch (IllegalArgumentException e) {
            bytes = publicKey.getBytes(StandardCharsets.UTF_8);
        }
        StringBuilder hex = new StringBuilder("peer-");
        for (int i = 0; i < Math.min(4, bytes.length); i++) {
            hex.append(String.format("%02x", bytes[i] & 0xff));
        }
        return bytes.length == 0 ? "peer-unnamed" : hex.toString();
    }

    /** True when {@code name} written as {@code # name} is read back as that name. */
    public static boolean isWritableName(String name) {
        return nameIn(name).filter(name::equals).isPresent();
    }

    /** Reads a peer name from a comment's text: {@code cm4}, {@code Name = cm4} or {@code Name: cm4}. */
    static Optional<String> nameIn(String commentText) {
        String text = commentText;
        if (text.regionMatches(true, 0, "name", 0, 4)) {
            int i = 4;
            while (i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
            if (i < text.length() && (text.charAt(i) == '=' || text.charAt(i) == ':')) {
                text = text.substring(i + 1).trim();
            }
        }
        return isBareName(text) ? Optional.of(text) : Optional.empty();
    }

    private static boolean isBareName(String s) {
        if (s.isEmpty() || !Character.isLetterOrDigit(s.charAt(0))) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '@' || c == '-'))) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> nameAfter(List<ConfigLine> lines, int header) {
        if (header + 1 < lines.size() && lines.get(header + 1) instanceof ConfigLine.Comment c) {
            return nameIn(c.text());
        }
        return Optional.empty();
    }

    private static Optional<String> nameBefore(List<ConfigLine> lines, int header) {
        if (header > 0 && lines.get(header - 1) instanceof ConfigLine.Comment c) {
            return nameIn(c.text());
        }
        return Optional.empty();
    }

    private static Optional<String> valueOf(List<ConfigLine> lines, String key) {
        for (ConfigLine line : lines) {
            if (line instanceof ConfigLine.Entry e && e.is(key)) {
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

    public List<ConfigLine> lines() {
        return lines;
    }

    /** Index of the {@code [Peer]} line within {@link #lines()}. */
    public int headerIndex() {
        return header;
    }

    /** The line number of the {@code [Peer]} header in the file it came from (0 if new). */
    public int lineNumber() {
        return lines.get(header).number();
    }

    /** The PublicKey with whitespace removed, as wg reads it. */
    public Optional<String> publicKey() {
        return valueOf(lines, "PublicKey").map(ConfigParser::squeeze);
    }

    /** Every AllowedIPs entry, the comma lists joined in order (an entry may repeat). */
    public List<String> allowedIps() {
        List<String> ips = new ArrayList<>();
        for (ConfigLine line : lines) {
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
        return valueOf(lines, "Endpoint").map(ConfigParser::squeeze);
    }

    public Optional<String> persistentKeepalive() {
        return valueOf(lines, "PersistentKeepalive").map(ConfigParser::squeeze);
    }

    public boolean hasPresharedKey() {
        return valueOf(lines, "PresharedKey").isPresent();
    }

    /** The peer as wgtui's merge sees it. */
    public PeerSpec toSpec() {
        return new PeerSpec(name, publicKey().orElse(null), allowedIps(), endpoint().orElse(null),
                persistentKeepalive().map(PeerSpec::keepaliveValue).orElse(null));
    }
}
