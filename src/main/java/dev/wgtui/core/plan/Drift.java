package dev.wgtui.core.plan;

import dev.wgtui.core.config.PeerBlock;
import dev.wgtui.core.config.PeerMerge;
import dev.wgtui.core.config.PeerSpec;
import dev.wgtui.core.config.WgConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Differences between the running interface ({@code wg showconf}) and the file
 * ({@code wg-quick strip}), matched by public key. Endpoints are ignored: they roam.
 */
public final class Drift {

    /** One peer that differs: added or removed at runtime, or changed. */
    public record Change(Kind kind, String name, String publicKey, String detail) {
        public enum Kind { ADDED_AT_RUNTIME, REMOVED_AT_RUNTIME, CHANGED }

        @Override
        public String toString() {
            String what = switch (kind) {
                case ADDED_AT_RUNTIME -> "+ " + name + ": in the running interface, not in the file";
                case REMOVED_AT_RUNTIME -> "- " + name + ": in the file, not in the running interface";
                case CHANGED -> "~ " + name + ": " + detail;
            };
            return what;
        }
    }

    private Drift() {
    }

    /**
     * @param running the interface as {@code wg showconf} prints it
     * @param file    the file as {@code wg-quick strip} prints it, or the full file (names come from it)
     */
    public static List<Change> compare(WgConfig running, WgConfig file) {
        Map<String, PeerBlock> fileByKey = new LinkedHashMap<>();
        for (PeerBlock p : file.peers()) {
            p.publicKey().ifPresent(k -> fileByKey.put(k, p));
        }
        Map<String, PeerBlock> runByKey = new LinkedHashMap<>();
        for (PeerBlock p : running.peers()) {
            p.publicKey().ifPresent(k -> runByKey.put(k, p));
        }
        List<Change> out = new ArrayList<>();
        for (Map.Entry<String, PeerBlock> e : runByKey.entrySet()) {
            PeerBlock inFile = fileByKey.get(e.getKey());
            if (inFile == null) {
                out.add(new Change(Change.Kind.ADDED_AT_RUNTIME, PeerBlock.derivedName(e.getKey()), e.getKey(), ""));
                continue;
            }
            PeerSpec f = inFile.toSpec();
            PeerSpec r = e.getValue().toSpec();
            List<String> diffs = new ArrayList<>();
            if (!PeerMerge.sameCidrs(f.allowedIps(), r.allowedIps())) {
                diffs.add("AllowedIPs file " + f.allowedIpsText() + ", running " + r.allowedIpsText());
            }
            int fk = f.persistentKeepalive() == null ? 0 : f.persistentKeepalive();
            int rk = r.persistentKeepalive() == null ? 0 : r.persistentKeepalive();
            if (fk != rk) {
                diffs.add("PersistentKeepalive file " + fk + ", running " + rk);
            }
            if (inFile.hasPresharedKey() != e.getValue().hasPresharedKey()) {
                diffs.add("PresharedKey " + (inFile.hasPresharedKey() ? "only in the file" : "only running"));
            }
            if (!diffs.isEmpty()) {
                out.add(new Change(Change.Kind.CHANGED, inFile.name(), e.getKey(), String.join("; ", diffs)));
            }
        }
        for (Map.Entry<String, PeerBlock> e : fileByKey.entrySet()) {
            if (!runByKey.containsKey(e.getKey())) {
                out.add(new Change(Change.Kind.REMOVED_AT_RUNTIME, e.getValue().name(), e.getKey(), ""));
            }
        }
        out.removeIf(Objects::isNull);
        return out;
    }
}
