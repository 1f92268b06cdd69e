package dev.wgtui.core.plan;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.wgtui.core.config.ConfigLine;
import dev.wgtui.core.config.PeerMerge;
import dev.wgtui.core.config.Redaction;
import dev.wgtui.core.config.WgConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Current file → proposed file, with what changed: the redacted unified diff and the dry-run
 * summary. {@code currentHash} is what apply checks the hub's file against.
 */
public record Plan(String node, String targetFile, String previewFile, WgConfig current, String currentHash,
                   WgConfig proposed, PeerMerge.Result merge, Map<String, String> pendingKeys) {

    /**
     * @param pendingKeys stand-in keys in {@code proposed} for workers whose key pair is made at
     *                    apply (stand-in → worker); such a plan is never written as it is
     */
    public Plan {
        pendingKeys = Map.copyOf(pendingKeys);
    }

    public Plan(String node, String targetFile, String previewFile, WgConfig current, String currentHash,
                WgConfig proposed, PeerMerge.Result merge) {
        this(node, targetFile, previewFile, current, currentHash, proposed, merge, Map.of());
    }

    /** The stand-in key for a worker whose key pair does not exist yet: valid in form, never written. */
    public static String pendingKey(String worker) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(("wgtui: key pair to be made on " + worker).getBytes(StandardCharsets.UTF_8));
            return java.util.Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The proposed file as the preview shows it: a key pair still to be made on a worker reads
     * {@code (made on cm4 at apply)}. The text written is {@link #proposed()} with real keys.
     */
    public String previewText() {
        String text = proposed.render();
        for (Map.Entry<String, String> e : pendingKeys.entrySet()) {
            text = text.replace(e.getKey(), "(made on " + e.getValue() + " at apply)");
        }
        return text;
    }

    /** True when applying would write anything. */
    public boolean changed() {
        return current == null || merge.changed();
    }

    public DryRunSummary summary() {
        DryRunSummary.Status status = current == null ? DryRunSummary.Status.CREATE_NEW
                : merge.changed() ? DryRunSummary.Status.UPDATE_EXISTING : DryRunSummary.Status.NO_CHANGE;
        return new DryRunSummary(node, previewFile, targetFile, status,
                current == null ? 0 : current.peers().size(), proposed.peers().size(),
                merge.added(), merge.updated(), merge.removed(), DryRunSummary.holdsPrivateKey(proposed),
                current == null ? DryRunSummary.keyFileOf(proposed).orElse(null) : null, merge.reordered());
    }

    /** The unified diff, secrets hidden; empty when nothing changes. */
    public String unifiedDiff() {
        if (!changed()) {
            return "";
        }
        return unifiedDiff(current == null ? List.of() : current.lines(), proposed.lines(),
                targetFile + " (current)", targetFile + " (preview)", pendingKeys);
    }

    /**
     * The diff of the two files as text, whatever the peers: what a restore shows (a backup may
     * differ from the current file in comments only).
     */
    public String fileDiff(String afterLabel) {
        if (current != null && current.render().equals(proposed.render())) {
            return "";
        }
        return unifiedDiff(current == null ? List.of() : current.lines(), proposed.lines(),
                targetFile + " (current)", afterLabel, Map.of());
    }

    /** A unified diff of two config texts with every secret hidden. */
    public static String unifiedDiff(String before, String after, String beforeLabel, String afterLabel) {
        if (before.equals(after)) {
            return "";
        }
        return unifiedDiff(WgConfig.parse("", before).lines(), WgConfig.parse("", after).lines(), beforeLabel,
                afterLabel, Map.of());
    }

    private static final int CONTEXT = 3;

    /**
     * Lines the two files share at their start and end are not diffed: a one-peer change in a
     * hub of 100,000 peers compares a few lines, not the whole file. Only the lines shown are
     * redacted; a key pair still to be made reads {@code (made on cm4 at apply)}.
     */
    private static String unifiedDiff(List<ConfigLine> a, List<ConfigLine> b, String beforeLabel, String afterLabel,
                                      Map<String, String> pendingKeys) {
        int prefix = 0;
        int max = Math.min(a.size(), b.size());
        while (prefix < max && a.get(prefix).raw().equals(b.get(prefix).raw())) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < max - prefix
                && a.get(a.size() - 1 - suffix).raw().equals(b.get(b.size() - 1 - suffix).raw())) {
            suffix++;
        }
        int from = Math.max(0, prefix - CONTEXT);
        int tail = Math.max(0, suffix - CONTEXT);
        List<String> left = shown(a.subList(from, a.size() - tail), Map.of());
        List<String> right = shown(b.subList(from, b.size() - tail), pendingKeys);
        Patch<String> patch = DiffUtils.diff(left, right);
        List<String> lines = UnifiedDiffUtils.generateUnifiedDiff(beforeLabel, afterLabel, left, patch, CONTEXT);
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(from == 0 || !line.startsWith("@@ ") ? line : shifted(line, from)).append('\n');
        }
        return out.toString();
    }

    /** A hunk header {@code @@ -a,b +c,d @@} with both start lines moved down by {@code by}. */
    private static String shifted(String header, int by) {
        java.util.regex.Matcher m = HUNK.matcher(header);
        if (!m.matches()) {
            return header;
        }
        return "@@ -" + (Integer.parseInt(m.group(1)) + by) + m.group(2) + " +" + (Integer.parseInt(m.group(3)) + by)
                + m.group(4) + " @@" + m.group(5);
    }

    private static final java.util.regex.Pattern HUNK =
            java.util.regex.Pattern.compile("@@ -(\\d+)(,\\d+)? \\+(\\d+)(,\\d+)? @@(.*)");

    private static List<String> shown(List<ConfigLine> lines, Map<String, String> pendingKeys) {
        List<String> raws = new ArrayList<>(lines.size());
        for (ConfigLine line : lines) {
            raws.add(line.raw());
        }
        List<String> out = Redaction.lines(raws);
        if (!pendingKeys.isEmpty()) {
            out.replaceAll(text -> {
                for (Map.Entry<String, String> e : pendingKeys.entrySet()) {
                    text = text.replace(e.getKey(), "(made on " + e.getValue() + " at apply)");
                }
                return text;
            });
        }
        return out;
    }

    /** SHA-256 of a file's bytes in hex; the hash of a missing file is {@code "absent"}. */
    public static String hash(String text) {
        if (text == null) {
            return "absent";
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
