package dev.wgtui.cli;

import dev.wgtui.core.config.Keys;
import dev.wgtui.core.hub.Backup;
import dev.wgtui.core.live.Units;
import dev.wgtui.core.plan.Drift;
import dev.wgtui.core.plan.PeerRow;
import dev.wgtui.core.plan.Validation;
import dev.wgtui.core.session.PeerHealth;
import dev.wgtui.core.session.WorkerFailure;
import dev.wgtui.core.session.WorkerSetup;
import dev.wgtui.core.text.Printable;

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

    /**
     * A validation after a write: what is wrong (and the extra peers kept) first, one line each,
     * then the counts; the peers that are fine one by one only with {@code all} (-v).
     */
    public static String validation(Validation.Report report, boolean all) {
        StringBuilder out = new StringBuilder();
        report.findings().stream().filter(f -> f.kind() != Validation.Finding.Kind.OK)
                .forEach(f -> out.append(Printable.of(f.toString())).append('\n'));
        if (all) {
            report.findings().stream().filter(f -> f.kind() == Validation.Finding.Kind.OK)
                    .forEach(f -> out.append(Printable.of(f.toString())).append('\n'));
        }
        return out.append(report.summary()).append('\n').toString();
    }

    /** Workers left out of a run before anything was written, one line each with why. */
    public static String leftOut(List<WorkerFailure> failures) {
        StringBuilder out = new StringBuilder("Left out of this run, " + failures.size() + " worker(s) that failed:\n");
        failures.forEach(f -> out.append(failureLine(f)));
        return out.toString();
    }

    /**
     * The workers of a run, the failures first, each with its step and why, then how many went
     * fine; those one by one only with {@code all} (-v). {@code before} failed ahead of the hub's
     * apply (left out of it); {@code results} are the workers deployed after it.
     */
    public static String workerSummary(List<WorkerFailure> before, List<WorkerSetup.Result> results, boolean all) {
        StringBuilder out = new StringBuilder();
        before.forEach(f -> out.append(failureLine(f)));
        int failed = before.size();
        int written = 0;
        int unchanged = 0;
        List<WorkerSetup.Result> fine = new ArrayList<>();
        for (WorkerSetup.Result r : results) {
            if (r.failed()) {
                out.append(failureLine(r.failure()));
                failed++;
            } else if (!r.problems().isEmpty()) {
                out.append("✗ ").append(Printable.of(r.worker())).append(" (check): ")
                        .append(oneLine(String.join("; ", r.problems()))).append('\n');
                failed++;
            } else {
                fine.add(r);
                if (r.written()) {
                    written++;
                } else {
                    unchanged++;
                }
            }
        }
        if (all) {
            for (WorkerSetup.Result r : fine) {
                out.append("✓ ").append(Printable.of(r.worker())).append(r.written() ? ": written"
                        + (r.backupName() == null ? "" : ", backup " + Printable.of(r.backupName())) : ": unchanged")
                        .append('\n');
            }
        }
        int total = failed + fine.size();
        out.append(failed == 0 ? "✓ " : "").append(fine.size()).append(failed == 0 ? "" : " of " + total)
                .append(" worker(s) deployed (").append(written).append(" written, ").append(unchanged)
                .append(" unchanged)").append(failed == 0 ? "" : ", " + failed + " failed")
                .append(!all && !fine.isEmpty() && failed > 0 ? "; -v lists every worker" : "").append('\n');
        return out.toString();
    }

    private static String failureLine(WorkerFailure f) {
        String reason = f.reason().startsWith(f.worker() + ": ") ? f.reason().substring(f.worker().length() + 2)
                : f.reason();
        return "✗ " + Printable.of(f.worker()) + " (" + f.step() + "): " + oneLine(reason) + "\n";
    }

    private static String oneLine(String s) {
        return Printable.of(s.strip().replace("\r\n", " / ").replace("\n", " / "));
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
