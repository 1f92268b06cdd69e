package dev.wgtui.cli;

import dev.wgtui.core.cluster.Node;
import dev.wgtui.core.hub.RunReport;
import dev.wgtui.core.plan.Plan;
import dev.wgtui.core.session.ApplyOutcome;
import dev.wgtui.core.session.Progress;
import dev.wgtui.core.session.Session;
import dev.wgtui.core.session.WorkerFailure;
import dev.wgtui.core.session.WorkerSetup;
import dev.wgtui.core.text.Printable;
import dev.wgtui.tui.ThemeException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** What every subcommand shares: the session, output, and the one path of a write: plan, confirm, report. */
abstract class HubCommand implements Callable<Integer> {

    /** A write the operator confirms, in the words its report uses. */
    enum Write {
        APPLY("apply", "Applied to"),
        PRUNE("prune", "Pruned"),
        RESTORE("restore", "Restored"),
        SORT("sort", "Sorted");

        final String verb;
        final String done;

        Write(String verb, String done) {
            this.verb = verb;
            this.done = done;
        }
    }

    /** The write itself, run once the operator agreed. */
    @FunctionalInterface
    interface Commit {
        ApplyOutcome write() throws Exception;
    }

    @ParentCommand
    WgtuiCommand root;

    /** With JSON, a write's report kept here instead of printed, for a caller to add to (workers). */
    boolean deferJson;
    Map<String, Object> pendingJson;

    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    GlobalOptions options() {
        return root.options();
    }

    Style style() throws ThemeException {
        return root.style();
    }

    Session session() throws Exception {
        return root.context().session();
    }

    boolean confirmed(String question) {
        return options().yes || root.confirm().ask(question);
    }

    /** As {@link #confirmed(String)}, for writing {@code plan} (shown just before). */
    boolean confirmed(String question, Plan plan) {
        return options().yes || root.confirm().ask(question, plan);
    }

    int refusedUnconfirmed() {
        out().flush();
        err().println("wgtui: not confirmed; nothing written (pass --yes to apply without asking)");
        return ExitCode.REFUSED.code();
    }

    /**
     * The workers {@code patterns} name (saying what it ignored), leaving the session's selection
     * alone. With no pattern, the command line takes all workers and an interactive face the
     * selection. A name that matches nothing gets the closest names of the inventory.
     */
    List<String> chosenWorkers(Session session, List<String> patterns) throws Exception {
        String pattern = patterns == null || patterns.isEmpty() ? null : String.join(",", patterns);
        if (pattern == null && root.interactive()) {
            if (session.selection().isEmpty()) {
                throw new IllegalArgumentException("no workers selected: select PATTERN first, or name them ("
                        + spec.name() + " all for every worker)");
            }
            return session.selectedWorkers();
        }
        Session.Choice choice;
        try {
            choice = session.workersMatching(pattern == null ? "all" : pattern);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Suggestions.forPattern(e.getMessage(), pattern,
                    root.context().inventory()), e);
        }
        if (pattern != null) {
            TextViews.ignoredHosts(pattern, choice.ignored()).ifPresent(err()::println);
        }
        return choice.workers();
    }

    /** The chosen workers as read ahead of a plan, those that answered, and those left out with why. */
    record Reached(List<String> workers, List<WorkerSetup.Change> changes, List<WorkerFailure> failures) {
    }

    /**
     * Reads {@code workers} ahead of the hub's plan, {@code --forks} at a time: their keys (those
     * the inventory lacks) and, with {@code configs}, their own configs too. A worker that cannot
     * be reached or whose command fails is left out of what the plan is for (the selection is
     * not touched) and returned with why.
     */
    Reached reachWorkers(Session s, List<String> workers, boolean configs) throws Exception {
        List<WorkerSetup.Change> changes = List.of();
        List<WorkerFailure> failures = new ArrayList<>();
        if (configs) {
            changes = s.planWorkers(workers);
            changes.stream().filter(WorkerSetup.Change::failed).forEach(c -> failures.add(c.failure()));
        } else {
            List<Node> lacking = workers.stream().map(w -> s.cluster().worker(w).orElseThrow())
                    .filter(n -> n.publicKey().isEmpty()).toList();
            if (!lacking.isEmpty()) {
                failures.addAll(root.context().workerKeys().prefetch(lacking, false));
            }
        }
        List<String> reachable = without(workers, failures);
        return new Reached(reachable, changes.stream().filter(c -> !c.failed()).toList(), failures);
    }

    static List<String> without(List<String> workers, List<WorkerFailure> failures) {
        List<String> out = new ArrayList<>(workers);
        failures.forEach(f -> out.remove(f.worker()));
        return out;
    }

    /**
     * Runs {@code body} with {@code 12/53 workers} on a terminal's standard error while workers
     * are worked on (the command line only: the shell and the dashboard have their own screen).
     */
    <T> T withProgress(Callable<T> body) throws Exception {
        out().flush();
        Progress progress = root.interactive() ? Progress.NONE : TerminalProgress.on(out(), err());
        root.context().setProgress(progress);
        try {
            return body.call();
        } finally {
            root.context().setProgress(Progress.NONE);
        }
    }

    static List<Object> failureJson(List<WorkerFailure> failures) {
        return failures.stream().map(f -> (Object) Map.of("worker", f.worker(), "step", f.step(),
                "kind", f.kind().name().toLowerCase(java.util.Locale.ROOT), "reason", f.reason())).toList();
    }

    /**
     * The outcomes of earlier commits that finished on the hub while their client was gone
     * (cut, killed, out of time): said before anything else, so the operator learns of them.
     */
    void printUnreported() throws Exception {
        if (options().json) {
            return;
        }
        session().state();
        for (RunReport r : session().unshownReports()) {
            out().println(line(r));
        }
    }

    /** One outcome of a commit whose client was gone, as the faces say it. */
    static String line(RunReport r) {
        return (r.needsAttention() ? "! " : "") + Printable.of(r.describe());
    }

    /** {@code k8s:/etc/wireguard/wg0.conf}: where a plan writes. */
    static String target(Plan plan) {
        return Printable.of(plan.node()) + ":" + plan.targetFile();
    }

    /** The plan's diff, or that nothing changes, then its summary naming the peers. */
    void printPlan(Plan plan, String diff, String noChange) throws Exception {
        if (options().json) {
            return;
        }
        printUnreported();
        out().print(diff.isEmpty() ? noChange + "\n" : style().diff(TextViews.printable(diff)));
        out().println();
        out().print(TextViews.printable(plan.summary().render()));
    }

    void printWorkers(List<WorkerSetup.Change> changes) throws ThemeException {
        if (options().json) {
            return;
        }
        for (WorkerSetup.Change c : changes) {
            if (c.failed()) {
                continue;
            }
            out().println();
            out().print(c.changed() ? style().diff(TextViews.printable(c.diff()))
                    : Printable.of(c.worker()) + ":" + c.configPath() + ": no change\n");
        }
    }

    /**
     * The one path of every write (apply, prune, restore, sort): the diff and the summary naming
     * the peers it adds, updates and removes are printed; then, when it changes anything, the
     * question, which names them again; then the write and its report, verdict first. Declined,
     * nothing is written.
     *
     * @param noChange what is said instead of an empty diff
     * @param question what is asked, without the change: {@code Apply this plan to k8s:/etc/...}
     * @param changes  whether the write would change anything (else it runs unasked: an apply that
     *                 changes nothing still validates, and reloads an interface a cut run left behind)
     */
    int planConfirmReport(Write write, Plan plan, String diff, String noChange, boolean changes, String question,
                          List<WorkerSetup.Change> workers, Commit commit) throws Exception {
        printPlan(plan, diff, noChange);
        printWorkers(workers);
        if (changes || workers.stream().anyMatch(WorkerSetup.Change::changed)) {
            String change = plan.changed() ? TextViews.namedChange(plan.summary()) : "no peer changes; other lines differ";
            String more = workers.isEmpty() ? "" : " and " + workers.size() + " worker(s)";
            if (!confirmed(question + more + " (" + change + ")?", plan)) {
                return refusedUnconfirmed();
            }
        }
        return report(commit.write(), write);
    }

    static List<Object> workerJson(List<WorkerSetup.Change> changes) {
        return changes.stream().filter(c -> !c.failed()).map(c -> (Object) Map.of("worker", c.worker(),
                "file", c.configPath(), "changed", c.changed(), "diff", c.diff())).toList();
    }

    static Map<String, Object> planJson(Plan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        var s = plan.summary();
        m.put("node", s.node());
        m.put("target_file", s.targetFile());
        m.put("preview_file", s.previewFile());
        m.put("status", s.status().text());
        m.put("current_peers", s.currentPeers());
        m.put("preview_peers", s.previewPeers());
        m.put("change", s.change());
        m.put("added", s.added());
        m.put("updated", s.updated());
        m.put("removed", s.removed());
        m.put("diff", plan.unifiedDiff());
        return m;
    }

    /**
     * What a write did, verdict first: written or not, where, whether the interface was reloaded,
     * the backup; then the validation's verdict and the peers that are not ok (every peer with
     * {@code -v}). Returns the exit code.
     */
    int report(ApplyOutcome outcome, Write write) throws Exception {
        if (options().json) {
            Map<String, Object> m = planJson(outcome.plan());
            m.put("written", outcome.written());
            m.put("backup", outcome.backupName());
            m.put("rolled_back", outcome.rolledBack());
            m.put("reloaded", outcome.written() && session().hub().reloads());
            m.put("validation", outcome.validation().summary());
            m.put("validation_passed", outcome.validation().passed());
            if (deferJson) {
                pendingJson = m;
            } else {
                out().println(Json.write(m));
            }
            return outcome.ok() ? ExitCode.OK.code() : ExitCode.CHECK_FAILED.code();
        }
        Style style = style();
        boolean reloads = session().hub().reloads();
        String where = target(outcome.plan());
        String backup = outcome.backupName() == null ? "" : "; backup " + Printable.of(outcome.backupName());
        String verdict;
        if (outcome.rolledBack()) {
            verdict = "Validation FAILED after the write: rolled back to " + Printable.of(outcome.backupName())
                    + (reloads ? " and reloaded" : "") + "; " + where + " is as it was.";
        } else if (!outcome.written()) {
            verdict = "Nothing to " + write.verb + ": " + where + " already is as planned; nothing written, no backup, "
                    + "no reload.";
        } else if (!outcome.validation().passed()) {
            verdict = write.done + " " + where + (reloads ? " and reloaded" : ", file written, interface not reloaded")
                    + ", but validation FAILED and there is no backup to roll back to (the file was new).";
        } else {
            verdict = write.done + " " + where + (reloads ? " and reloaded" : ": file written, interface not reloaded ("
                    + (options().demo ? "the demo" : "a local file") + ")") + backup + ".";
        }
        out().println(style.paint(outcome.ok() ? Style.Part.GOOD : Style.Part.BAD, verdict));
        out().print(TextViews.validation(outcome.validation(), options().verbose, style));
        if (outcome.written() && !outcome.rolledBack() && !reloads && !options().demo) {
            String iface = session().cluster().hub().interfaceName();
            out().println("On the hub, load it with: wg syncconf " + iface + " <(wg-quick strip " + iface + ")");
        }
        return outcome.ok() ? ExitCode.OK.code() : ExitCode.CHECK_FAILED.code();
    }
}
