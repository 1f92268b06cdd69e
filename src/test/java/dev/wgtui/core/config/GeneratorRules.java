package dev.wgtui.core.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * What other tools do to a hub's wg0.conf, reimplemented on raw text from their documented
 * behaviour (see {@code src/test/resources/configs/generators/README.md}): the shell installers'
 * sed ranges (Nyr, angristan, PiVPN), and the tools that render the whole file from their own
 * database (wg-easy, wg-gen-web, wireguard-ui, wg-portal, linuxserver, githubixx's role) or from
 * the running interface ({@code wg-quick save}, WGDashboard). Test code only: it depends on
 * nothing of wgtui.
 *
 * <p>Keys and ids that a tool would draw at random (preshared keys, uuids, xids) are derived
 * from the name and public key here, so that seeded tests are repeatable.
 */
public final class GeneratorRules {

    private GeneratorRules() {
    }

    /** One tool's own edits of a hub file. */
    public interface Tool {

        /** The fixture base name: {@code nyr}, {@code wg-easy}, ... */
        String id();

        /** The file after the tool deletes the peer it calls {@code name}. */
        String delete(String fileText, String name);

        /** The file after the tool adds a client of that name, key and AllowedIPs. */
        String addPeer(String fileText, String name, String publicKey, String allowedIps);

        /** The peers the tool itself finds in the file, by the name it lists them under. */
        List<String> names(String fileText);
    }

    public static final Nyr NYR = new Nyr();
    public static final Angristan ANGRISTAN = new Angristan();
    public static final PiVpn PIVPN = new PiVpn();
    public static final Regenerator WG_EASY = new WgEasy(false);
    public static final Regenerator WG_EASY_V15 = new WgEasy(true);
    public static final Regenerator WG_GEN_WEB = new WgGenWeb();
    public static final Regenerator WIREGUARD_UI = new WireguardUi();
    public static final Regenerator WG_PORTAL = new WgPortal(false);
    public static final Regenerator WG_PORTAL_V1 = new WgPortal(true);
    public static final Regenerator LINUXSERVER = new Linuxserver();
    public static final Githubixx GITHUBIXX = new Githubixx();
    public static final WgDashboard WGDASHBOARD = new WgDashboard();

    public static List<Tool> all() {
        return List.of(NYR, ANGRISTAN, PIVPN, WG_EASY, WG_EASY_V15, WG_GEN_WEB, WIREGUARD_UI, WG_PORTAL,
                WG_PORTAL_V1, LINUXSERVER, GITHUBIXX, WGDASHBOARD);
    }

    public static Tool of(String id) {
        return all().stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no tool " + id));
    }

    // ------------------------------------------------------------------------------------------
    // Nyr/wireguard-install

    /** Markers {@code # BEGIN_PEER x} ... {@code # END_PEER x}; delete is a sed range over them. */
    public static final class Nyr implements Tool {

        @Override
        public String id() {
            return "nyr";
        }

        @Override
        public String delete(String fileText, String name) {
            checkSedName(name);
            Sed file = Sed.of(fileText);
            return file.delete(file.range(bre("^# BEGIN_PEER " + name + "$"), bre("^# END_PEER " + name + "$")));
        }

        @Override
        public String addPeer(String fileText, String name, String publicKey, String allowedIps) {
            return fileText + "# BEGIN_PEER " + name + "\n[Peer]\nPublicKey = " + publicKey + "\nPresharedKey = "
                    + psk(name, publicKey) + "\nAllowedIPs = " + allowedIps + "\n# END_PEER " + name + "\n";
        }

        /** As its menu lists them: the third space-separated field of each {@code # BEGIN_PEER} line. */
        @Override
        public List<String> names(String fileText) {
            List<String> names = new ArrayList<>();
            for (String line : Sed.of(fileText).lines) {
                if (line.startsWith("# BEGIN_PEER")) {
                    names.add(field(line, 3));
                }
            }
            return names;
        }

        /**
         * The key Nyr takes off the running interface before it edits the file: the first line
         * holding {@code PublicKey} from the {@code # BEGIN_PEER name} line to the end of the file,
         * third space-separated field.
         */
        public Optional<String> liveRemovalKey(String fileText, String name) {
            Pattern begin = bre("^# BEGIN_PEER " + name + "$");
            boolean on = false;
            for (String line : Sed.of(fileText).lines) {
                on = on || begin.matcher(line).find();
                if (on && line.contains("PublicKey")) {
                    return Optional.of(field(line, 3));
                }
            }
            return Optional.empty();
        }
    }

    // ------------------------------------------------------------------------------------------
    // angristan/wireguard-install

    /** Marker {@code ### Client x} above [Peer]; revoke deletes from it through the next empty line. */
    public static final class Angristan implements Tool {

        @Override
        public String id() {
            return "angristan";
        }

        @Override
        public String delete(String fileText, String name) {
            checkSedName(name);
            Sed file = Sed.of(fileText);
            return file.delete(file.range(bre("^### Client " + name + "$"), bre("^$")));
        }

        @Override
        public String addPeer(String fileText, String name, String publicKey, String allowedIps) {
            return fileText + "\n### Client " + name + "\n[Peer]\nPublicKey = " + publicKey + "\nPresharedKey = "
                    + psk(name, publicKey) + "\nAllowedIPs = " + allowedIps + "\n";
        }

        @Override
        public List<String> names(String fileText) {
            List<String> names = new ArrayList<>();
            for (String line : Sed.of(fileText).lines) {
                if (line.startsWith("### Client")) {
                    names.add(field(line, 3));
                }
            }
            return names;
        }
    }

    // ------------------------------------------------------------------------------------------
    // PiVPN

    /**
     * Markers {@code ### begin x ###} ... {@code ### end x ###}. Remove, disable and enable are
     * sed ranges whose patterns are not anchored (and for disable/enable not closed by the
     * trailing {@code ###}), as in scripts/wireguard/{removeCONF,disableCONF,enableCONF}.sh.
     */
    public static final class PiVpn implements Tool {

        static final String DISABLED = "#[disabled] ";

        @Override
        public String id() {
            return "pivpn";
        }

        @Override
        public String delete(String fileText, String name) {
            checkSedName(name);
            Sed file = Sed.of(fileText);
            return file.delete(file.range(bre("### begin " + name + " ###"), bre("### end " + name + " ###")));
        }

        /** {@code pivpn -off name}: every line of the range gets the prefix {@code #[disabled] }. */
        public String disable(String fileText, String name) {
            checkSedName(name);
            Sed file = Sed.of(fileText);
            Pattern already = bre("#\\[disabled\\] ### begin " + name);
            if (file.lines.stream().anyMatch(l -> already.matcher(l).find())) {
                return fileText; // "is already disabled"
            }
            return file.map(file.range(bre("### begin " + name), bre("end " + name)), l -> DISABLED + l);
        }

        /** {@code pivpn -on name}: the first {@code #[disabled] } of every line of the range goes. */
        public String enable(String fileText, String name) {
            checkSedName(name);
            Sed file = Sed.of(fileText);
            return file.map(file.range(bre("begin " + name), bre("end " + name)), l -> l.replaceFirst(
                    Pattern.quote(DISABLED), ""));
        }

        @Override
        public String addPeer(String fileText, String name, String publicKey, String allowedIps) {
            return fileText + "### begin " + name + " ###\n[Peer]\nPublicKey = " + publicKey + "\nPresharedKey = "
                    + psk(name, publicKey) + "\nAllowedIPs = " + allowedIps + "\n### end " + name + " ###\n";
        }

        /** The begin markers in the file, disabled ones included (PiVPN itself lists clients.txt). */
        @Override
        public List<String> names(String fileText) {
            Pattern begin = Pattern.compile("^(?:#\\[disabled\\] )?### begin (.+) ###$");
            List<String> names = new ArrayList<>();
            for (String line : Sed.of(fileText).lines) {
                var m = begin.matcher(line);
                if (m.matches()) {
                    names.add(m.group(1));
                }
            }
            return names;
        }
    }

    // ------------------------------------------------------------------------------------------
    // Tools that render the whole file

    /**
     * A tool that writes the whole file from its own store: a preamble, then its own blocks with
     * fixed blank-line separators. Deleting or adding a client re-renders the file, so whatever
     * the tool did not write itself (another tool's peers, wgtui's peers, hand edits between its
     * blocks) is gone afterwards.
     */
    public abstract static class Regenerator implements Tool {

        /** Blank lines between the preamble and the first block, between blocks, after the last. */
        private final int firstGap;
        private final int gap;
        private final int trailingBlanks;
        private final boolean finalNewline;

        Regenerator(int firstGap, int gap, int trailingBlanks, boolean finalNewline) {
            this.firstGap = firstGap;
            this.gap = gap;
            this.trailingBlanks = trailingBlanks;
            this.finalNewline = finalNewline;
        }

        /** True if the block the tool renders for one client starts at {@code lines[i]}. */
        abstract boolean startsBlock(List<String> lines, int i);

        /** The name the tool shows for a block. */
        abstract String nameOf(List<String> block);

        /** The lines the tool renders for a new client. */
        abstract List<String> newBlock(List<List<String>> existing, String name, String publicKey, String allowedIps);

        /** New clients go last; wg-gen-web puts the newest first. */
        boolean newFirst() {
            return false;
        }

        /** The file as the tool renders it from what it knows: its preamble and its own blocks. */
        public String regenerate(String fileText) {
            Parsed p = parse(fileText);
            return render(p.preamble, p.blocks);
        }

        @Override
        public String delete(String fileText, String name) {
            Parsed p = parse(fileText);
            List<List<String>> kept = new ArrayList<>();
            for (List<String> block : p.blocks) {
                if (!nameOf(block).equals(name)) {
                    kept.add(block);
                }
            }
            return render(p.preamble, kept);
        }

        @Override
        public String addPeer(String fileText, String name, String publicKey, String allowedIps) {
            Parsed p = parse(fileText);
            List<List<String>> blocks = new ArrayList<>(p.blocks);
            List<String> block = newBlock(p.blocks, name, publicKey, allowedIps);
            if (newFirst()) {
                blocks.add(0, block);
            } else {
                blocks.add(block);
            }
            return render(p.preamble, blocks);
        }

        @Override
        public List<String> names(String fileText) {
            return parse(fileText).blocks.stream().map(this::nameOf).toList();
        }

        record Parsed(List<String> preamble, List<List<String>> blocks) {
        }

        Parsed parse(String fileText) {
            List<String> lines = Sed.of(fileText).lines;
            List<List<String>> blocks = new ArrayList<>();
            int first = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (startsBlock(lines, i)) {
                    if (first < 0) {
                        first = i;
                    }
                    int end = blockEnd(lines, i);
                    blocks.add(List.copyOf(lines.subList(i, end)));
                    i = end - 1;
                }
            }
            int preambleEnd = first < 0 ? lines.size() : first;
            while (preambleEnd > 0 && isBlank(lines.get(preambleEnd - 1))) {
                preambleEnd--;
            }
            return new Parsed(List.copyOf(lines.subList(0, preambleEnd)), blocks);
        }

        /** A block runs to the first blank line, the next block, or a second section header. */
        int blockEnd(List<String> lines, int start) {
            boolean sawSection = false;
            for (int j = start; j < lines.size(); j++) {
                String line = lines.get(j);
                if (isBlank(line) || (j > start && startsBlock(lines, j))) {
                    return j;
                }
                if (isSection(line)) {
                    if (sawSection) {
                        return j;
                    }
                    sawSection = true;
                }
            }
            return lines.size();
        }

        String render(List<String> preamble, List<List<String>> blocks) {
            List<String> out = new ArrayList<>(preamble);
            for (int b = 0; b < blocks.size(); b++) {
                blanks(out, b == 0 ? firstGap : gap);
                out.addAll(blocks.get(b));
            }
            if (blocks.isEmpty()) {
                return String.join("\n", out) + "\n";
            }
            blanks(out, trailingBlanks);
            return String.join("\n", out) + (finalNewline ? "\n" : "");
        }

        static void blanks(List<String> out, int n) {
            for (int i = 0; i < n; i++) {
                out.add("");
            }
        }
    }

    /** wg-easy: {@code # Client: name (id)} above [Peer]; v7-v14 (lib/WireGuard.js) and v15 (wgHelper.ts). */
    static final class WgEasy extends Regenerator {

        private static final Pattern MARKER = Pattern.compile("^# Client: (.*) \\(([^()]*)\\)$");
        private final boolean v15;

        WgEasy(boolean v15) {
            super(v15 ? 1 : 2, 1, 0, false);
            this.v15 = v15;
        }

        @Override
        public String id() {
            return v15 ? "wg-easy-v15" : "wg-easy";
        }

        @Override
        boolean startsBlock(List<String> lines, int i) {
            return MARKER.matcher(lines.get(i)).matches() && i + 1 < lines.size() && lines.get(i + 1).equals("[Peer]");
        }

        @Override
        String nameOf(List<String> block) {
            var m = MARKER.matcher(block.get(0));
            return m.matches() ? m.group(1) : "";
        }

        @Override
        List<String> newBlock(List<List<String>> existing, String name, String publicKey, String allowedIps) {
            String id;
            if (v15) {
                int max = 0;
                for (List<String> block : existing) {
                    var m = MARKER.matcher(block.get(0));
                    if (m.matches() && m.group(2).matches("\\d+")) {
                        max = Math.max(max, Integer.parseInt(m.group(2)));
                    }
                }
                id = Integer.toString(max + 1);
            } else {
                id = UUID.nameUUIDFromBytes((name + publicKey).getBytes(StandardCharsets.UTF_8)).toString();
            }
            return List.of("# Client: " + name + " (" + id + ")", "[Peer]", "PublicKey = " + publicKey,
                    "PresharedKey = " + psk(name, publicKey), "AllowedIPs = " + allowedIps);
        }
    }

    /** wg-gen-web: {@code # name / email / Updated: t / Created: t} above [Peer]; newest first. */
    static final class WgGenWeb extends Regenerator {

        private static final Pattern MARKER = Pattern.compile("^# (.*) / [^/]* / Updated: .* / Created: .*$");

        WgGenWeb() {
            super(0, 1, 0, true);
        }

        @Override
        public String id() {
            return "wg-gen-web";
        }

        @Override
        boolean newFirst() {
            return true;
        }

        @Override
        boolean startsBlock(List<String> lines, int i) {
            return MARKER.matcher(lines.get(i)).matches() && i + 1 < lines.size() && lines.get(i + 1).equals("[Peer]");
        }

        /** The name is everything before the last {@code " / "} ahead of the email field. */
        @Override
        String nameOf(List<String> block) {
            var m = MARKER.matcher(block.get(0));
            return m.matches() ? m.group(1) : "";
        }

        @Override
        List<String> newBlock(List<List<String>> existing, String name, String publicKey, String allowedIps) {
            String t = "2024-06-01 12:00:00 +0000 UTC";
            return List.of("# " + name + " /  / Updated: " + t + " / Created: " + t, "[Peer]",
                    "PublicKey = " + publicKey, "PresharedKey = " + psk(name, publicKey), "AllowedIPs = " + allowedIps);
        }
    }

    /** wireguard-ui: the block {@code # ID:}, {@code # Name:}, {@code # Email:}, {@code # Created at:}, {@code # Update at:}. */
    static final class WireguardUi extends Regenerator {

        WireguardUi() {
            super(2, 1, 1, true);
        }

        @Override
        public String id() {
            return "wireguard-ui";
        }

        @Override
        boolean startsBlock(List<String> lines, int i) {
            return lines.get(i).startsWith("# ID:") && i + 1 < lines.size() && lines.get(i + 1).startsWith("# Name:");
        }

        @Override
        String nameOf(List<String> block) {
            return stripLeadingSpaces(block.get(1).substring("# Name:".length()));
        }

        @Override
        List<String> newBlock(List<List<String>> existing, String name, String publicKey, String allowedIps) {
            String t = "2024-06-01 12:00:00 +0000 UTC";
            return List.of("# ID:           " + xid(name + publicKey), "# Name:         " + name, "# Email:        ",
                    "# Created at:   " + t, "# Update at:    " + t, "[Peer]", "PublicKey = " + publicKey,
                    "PresharedKey = " + psk(name, publicKey), "AllowedIPs = " + allowedIps);
        }
    }

    /** wg-portal: v2 {@code [Peer]} then {@code # friendly_name = x} and -WGP- lines; v1 -WGP- lines above [Peer]. */
    static final class WgPortal extends Regenerator {

        private final boolean v1;

        WgPortal(boolean v1) {
            super(2, 1, 1, true);
            this.v1 = v1;
        }

        @Override
        public String id() {
            return v1 ? "wg-portal-v1" : "wg-portal";
        }

        @Override
        boolean startsBlock(List<String> lines, int i) {
            if (v1) {
                return lines.get(i).startsWith("# -WGP- Peer: ");
            }
            return isSection(lines.get(i)) && sectionName(lines.get(i)).equals("peer") && i + 1 < lines.size()
                    && (lines.get(i + 1).startsWith("# friendly_name = ") || lines.get(i + 1).startsWith("# -WGP- Peer: "));
        }

        @Override
        String nameOf(List<String> block) {
            for (String line : block) {
                if (line.startsWith("# friendly_name = ")) {
                    return line.substring("# friendly_name = ".length());
                }
            }
            String first = block.get(0);
            int updated = first.indexOf(" / Updated: ");
            return updated < 0 ? "" : first.substring("# -WGP- Peer: ".length(), updated);
        }

        @Override
        List<String> newBlock(List<List<String>> existing, String name, String publicKey, String allowedIps) {
            String t = "2024-06-01 12:00:00 +0000 UTC";
            if (v1) {
                return List.of("# -WGP- Peer: " + name + " / Updated: " + t + " / Created: " + t, "# -WGP- Peer email: ",
                        "[Peer]", "# friendly_name = " + name, "PublicKey = " + publicKey, "AllowedIPs = " + allowedIps);
            }
            return List.of("[Peer]", "# friendly_name = " + name, "# -WGP- Peer: " + publicKey, "# -WGP- Created: " + t,
                    "# -WGP- Updated: " + t, "# -WGP- Display name: " + name, "PublicKey = " + publicKey,
                    "PresharedKey = " + psk(name, publicKey), "AllowedIPs = " + allowedIps);
        }
    }

    /** linuxserver/docker-wireguard: {@code [Peer]} then {@code # peerN}; rendered from PEERS on a change. */
    static final class Linuxserver extends Regenerator {

        Linuxserver() {
            super(1, 1, 1, true);
        }

        @Override
        public String id() {
            return "linuxserver";
        }

        @Override
        boolean startsBlock(List<String> lines, int i) {
            return lines.get(i).equals("[Peer]") && i + 1 < lines.size() && lines.get(i + 1).matches("# peer\\w+");
        }

        @Override
        String nameOf(List<String> block) {
            return block.get(1).substring(2);
        }

        @Override
        List<String> newBlock(List<List<String>> existing, String name, String publicKey, String allowedIps) {
            return List.of("[Peer]", "# " + name, "PublicKey = " + publicKey, "PresharedKey = " + psk(name, publicKey),
                    "AllowedIPs = " + allowedIps);
        }
    }

    // ------------------------------------------------------------------------------------------
    // githubixx/ansible-role-wireguard

    /**
     * The role's templates/etc/wireguard/wg.conf.j2 on the hub: one {@code [Peer]} with
     * {@code # Name = host} per other host of the play, a blank line before each; then, if
     * {@code wireguard_unmanaged_peers} is set, a header comment and those peers back to back.
     * Deleting a host (taking it out of the play) re-renders the file.
     */
    public static final class Githubixx extends Regenerator {

        static final String UNMANAGED_HEADER =
                "# Peers not managed by Ansible from \"wireguard_unmanaged_peers\" variable";

        Githubixx() {
            super(1, 1, 0, true);
        }

        @Override
        public String id() {
            return "githubixx";
        }

        @Override
        boolean startsBlock(List<String> lines, int i) {
            return lines.get(i).equals("[Peer]") && i + 1 < lines.size() && lines.get(i + 1).startsWith("# Name = ");
        }

        @Override
        String nameOf(List<String> block) {
            return block.get(1).substring("# Name = ".length());
        }

        @Override
        List<String> newBlock(List<List<String>> existing, String name, String publicKey, String allowedIps) {
            return List.of("[Peer]", "# Name = " + name, "PublicKey = " + publicKey, "AllowedIPs = " + allowedIps,
                    "Endpoint = " + name + ":51820");
        }

        @Override
        public String regenerate(String fileText) {
            Split s = split(fileText);
            return render(s.preamble, s.managed, s.unmanaged);
        }

        @Override
        public String delete(String fileText, String name) {
            Split s = split(fileText);
            return render(s.preamble, without(s.managed, name), without(s.unmanaged, name));
        }

        /** A new host in the play: its block goes after the last managed peer. */
        @Override
        public String addPeer(String fileText, String name, String publicKey, String allowedIps) {
            Split s = split(fileText);
            List<List<String>> managed = new ArrayList<>(s.managed);
            managed.add(newBlock(managed, name, publicKey, allowedIps));
            return render(s.preamble, managed, s.unmanaged);
        }

        @Override
        public List<String> names(String fileText) {
            Split s = split(fileText);
            List<String> names = new ArrayList<>();
            s.managed.forEach(b -> names.add(nameOf(b)));
            s.unmanaged.forEach(b -> names.add(nameOf(b)));
            return names;
        }

        private record Split(List<String> preamble, List<List<String>> managed, List<List<String>> unmanaged) {
        }

        private Split split(String fileText) {
            Parsed p = parse(fileText);
            List<String> lines = Sed.of(fileText).lines;
            int header = lines.indexOf(UNMANAGED_HEADER);
            List<List<String>> managed = new ArrayList<>();
            List<List<String>> unmanaged = new ArrayList<>();
            int at = 0;
            for (List<String> block : p.blocks()) {
                at = indexOfBlock(lines, block, at);
                (header >= 0 && at > header ? unmanaged : managed).add(block);
                at += block.size();
            }
            return new Split(p.preamble(), managed, unmanaged);
        }

        private static int indexOfBlock(List<String> lines, List<String> block, int from) {
            for (int i = from; i + block.size() <= lines.size(); i++) {
                if (lines.subList(i, i + block.size()).equals(block)) {
                    return i;
                }
            }
            throw new IllegalStateException("block not found");
        }

        private List<List<String>> without(List<List<String>> blocks, String name) {
            return blocks.stream().filter(b -> !nameOf(b).equals(name)).toList();
        }

        private String render(List<String> preamble, List<List<String>> managed, List<List<String>> unmanaged) {
            List<String> out = new ArrayList<>(preamble);
            for (List<String> block : managed) {
                out.add("");
                out.addAll(block);
            }
            if (!unmanaged.isEmpty()) {
                out.add("");
                out.add(UNMANAGED_HEADER);
                unmanaged.forEach(out::addAll);
            }
            return String.join("\n", out) + "\n";
        }
    }

    // ------------------------------------------------------------------------------------------
    // WGDashboard (wg set + wg-quick save)

    /**
     * WGDashboard changes peers on the running interface ({@code wg set}) and then runs
     * {@code wg-quick save}, which writes the whole file from the interface: [Interface] with
     * Address, DNS, MTU, Table, SaveConfig and the hooks wg-quick parsed, then what
     * {@code wg showconf} prints. Every comment is gone afterwards. Its peers have no name in the
     * file (names live in its database), so {@code delete} takes the public key.
     */
    public static final class WgDashboard implements Tool {

        @Override
        public String id() {
            return "wgdashboard";
        }

        /** Deletes the peer whose public key is {@code publicKey}. */
        @Override
        public String delete(String fileText, String publicKey) {
            Saved s = parse(fileText);
            s.peers.remove(publicKey);
            return s.render();
        }

        @Override
        public String addPeer(String fileText, String name, String publicKey, String allowedIps) {
            Saved s = parse(fileText);
            Map<String, String> peer = new LinkedHashMap<>();
            peer.put("allowedips", String.join(", ", Arrays.stream(allowedIps.split(",")).map(String::strip).toList()));
            s.peers.put(publicKey, peer);
            return s.render();
        }

        /** {@code wg-quick save} of the same interface: the file as WGDashboard leaves it. */
        public String save(String fileText) {
            return parse(fileText).render();
        }

        /** The public keys, in file order: WGDashboard's file has no names. */
        @Override
        public List<String> names(String fileText) {
            return List.copyOf(parse(fileText).peers.keySet());
        }

        private static final List<String> HOOKS = List.of("preup", "postup", "predown", "postdown");

        private static final class Saved {
            final Map<String, List<String>> iface = new LinkedHashMap<>();
            final Map<String, Map<String, String>> peers = new LinkedHashMap<>();

            String render() {
                StringBuilder out = new StringBuilder("[Interface]\n");
                for (String a : iface.getOrDefault("address", List.of())) {
                    for (String one : a.split(",")) {
                        out.append("Address = ").append(one.strip()).append('\n');
                    }
                }
                for (String d : iface.getOrDefault("dns", List.of())) {
                    for (String one : d.split(",")) {
                        out.append("DNS = ").append(one.strip()).append('\n');
                    }
                }
                last("mtu").ifPresent(v -> out.append("MTU = ").append(v).append('\n'));
                last("table").ifPresent(v -> out.append("Table = ").append(v).append('\n'));
                last("saveconfig").filter(v -> v.equals("true")).ifPresent(v -> out.append("SaveConfig = true\n"));
                for (String hook : HOOKS) {
                    String key = switch (hook) {
                        case "preup" -> "PreUp";
                        case "postup" -> "PostUp";
                        case "predown" -> "PreDown";
                        default -> "PostDown";
                    };
                    for (String cmd : iface.getOrDefault(hook, List.of())) {
                        out.append(key).append(" = ").append(cmd).append('\n');
                    }
                }
                last("listenport").ifPresent(v -> out.append("ListenPort = ").append(v).append('\n'));
                last("fwmark").ifPresent(v -> out.append("FwMark = ").append(v).append('\n'));
                last("privatekey").ifPresent(v -> out.append("PrivateKey = ").append(v).append('\n'));
                for (var e : peers.entrySet()) {
                    Map<String, String> p = e.getValue();
                    out.append("\n[Peer]\nPublicKey = ").append(e.getKey()).append('\n');
                    Optional.ofNullable(p.get("presharedkey")).ifPresent(v -> out.append("PresharedKey = ").append(v).append('\n'));
                    Optional.ofNullable(p.get("allowedips")).ifPresent(v -> out.append("AllowedIPs = ").append(v).append('\n'));
                    Optional.ofNullable(p.get("endpoint")).ifPresent(v -> out.append("Endpoint = ").append(v).append('\n'));
                    Optional.ofNullable(p.get("persistentkeepalive")).filter(v -> !v.equals("0") && !v.equals("off"))
                            .ifPresent(v -> out.append("PersistentKeepalive = ").append(v).append('\n'));
                }
                return out.toString();
            }

            Optional<String> last(String key) {
                List<String> values = iface.getOrDefault(key, List.of());
                return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
            }
        }

        /** Read as wg-quick reads it: text after {@code #} dropped, keys case-insensitive, values trimmed. */
        private static Saved parse(String fileText) {
            Saved s = new Saved();
            boolean inInterface = false;
            Map<String, String> peer = null;
            for (String raw : Sed.of(fileText).lines) {
                String line = raw.contains("#") ? raw.substring(0, raw.indexOf('#')) : raw;
                line = line.strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (line.startsWith("[")) {
                    inInterface = line.equalsIgnoreCase("[Interface]");
                    peer = line.equalsIgnoreCase("[Peer]") ? new LinkedHashMap<>() : null;
                    if (peer != null) {
                        s.peers.put("?" + s.peers.size(), peer); // keyed by PublicKey below
                    }
                    continue;
                }
                int eq = line.indexOf('=');
                String key = (eq < 0 ? line : line.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
                String value = eq < 0 ? "" : line.substring(eq + 1).strip();
                if (inInterface) {
                    s.iface.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
                } else if (peer != null) {
                    peer.put(key, value);
                }
            }
            Map<String, Map<String, String>> byKey = new LinkedHashMap<>();
            for (Map<String, String> p : s.peers.values()) {
                String key = p.remove("publickey");
                if (p.containsKey("allowedips")) {
                    p.put("allowedips", String.join(", ",
                            Arrays.stream(p.get("allowedips").split(",")).map(String::strip).toList()));
                }
                byKey.put(key, p);
            }
            s.peers.clear();
            s.peers.putAll(byKey);
            return s;
        }
    }

    // ------------------------------------------------------------------------------------------
    // sed, as the shell scripts run it

    /**
     * A file as GNU sed sees it: lines split at {@code \n} only (a {@code \r} stays part of the
     * line), the last line possibly without its newline.
     */
    static final class Sed {
        final List<String> lines;
        final boolean finalNewline;

        private Sed(List<String> lines, boolean finalNewline) {
            this.lines = lines;
            this.finalNewline = finalNewline;
        }

        static Sed of(String text) {
            List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
            boolean finalNewline = text.endsWith("\n");
            if (text.isEmpty() || finalNewline) {
                lines.remove(lines.size() - 1);
            }
            return new Sed(lines, finalNewline || text.isEmpty());
        }

        /**
         * The lines selected by the address {@code /start/,/end/}: a range opens on a line matching
         * start; the end pattern is tried from the next line on and closes the range on the line it
         * matches; without a match the range runs to the end of the file; after a range closes,
         * the next line matching start opens another.
         */
        boolean[] range(Pattern start, Pattern end) {
            boolean[] in = new boolean[lines.size()];
            boolean open = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (!open) {
                    if (start.matcher(line).find()) {
                        in[i] = true;
                        open = true;
                    }
                } else {
                    in[i] = true;
                    if (end.matcher(line).find()) {
                        open = false;
                    }
                }
            }
            return in;
        }

        /** {@code d} on the selected lines. */
        String delete(boolean[] selected) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                if (!selected[i]) {
                    out.append(lines.get(i)).append(i == lines.size() - 1 && !finalNewline ? "" : "\n");
                }
            }
            return out.toString();
        }

        /** {@code s///} (as a function) on the selected lines. */
        String map(boolean[] selected, UnaryOperator<String> f) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                out.append(selected[i] ? f.apply(lines.get(i)) : lines.get(i));
                out.append(i == lines.size() - 1 && !finalNewline ? "" : "\n");
            }
            return out.toString();
        }
    }

    /**
     * A POSIX basic regular expression as GNU sed reads it, for one line: {@code . * [ ] ^ $ \}
     * are special ({@code ^} only first, {@code $} only last, {@code *} not first), {@code \( \)
     * \{ \} \+ \? \|} are GNU's operators, everything else is literal. The name of a client is
     * pasted into the expression by the scripts, so a {@code .} in a PiVPN name matches any
     * character, as it does there.
     */
    static Pattern bre(String expr) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < expr.length()) {
            char c = expr.charAt(i);
            boolean first = re.length() == 0 || re.toString().equals("^");
            if (c == '\\' && i + 1 < expr.length()) {
                char n = expr.charAt(i + 1);
                if ("(){}+?|".indexOf(n) >= 0) {
                    re.append(n); // GNU's \( \) \{ \} \+ \? \| are Java's operators
                } else if (Character.isDigit(n)) {
                    re.append('\\').append(n); // back reference
                } else {
                    re.append(Pattern.quote(String.valueOf(n)));
                }
                i += 2;
                continue;
            }
            if (c == '[') {
                int j = i + 1;
                if (j < expr.length() && expr.charAt(j) == '^') {
                    j++;
                }
                if (j < expr.length() && expr.charAt(j) == ']') {
                    j++;
                }
                while (j < expr.length() && expr.charAt(j) != ']') {
                    j++;
                }
                String body = expr.substring(i + 1, Math.min(j, expr.length()));
                re.append('[').append(body.replace("\\", "\\\\").replace("[", "\\[").replace("&&", "&\\&")).append(']');
                i = j + 1;
                continue;
            }
            if (c == '^' && i == 0) {
                re.append('^');
            } else if (c == '$' && i == expr.length() - 1) {
                re.append('$');
            } else if (c == '.') {
                re.append('.');
            } else if (c == '*' && !first) {
                re.append('*');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        // UNIX_LINES: only \n ends a line, so '.' matches \r and '$' does not stop before it
        return Pattern.compile(re.toString(), Pattern.UNIX_LINES);
    }

    // ------------------------------------------------------------------------------------------

    /** A client name pasted into a sed expression: a {@code /} or a newline breaks the script. */
    static void checkSedName(String name) {
        if (name.contains("/") || name.contains("\n")) {
            throw new IllegalArgumentException("sed would fail on the name " + name);
        }
    }

    /** {@code cut -d ' ' -f n}: the n-th field, empty if the line has the separator but fewer fields. */
    static String field(String line, int n) {
        String[] fields = line.split(" ", -1);
        if (fields.length == 1) {
            return line;
        }
        return n <= fields.length ? fields[n - 1] : "";
    }

    /** A preshared key the tool would draw at random, here derived from name and key. */
    static String psk(String name, String publicKey) {
        return Base64.getEncoder().encodeToString(sha256("psk:" + name + ":" + publicKey));
    }

    /** An id in the shape of github.com/rs/xid (20 characters of 0-9a-v), derived from a seed. */
    static String xid(String seed) {
        String alphabet = "0123456789abcdefghijklmnopqrstuv";
        byte[] h = sha256(seed);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            out.append(alphabet.charAt((h[i] & 0xff) % 32));
        }
        return out.toString();
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isBlank(String line) {
        return line.strip().isEmpty();
    }

    static boolean isSection(String line) {
        return line.strip().startsWith("[");
    }

    static String sectionName(String line) {
        String s = line.strip();
        int close = s.indexOf(']');
        return close < 0 ? "" : s.substring(1, close).strip().toLowerCase(Locale.ROOT);
    }

    static String stripLeadingSpaces(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return s.substring(i);
    }
}
