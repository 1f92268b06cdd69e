package dev.wgtui.cli;

import dev.wgtui.core.hub.Backup;
import dev.wgtui.core.live.Units;
import dev.wgtui.core.plan.Drift;
import dev.wgtui.core.plan.DryRunSummary;
import dev.wgtui.core.plan.PeerRow;
import dev.wgtui.core.plan.Validation;
import dev.wgtui.core.session.PeerHealth;
import dev.wgtui.core.session.WorkerFailure;
import dev.wgtui.core.session.WorkerSetup;
import dev.wgtui.core.text.Printable;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Plain-text views shared by the command line and the REPL. Results lead with their verdict
 * and then list only what is not ok, unless asked for every peer. Names from the inventory and
 * the hub's file go through {@link Printable}.
 */
public final class TextViews {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** How many names a question or a one-line summary shows of each kind before "and N more". */
    static final int NAMES_SHOWN = 5;

    private TextViews() {
    }

    /** The peer table: selection, name, status, address, key, endpoint, handshake, rx/tx. */
    public static String peerTable(List<PeerRow> rows, long now, Style style) {
        List<String[]> cells = new ArrayList<>(rows.size() + 1);
        cells.add(new String[]{"", "NAME", "STATUS", "ADDRESS", "KEY", "ENDPOINT", "HANDSHAKE", "RX/TX"});
        for (PeerRow r : rows) {
            String handshake = r.live().map(l -> l.handshakeAge(now).map(Units::age).orElse("never")
                    + (l.stale(now) ? " (stale)" : "")).orElse("-");
            String rxtx = r.live().map(l -> Units.bytes(l.rxBytes()) + "/" + Units.bytes(l.txBytes())).orElse("-");
            cells.add(new String[]{r.selected() ? "*" : " ", Printable.of(r.name()) + (r.named() ? "" : " (unnamed)")
                    + (r.disabledInFile() ? " (disabled)" : ""),
                    style.label(r.status()), r.address(), style.shortKey(r.publicKey().orElse(null)),
                    r.live().map(l -> l.endpoint() == null ? "-" : Printable.of(l.endpoint())).orElse("-"), handshake,
                    rxtx});
        }
        return columns(cells);
    }

    /**
     * The note for hosts a pattern matched that are not workers, when the pattern names them
     * itself ({@code diff k8s}); none when a group or a wildcard brought them in ({@code diff all}).
     */
    public static Optional<String> ignoredHosts(String pattern, List<String> ignored) {
        Set<String> named = new HashSet<>();
        for (String element : pattern.split("[,:]")) {
            named.add(element.strip().replaceFirst("^[!&]", ""));
        }
        List<String> shown = ignored.stream().filter(named::contains).map(Printable::of).toList();
        return shown.isEmpty() ? Optional.empty() : Optional.of("wgtui: not workers, ignored: " + String.join(", ", shown));
    }

    /** Each line of {@code text} made safe to show (a diff's lines come from the hub's file). */
    public static String printable(String text) {
        if (Printable.isSafe(text.replace('\n', ' '))) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 64);
        for (String line : text.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(Printable.of(line));
        }
        return out.toString();
    }

    /**
     * What a write changes, naming the peers: {@code +1 peer(s), 1 updated: adds k8s-proxy;
     * updates cm4}, with at most {@value #NAMES_SHOWN} names of each kind.
     */
    public static String namedChange(DryRunSummary s) {
        List<String> parts = new ArrayList<>();
        if (!s.added().isEmpty()) {
            parts.add("adds " + names(s.added()));
        }
        if (!s.updated().isEmpty()) {
            parts.add("updates " + names(s.updated()));
        }
        if (!s.removed().isEmpty()) {
            parts.add("removes " + names(s.removed()));
        }
        return s.change() + (parts.isEmpty() ? "" : ": " + String.join("; ", parts));
    }

    /** {@code a, b, c}, or the first {@value #NAMES_SHOWN} and how many more. */
    static String names(List<String> names) {
        List<String> shown = names.stream().limit(NAMES_SHOWN).map(Printable::of).toList();
        String list = String.join(", ", shown);
        return names.size() <= NAMES_SHOWN ? list : list + " and " + String.format("%,d", names.size() - NAMES_SHOWN)
                + " more";
    }

    /**
     * A validation: its verdict line first, then the peers that are not ok (missing, mismatched,
     * extra), or every peer when {@code all}.
     */
    public static String validation(Validation.Report report, boolean all, Style style) {
        StringBuilder out = new StringBuilder();
        out.append(style.paint(report.passed() ? Style.Part.GOOD : Style.Part.BAD, report.summary())).append('\n');
        for (Validation.Finding f : report.findings()) {
            if (all || f.kind() != Validation.Finding.Kind.OK) {
                out.append(finding(f, style)).append('\n');
            }
        }
        return out.toString();
    }

    static String finding(Validation.Finding f, Style style) {
        String name = Printable.of(f.peer());
        return switch (f.kind()) {
            case OK -> style.ok() + " " + name;
            case MISSING, MISMATCH -> style.failed() + " " + name + ": " + Printable.of(f.detail());
            case EXTRA -> "? " + name + ": " + Printable.of(f.detail());
        };
    }

    public static String backups(List<Backup> backups) {
        if (backups.isEmpty()) {
            return "no backups\n";
        }
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[]{"BACKUP", "TIME", "PEERS"});
        for (Backup b : backups) {
            cells.add(new String[]{Printable.of(b.name()), TIME.format(b.time()), String.valueOf(b.peers())});
        }
        return columns(cells);
    }

    /**
     * Health: a verdict line (how many peers, how many stale after {@code staleAfter} seconds or
     * failing a ping), then the table of the peers that are not healthy, or of every peer when
     * {@code all}.
     */
    public static String health(List<PeerHealth> health, boolean running, long staleAfter, boolean all, Style style) {
        Predicate<PeerHealth> stale = h -> stale(h, staleAfter);
        Predicate<PeerHealth> pingFailed = h -> h.pingOk().map(ok -> !ok).orElse(false);
        long staleCount = health.stream().filter(stale).count();
        long failedPings = health.stream().filter(pingFailed).count();
        boolean pinged = health.stream().anyMatch(h -> h.pingOk().isPresent());
        StringBuilder out = new StringBuilder();
        String verdict;
        if (!running) {
            verdict = "Health: the interface is not running here; no handshakes to check ("
                    + health.size() + " peer(s) in the file)";
        } else {
            verdict = "Health " + (staleCount + failedPings == 0 ? "ok" : "FAILED") + ": " + health.size()
                    + " peer(s), " + (health.size() - staleCount) + " fresh, " + staleCount + " stale (no handshake in "
                    + Units.age(staleAfter) + ")" + (pinged ? ", " + failedPings + " ping(s) failed" : "");
        }
        out.append(style.paint(running && staleCount + failedPings == 0 ? Style.Part.GOOD : Style.Part.BAD, verdict))
                .append('\n');
        List<PeerHealth> shown = all ? health : running
                ? health.stream().filter(stale.or(pingFailed)).toList() : List.of();
        if (shown.isEmpty()) {
            return out.toString();
        }
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[]{"NAME", "ADDRESS", "HANDSHAKE", "STATE", "PING", "DETAIL"});
        for (PeerHealth h : shown) {
            cells.add(new String[]{Printable.of(h.name()), h.address(),
                    h.handshakeAgeSeconds().map(Units::age).orElse("never"), stale(h, staleAfter) ? "stale" : "fresh",
                    h.pingOk().map(ok -> ok ? "ok" : "FAILED").orElse("-"), Printable.of(h.detail())});
        }
        return out.append(columns(cells)).toString();
    }

    /** A peer is stale with no handshake, or none in the last {@code staleAfter} seconds. */
    public static boolean stale(PeerHealth h, long staleAfter) {
        return h.handshakeAgeSeconds().map(age -> age > staleAfter).orElse(true);
    }

    /** Drift: the verdict first, then each peer that differs. */
    public static String drift(Optional<List<Drift.Change>> drift, Style style) {
        if (drift.isEmpty()) {
            return style.paint(Style.Part.BAD, "Drift not checked: the interface is not running here, nothing to compare")
                    + "\n";
        }
        if (drift.get().isEmpty()) {
            return style.paint(Style.Part.GOOD, "No drift: the running interface matches the file (endpoints ignored)")
                    + "\n";
        }
        StringBuilder out = new StringBuilder();
        out.append(style.paint(Style.Part.BAD, "Drift: " + drift.get().size()
                + " peer(s) differ between the running interface and the file (endpoints ignored)")).append('\n');
        for (Drift.Change c : drift.get()) {
            String name = Printable.of(c.name());
            out.append(switch (c.kind()) {
                case ADDED_AT_RUNTIME -> "+ " + name + ": in the running interface, not in the file";
                case REMOVED_AT_RUNTIME -> "- " + name + ": in the file, not in the running interface";
                case CHANGED -> "~ " + name + ": " + Printable.of(c.detail());
            }).append('\n');
        }
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
        int reloaded = 0;
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
                if (r.reloadedWithKeyFile()) {
                    reloaded++;
                }
            }
        }
        for (WorkerSetup.Result r : fine) {
            // a reload is something done to the worker: always named
            if (all || r.reloadedWithKeyFile()) {
                out.append("✓ ").append(Printable.of(r.worker())).append(r.written() ? ": written"
                        + (r.backupName() == null ? "" : ", backup " + Printable.of(r.backupName())) : ": unchanged")
                        .append(r.reloadedWithKeyFile() ? "; reloaded with the key file on its disk (a rotated key)" : "")
                        .append('\n');
            }
        }
        int total = failed + fine.size();
        out.append(failed == 0 ? "✓ " : "").append(fine.size()).append(failed == 0 ? "" : " of " + total)
                .append(" worker(s) deployed (").append(written).append(" written, ").append(unchanged)
                .append(" unchanged").append(reloaded == 0 ? "" : ", " + reloaded + " reloaded with its key file")
                .append(")").append(failed == 0 ? "" : ", " + failed + " failed")
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
        StringBuilder out = new StringBuilder(rows.size() * 64);
        for (String[] r : rows) {
            int start = out.length();
            for (int i = 0; i < n; i++) {
                out.append(r[i]);
                if (i < n - 1) {
                    out.append(" ".repeat(width[i] - r[i].codePointCount(0, r[i].length()) + 2));
                }
            }
            int end = out.length();
            while (end > start && out.charAt(end - 1) == ' ') {
                end--;
            }
            out.setLength(end);
            out.append('\n');
        }
        return out.toString();
    }
}
