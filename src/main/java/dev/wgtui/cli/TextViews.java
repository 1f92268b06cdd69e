package dev.wgtui.cli;

import dev.wgtui.core.config.Keys;
import dev.wgtui.core.hub.Backup;
import dev.wgtui.core.live.Units;
import dev.wgtui.core.plan.Drift;
import dev.wgtui.core.plan.PeerRow;
import dev.wgtui.core.session.PeerHealth;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Plain-text views shared by the command line and the REPL. */
public final class TextViews {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private TextViews() {
    }

    /** The peer table: selection, name, status, address, key, endpoint, handshake, rx/tx. */
    public static String peerTable(List<PeerRow> rows, long now) {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[]{"", "NAME", "STATUS", "ADDRESS", "KEY", "ENDPOINT", "HANDSHAKE", "RX/TX"});
        for (PeerRow r : rows) {
            String handshake = r.live().map(l -> l.handshakeAge(now).map(Units::age).orElse("never")
                    + (l.stale(now) ? " (stale)" : "")).orElse("-");
            String rxtx = r.live().map(l -> Units.bytes(l.rxBytes()) + "/" + Units.bytes(l.txBytes())).orElse("-");
            cells.add(new String[]{r.selected() ? "*" : " ", r.name() + (r.named() ? "" : " (unnamed)"),
                    r.status().label(), r.address(), Keys.shortForm(r.publicKey().orElse(null)),
                    r.live().map(l -> l.endpoint() == null ? "-" : l.endpoint()).orElse("-"), handshake, rxtx});
        }
        return columns(cells);
    }

    /**
     * The note for hosts a pattern matched that are not workers, when the pattern names them
     * itself ({@code diff k8s}); none when a group or a wildcard brought them in ({@code diff all}).
     */
    public static Optional<String> ignoredHosts(String pattern, List<String> ignored) {
        java.util.Set<String> named = new java.util.HashSet<>();
        for (String element : pattern.split("[,:]")) {
            named.add(element.strip().replaceFirst("^[!&]", ""));
        }
        List<String> shown = ignored.stream().filter(named::contains).toList();
        return shown.isEmpty() ? Optional.empty() : Optional.of("wgtui: not workers, ignored: " + String.join(", ", shown));
    }

    public static String backups(List<Backup> backups) {
        if (backups.isEmpty()) {
            return "no backups\n";
        }
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[]{"BACKUP", "TIME", "PEERS"});
        for (Backup b : backups) {
            cells.add(new String[]{b.name(), TIME.format(b.time()), String.valueOf(b.peers())});
        }
        return columns(cells);
    }

    public static String health(List<PeerHealth> health) {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[]{"NAME", "ADDRESS", "HANDSHAKE", "STATE", "PING", "DETAIL"});
        for (PeerHealth h : health) {
            cells.add(new String[]{h.name(), h.address(), h.handshakeAgeSeconds().map(Units::age).orElse("never"),
                    h.stale() ? "stale" : "fresh", h.pingOk().map(ok -> ok ? "ok" : "FAILED").orElse("-"), h.detail()});
        }
        return columns(cells);
    }

    public static String drift(Optional<List<Drift.Change>> drift) {
        if (drift.isEmpty()) {
            return "drift: the interface is not running here, nothing to compare\n";
        }
        if (drift.get().isEmpty()) {
            return "no drift: the running interface matches the file (endpoints ignored)\n";
        }
        StringBuilder out = new StringBuilder();
        drift.get().forEach(c -> out.append(c).append('\n'));
        out.append(drift.get().size()).append(" peer(s) drifted from the file\n");
        return out.toString();
    }

    static String columns(List<String[]> rows) {
        int n = rows.get(0).length;
        int[] width = new int[n];
        for (String[] r : rows) {
            for (int i = 0; i < n; i++) {
                width[i] = Math.max(width[i], r[i].codePointCount(0, r[i].length()));
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < n; i++) {
                line.append(r[i]);
                if (i < n - 1) {
                    line.append(" ".repeat(width[i] - r[i].codePointCount(0, r[i].length()) + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
