package dev.wgtui.cli;

import dev.wgtui.core.plan.Plan;
import dev.wgtui.core.cluster.Node;
import dev.wgtui.core.session.ApplyOutcome;
import dev.wgtui.core.session.Progress;
import dev.wgtui.core.session.Session;
import dev.wgtui.core.session.WorkerFailure;
import dev.wgtui.core.session.WorkerSetup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** What every subcommand shares: the session, output streams, confirmation and plan printing. */
abstract class HubCommand implements Callable<Integer> {

    @ParentCommand
    WgtuiCommand root;

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

    Session session() throws Exception {
        return root.context().session();
    }

    boolean confirmed(String question) {
        return options().yes || root.confirm().ask(question);
    }

    int refusedUnconfirmed() {
        out().flush();
        err().println("wgtui: not confirmed; nothing written (pass --yes to apply without asking)");
        return ExitCode.REFUSED.code();
    }

    /**
     * Selects the workers {@code patterns} match and says what it ignored. With no pattern, the
     * command line takes all workers and an interactive face keeps the session's selection.
     */
    void select(Session session, List<String> patterns) {
        String pattern = patterns == null || patterns.isEmpty() ? null : String.join(",", patterns);
        if (pattern == null && root.interactive()) {
            if (session.selection().isEmpty()) {
                throw new IllegalArgumentException("no workers selected: select PATTERN first, or name them ("
                        + spec.name() + " all for every worker)");
            }
            return;
        }
        List<String> ignored = session.select(pattern == null ? "all" : pattern);
        if (pattern != null) {
            TextViews.ignoredHosts(pattern, ignored).ifPresent(err()::println);
        }
    }

    void printPlan(Plan plan) {
        if (options().json) {
            return;
        }
        String diff = plan.unifiedDiff();
        out().print(diff.isEmpty() ? "No change: the hub's config already has the selected peers.\n" : diff);
        out().println();
        out().print(plan.summary().render());
    }

    void printWorkers(List<WorkerSetup.Change> changes) {
        if (options().json) {
            return;
        }
        for (WorkerSetup.Change c : changes) {
            if (c.failed()) {
                continue;
            }
            out().println();
            out().print(c.changed() ? c.diff() : c.worker() + ":" + c.configPath() + ": no change\n");
        }
    }

    static List<Object> workerJson(List<WorkerSetup.Change> changes) {
        return changes.stream().filter(c -> !c.failed()).map(c -> (Object) Map.of("worker", c.worker(),
                "file", c.configPath(), "changed", c.changed(), "diff", c.diff())).toList();
    }

    static List<Object> failureJson(List<WorkerFailure> failures) {
        return failures.stream().map(f -> (Object) Map.of("worker", f.worker(), "step", f.step(),
                "kind", f.kind().name().toLowerCase(java.util.Locale.ROOT), "reason", f.reason())).toList();
    }

    /** The chosen workers as read ahead of a plan, and those left out because they failed. */
    record Reached(List<WorkerSetup.Change> changes, List<WorkerFailure> failures) {
    }

    /**
     * Reads the selected workers ahead of the hub's plan, {@code --forks} at a time: their keys
     * (those the inventory lacks) and, with {@code configs}, their own configs too. A worker that
     * cannot be reached or whose command fails is taken out of the selection, so the plan goes on
     * without it; it is returned with why.
     */
    Reached reachWorkers(Session s, boolean configs) throws Exception {
        List<WorkerSetup.Change> changes = List.of();
        List<WorkerFailure> failures = new ArrayList<>();
        if (configs) {
            changes = s.planWorkers();
            changes.stream().filter(WorkerSetup.Change::failed).forEach(c -> failures.add(c.failure()));
        } else {
            List<Node> lacking = s.selectedWorkers().stream().map(w -> s.cluster().worker(w).orElseThrow())
                    .filter(n -> n.publicKey().isEmpty()).toList();
            if (!lacking.isEmpty()) {
                failures.addAll(root.context().workerKeys().prefetch(lacking, false));
            }
        }
        leaveOut(s, failures);
        return new Reached(changes.stream().filter(c -> !c.failed()).toList(), failures);
    }

    /** Takes the failed workers out of the selection. */
    static void leaveOut(Session s, List<WorkerFailure> failures) {
        for (WorkerFailure f : failures) {
            if (s.selection().contains(f.worker())) {
                s.toggle(f.worker());
            }
        }
    }

    /**
     * After a run in the shell or the dashboard, the workers left out are selected again: the
     * selection is the operator's, and the next run tries them again.
     */
    void putBack(Session s, List<WorkerFailure> failures) {
        if (!root.interactive()) {
            return;
        }
        for (WorkerFailure f : failures) {
            if (!s.selection().contains(f.worker())) {
                s.toggle(f.worker());
            }
        }
    }

    /**
     * Runs {@code body} with {@code 12/53 workers} on a terminal's standard error while workers
     * are worked on (the command line only: the shell and the dashboard have their own screen).
     */
    <T> T withProgress(java.util.concurrent.Callable<T> body) throws Exception {
        out().flush();
        Progress progress = root.interactive() ? Progress.NONE : TerminalProgress.on(out(), err());
        root.context().setProgress(progress);
        try {
            return body.call();
        } finally {
            root.context().setProgress(Progress.NONE);
        }
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

    /** What an apply, restore or prune did, as JSON. */
    static Map<String, Object> outcomeJson(ApplyOutcome outcome) {
        Map<String, Object> m = planJson(outcome.plan());
        m.put("written", outcome.written());
        m.put("backup", outcome.backupName());
        m.put("rolled_back", outcome.rolledBack());
        m.put("validation", outcome.validation().summary());
        return m;
    }

    /** Prints what an apply, restore or prune did and returns its exit code. */
    int report(ApplyOutcome outcome, String verb) throws Exception {
        if (options().json) {
            out().println(Json.write(outcomeJson(outcome)));
        } else {
            if (!outcome.written()) {
                out().println("Nothing to " + verb + ": the file is already as planned; nothing written, no backup, no reload.");
            } else if (outcome.backupName() != null) {
                out().println("Backup: " + outcome.backupName());
            }
            out().print(TextViews.validation(outcome.validation(), options().verbose));
            if (outcome.rolledBack()) {
                out().println("Validation failed: rolled back to " + outcome.backupName() + " and reloaded.");
            } else if (outcome.written()) {
                out().println((verb.equals("restore") ? "Restored " : "Applied to ") + outcome.plan().node() + ":"
                        + outcome.plan().targetFile() + ".");
                if (!session().hub().reloads() && !options().demo) {
                    out().println("The file is written; no interface was reloaded (a local file). On the hub, load it with: "
                            + "wg syncconf " + session().cluster().hub().interfaceName() + " <(wg-quick strip "
                            + session().cluster().hub().interfaceName() + ")");
                }
            }
        }
        return outcome.ok() ? ExitCode.OK.code() : ExitCode.CHECK_FAILED.code();
    }
}
