package dev.wgtui.cli;

import dev.wgtui.core.plan.Plan;
import dev.wgtui.core.session.ApplyOutcome;
import dev.wgtui.core.session.Session;
import dev.wgtui.core.session.WorkerSetup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
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
     * selection.
     */
    List<String> chosenWorkers(Session session, List<String> patterns) {
        String pattern = patterns == null || patterns.isEmpty() ? null : String.join(",", patterns);
        if (pattern == null && root.interactive()) {
            if (session.selection().isEmpty()) {
                throw new IllegalArgumentException("no workers selected: select PATTERN first, or name them ("
                        + spec.name() + " all for every worker)");
            }
            return session.selectedWorkers();
        }
        Session.Choice choice = session.workersMatching(pattern == null ? "all" : pattern);
        if (pattern != null) {
            TextViews.ignoredHosts(pattern, choice.ignored()).ifPresent(err()::println);
        }
        return choice.workers();
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
            out().println();
            out().print(c.changed() ? c.diff() : c.worker() + ":" + c.configPath() + ": no change\n");
        }
    }

    static List<Object> workerJson(List<WorkerSetup.Change> changes) {
        return changes.stream().map(c -> (Object) Map.of("worker", c.worker(), "file", c.configPath(),
                "changed", c.changed(), "diff", c.diff())).toList();
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

    /** Prints what an apply, restore or prune did and returns its exit code. */
    int report(ApplyOutcome outcome, String verb) throws Exception {
        if (options().json) {
            Map<String, Object> m = planJson(outcome.plan());
            m.put("written", outcome.written());
            m.put("backup", outcome.backupName());
            m.put("rolled_back", outcome.rolledBack());
            m.put("validation", outcome.validation().summary());
            out().println(Json.write(m));
        } else {
            if (!outcome.written()) {
                out().println("Nothing to " + verb + ": the file is already as planned; nothing written, no backup, no reload.");
            } else if (outcome.backupName() != null) {
                out().println("Backup: " + outcome.backupName());
            }
            out().print(outcome.validation().render());
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
