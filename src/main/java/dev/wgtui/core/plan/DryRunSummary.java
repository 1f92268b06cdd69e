package dev.wgtui.core.plan;

import java.util.List;

/** The seed's dry-run summary: node, files, status, peer counts and the change. */
public record DryRunSummary(String node, String previewFile, String targetFile, Status status,
                            int currentPeers, int previewPeers, List<String> added, List<String> updated,
                            List<String> removed) {

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

    /** {@code +1 peer(s)}, {@code -2 peer(s)}, {@code +1/-1 peer(s)} or {@code 0 peer(s)}, then updates. */
    public String change() {
        String count = peerCount();
        return updated.isEmpty() ? count : count + ", " + updated.size() + " updated";
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
            out.append("Preview file: ").append(previewFile).append('\n');
        }
        out.append("Target file: ").append(targetFile).append('\n');
        out.append("Status: ").append(status.text()).append('\n');
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
        return out.toString();
    }
}
