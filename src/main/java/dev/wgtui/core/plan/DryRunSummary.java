package dev.wgtui.core.plan;

import dev.wgtui.core.config.ConfigLine;
import dev.wgtui.core.config.WgConfig;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The seed's dry-run summary: node, files, status, peer counts and the change; and what the
 * operator must know before confirming: that the preview holds the private key (the config
 * inlines it), and that a new hub's key pair may be made by the apply.
 *
 * @param previewHoldsPrivateKey the preview file holds the hub's private key (an inline PrivateKey)
 * @param newHubKeyFile          for a new hub whose key is loaded from a file: that file (the apply
 *                               makes a key pair there when there is none); null otherwise
 * @param reordered              the peers are put in name order ({@code sort}), each with its own lines
 */
public record DryRunSummary(String node, String previewFile, String targetFile, Status status,
                            int currentPeers, int previewPeers, List<String> added, List<String> updated,
                            List<String> removed, boolean previewHoldsPrivateKey, String newHubKeyFile,
                            boolean reordered) {

    private static final Pattern KEY_FILE = Pattern.compile("private-key\\s+(\\S+)");

    public DryRunSummary(String node, String previewFile, String targetFile, Status status, int currentPeers,
                         int previewPeers, List<String> added, List<String> updated, List<String> removed) {
        this(node, previewFile, targetFile, status, currentPeers, previewPeers, added, updated, removed, false, null,
                false);
    }

    /** What applying the plan would do to the target file. */
    public enum Status {
        CREATE_NEW("CREATE NEW"), UPDATE_EXISTING("UPDATE EXISTING"), NO_CHANGE("NO CHANGE");

        private final String text;

        Status(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** True when {@code config}'s [Interface] has a PrivateKey (key names read as wg reads them). */
    public static boolean holdsPrivateKey(WgConfig config) {
        return config.interfaceValue("PrivateKey").filter(v -> !v.isBlank()).isPresent();
    }

    /**
     * The file {@code config} loads its private key from in a PreUp/PostUp hook
     * ({@code wg set %i private-key FILE}); empty when it has none or inlines the key.
     */
    public static Optional<String> keyFileOf(WgConfig config) {
        if (holdsPrivateKey(config)) {
            return Optional.empty();
        }
        boolean inInterface = false;
        for (ConfigLine line : config.preamble()) {
            if (line instanceof ConfigLine.Section s) {
                inInterface = s.is("Interface");
            } else if (inInterface && line instanceof ConfigLine.Entry e && (e.is("PostUp") || e.is("PreUp"))) {
                Matcher m = KEY_FILE.matcher(e.value());
                if (m.find()) {
                    return Optional.of(m.group(1));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * {@code +1 peer(s)}, {@code -2 peer(s)}, {@code +1/-1 peer(s)} or {@code 0 peer(s)}, then updates;
     * a sort says so instead of a count.
     */
    public String change() {
        String count = peerCount();
        String change = updated.isEmpty() ? count : count + ", " + updated.size() + " updated";
        if (reordered && added.isEmpty() && removed.isEmpty() && updated.isEmpty()) {
            return "every peer put in name order, none added, removed or changed";
        }
        return reordered ? change + ", every peer put in name order" : change;
    }

    private String peerCount() {
        if (added.isEmpty() && removed.isEmpty()) {
            return "0 peer(s)";
        }
        if (removed.isEmpty()) {
            return "+" + added.size() + " peer(s)";
        }
        if (added.isEmpty()) {
            return "-" + removed.size() + " peer(s)";
        }
        return "+" + added.size() + "/-" + removed.size() + " peer(s)";
    }

    /** The summary block as the seed prints it. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("Node: ").append(node).append('\n');
        if (previewFile != null) {
            out.append("Preview file: ").append(previewFile);
            if (previewHoldsPrivateKey) {
                out.append(" (holds the hub's private key; mode 0600; the apply removes it)");
            }
            out.append('\n');
        }
        out.append("Target file: ").append(targetFile).append('\n');
        out.append("Status: ").append(status.text()).append('\n');
        if (newHubKeyFile != null) {
            out.append("Hub key: NEW HUB - its key is loaded from ").append(newHubKeyFile)
                    .append("; over SSH the apply makes a new key pair there if that file does not exist\n");
        }
        out.append("Current peers: ").append(currentPeers).append('\n');
        out.append("Preview peers: ").append(previewPeers).append('\n');
        out.append("Change: ").append(change()).append('\n');
        if (!added.isEmpty()) {
            out.append("Added: ").append(String.join(", ", added)).append('\n');
        }
        if (!updated.isEmpty()) {
            out.append("Updated: ").append(String.join(", ", updated)).append('\n');
        }
        if (!removed.isEmpty()) {
            out.append("Removed: ").append(String.join(", ", removed)).append('\n');
        }
        if (reordered) {
            out.append("Reordered: every peer in name order, each with the lines it owns (its comments and markers)\n");
        }
        return out.toString();
    }
}
