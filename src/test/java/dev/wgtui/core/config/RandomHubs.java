package dev.wgtui.core.config;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random hub configs as tools and people write them: every naming convention wgtui reads, comment
 * blocks above and inside peers, blank lines or none, tabs, CRLF, PiVPN's disabled clients. Each
 * file comes with the truth about it: the peers in file order and the lines each one owns.
 */
final class RandomHubs {

    private RandomHubs() {
    }

    /** One generated file: its text and, per active peer in order, its name and key. */
    record Hub(String text, List<String> names, List<String> keys, List<String> disabled, boolean crlf) {
    }

    private static final String[] WORDS = {"alpha", "bravo", "cm4", "s2204", "k8s-proxy", "node7", "laptop",
            "phone", "Телефон", "büro", "zulu", "db1", "edge.lan", "x_1"};

    static Hub generate(Random rnd) {
        boolean crlf = rnd.nextInt(6) == 0;
        StringBuilder sb = new StringBuilder("[Interface]\nAddress = 10.0.0.1/16\nListenPort = 51820\n");
        if (rnd.nextBoolean()) {
            sb.append("PostUp = iptables -A FORWARD -i %i -j ACCEPT # forward\n");
        }
        if (rnd.nextInt(4) == 0) {
            sb.append("# PostDown = iptables -D FORWARD -i %i -j ACCEPT\n");
        }
        List<String> names = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> disabled = new ArrayList<>();
        Set<String> used = new HashSet<>();
        int style = rnd.nextInt(3) == 0 ? -1 : rnd.nextInt(11); // -1: a mix of conventions
        boolean compact = rnd.nextInt(5) == 0;
        int peers = rnd.nextInt(14);
        for (int i = 0; i < peers; i++) {
            String name = WORDS[rnd.nextInt(WORDS.length)] + (rnd.nextBoolean() ? "" : String.valueOf(rnd.nextInt(90)));
            int s = style < 0 ? rnd.nextInt(11) : style;
            if (s == 3 || s == 5 || s == 6) {
                name = rnd.nextBoolean() ? name : name + " " + rnd.nextInt(9); // conventions that allow spaces
            }
            if (!used.add(name)) {
                continue;
            }
            String key = key(rnd);
            sb.append(compact ? "" : rnd.nextInt(5) == 0 ? "\n\n" : "\n");
            if (rnd.nextInt(6) == 0 && !compact) {
                sb.append("# a remark about nothing in particular\n\n");
            }
            if (s == 7 && rnd.nextInt(3) == 0) {
                sb.append("#[disabled] ### begin ").append(name).append(" ###\n#[disabled] [Peer]\n")
                        .append("#[disabled] PublicKey = ").append(key).append('\n')
                        .append("#[disabled] AllowedIPs = ").append(address(i)).append('\n')
                        .append("#[disabled] ### end ").append(name).append(" ###\n");
                disabled.add(name);
                continue;
            }
            boolean named = true;
            switch (s) {
                case 0 -> sb.append("[Peer]\n# ").append(name).append('\n');
                case 1 -> sb.append("# ").append(name).append("\n[Peer]\n");
                case 2 -> sb.append("[Peer] # ").append(name).append('\n');
                case 3 -> sb.append("### Client ").append(name).append("\n[Peer]\n");
                case 4 -> sb.append("# BEGIN_PEER ").append(name).append("\n[Peer]\n");
                case 5 -> sb.append("# Client: ").append(name).append(" (").append(uuid(rnd)).append(")\n[Peer]\n");
                case 6 -> sb.append("# ID:           ").append(uuid(rnd)).append("\n# Name:         ").append(name)
                        .append("\n# Email:        \n# Update at:    2024-01-01 10:00:00\n[Peer]\n");
                case 7 -> sb.append("### begin ").append(name).append(" ###\n[Peer]\n");
                case 8 -> sb.append("[Peer]\n# friendly_name = ").append(name).append('\n');
                case 9 -> sb.append("[Peer]\n# Name = ").append(name).append('\n');
                default -> {
                    sb.append("[Peer]\n");
                    named = false;
                }
            }
            sb.append(rnd.nextBoolean() ? "PublicKey = " : "PublicKey\t=\t").append(key).append('\n');
            if (rnd.nextInt(3) == 0) {
                sb.append("PresharedKey = ").append(key(rnd)).append('\n');
            }
            sb.append("AllowedIPs = ").append(address(i)).append('\n');
            if (rnd.nextInt(4) == 0 && !compact) {
                // (without a blank line after it, such a comment is the next peer's by SPEC's rule)
                sb.append("# rack ").append(rnd.nextInt(9)).append('\n');
            }
            if (rnd.nextInt(5) == 0) {
                sb.append("PersistentKeepalive = 25\n");
            }
            if (s == 4) {
                sb.append("# END_PEER ").append(name).append('\n');
            } else if (s == 7) {
                sb.append("### end ").append(name).append(" ###\n");
            }
            names.add(named ? name : PeerBlock.derivedName(key));
            keys.add(key);
        }
        String text = rnd.nextInt(8) == 0 && sb.charAt(sb.length() - 1) == '\n' ? sb.substring(0, sb.length() - 1)
                : sb.toString();
        return new Hub(crlf ? text.replace("\n", "\r\n") : text, names, keys, disabled, crlf);
    }

    static String address(int i) {
        return "10.0." + (i / 250) + "." + (i % 250 + 2) + "/32";
    }

    static String key(Random rnd) {
        byte[] b = new byte[32];
        rnd.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    private static String uuid(Random rnd) {
        return new java.util.UUID(rnd.nextLong(), rnd.nextLong()).toString();
    }
}
