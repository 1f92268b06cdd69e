package dev.wgtui.cli;

import dev.wgtui.core.cluster.Node;
import dev.wgtui.core.plan.Plan;
import dev.wgtui.core.session.ApplyOutcome;
import dev.wgtui.core.session.Session;
import dev.wgtui.core.session.WorkerFailure;
import dev.wgtui.core.session.WorkerSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code apply}: merge the chosen workers into the hub's config, after confirmation; with
 * {@code --workers}, deploy each worker's own config too. Workers are read, given keys and
 * deployed {@code --forks} at a time; one that fails fails alone, and the summary leads with it.
 */
@Command(name = "apply", description = {"Merge the chosen workers into the hub's config and reload, after confirmation",
        "Locks the hub, refuses if the file changed since the preview, backs it up, writes atomically, reloads "
                + "without dropping tunnels and validates; a failed validation rolls back. Workers are worked on "
                + "--forks at a time; a worker that cannot be reached or whose command fails is left out and named "
                + "in the summary (exit 4), the others and the hub go on."})
final class ApplyCommand extends HubCommand {

    @Mixin
    WorkerChoice choice = new WorkerChoice();

    @Override
    public Integer call() throws Exception {
        Session s = session();
        select(s, choice.patterns);
        return withProgress(() -> apply(s));
    }

    private int apply(Session s) throws Exception {
        List<WorkerFailure> failures = new ArrayList<>();
        try {
            return apply(s, failures);
        } finally {
            putBack(s, failures);
        }
    }

    private int apply(Session s, List<WorkerFailure> failures) throws Exception {
        Reached reached = reachWorkers(s, choice.workers);
        failures.addAll(reached.failures());
        Plan plan = s.plan();
        printPlan(plan);
        printWorkers(reached.changes());
        if (!failures.isEmpty() && !options().json) {
            out().println();
            out().print(TextViews.leftOut(failures));
        }
        boolean anything = plan.changed() || reached.changes().stream().anyMatch(WorkerSetup.Change::changed);
        if (anything && !confirmed("Apply this plan to " + plan.node() + ":" + plan.targetFile()
                + (reached.changes().isEmpty() ? "" : " and " + reached.changes().size() + " worker(s)") + "?")) {
            return refusedUnconfirmed();
        }
        if (!plan.pendingKeys().isEmpty()) {
            // Key pairs for the workers that have none, made now that the operator agreed; a
            // worker where that fails is left out, and the plan is the confirmed one without it.
            List<Node> waiting = plan.pendingKeys().values().stream()
                    .map(w -> s.cluster().worker(w).orElseThrow()).toList();
            List<WorkerFailure> made = root.context().workerKeys().prefetch(waiting, true);
            failures.addAll(made);
            leaveOut(s, made);
            plan = s.plan();
        }
        ApplyOutcome outcome = s.apply(plan);
        int code;
        if (options().json) {
            code = outcome.ok() ? ExitCode.OK.code() : ExitCode.CHECK_FAILED.code();
        } else {
            code = report(outcome, "apply");
        }
        List<WorkerSetup.Result> results = List.of();
        List<WorkerSetup.Change> deploy = reached.changes().stream()
                .filter(c -> s.selection().contains(c.worker())).toList();
        if (code == ExitCode.OK.code() && !deploy.isEmpty()) {
            results = s.applyWorkers(deploy);
        }
        if (options().json) {
            Map<String, Object> json = new LinkedHashMap<>(outcomeJson(outcome));
            json.put("workers", resultJson(results));
            List<WorkerFailure> all = new ArrayList<>(failures);
            results.stream().filter(WorkerSetup.Result::failed).forEach(r -> all.add(r.failure()));
            json.put("failed", failureJson(all));
            out().println(Json.write(json));
        } else if (choice.workers || !failures.isEmpty()) {
            out().println();
            out().print(TextViews.workerSummary(failures, results, options().verbose));
        }
        return code != ExitCode.OK.code() ? code : exitCode(failures, results);
    }

    /** The exit code of a run whose hub apply went well: a host key, a host, a refusal, a check. */
    static int exitCode(List<WorkerFailure> before, List<WorkerSetup.Result> results) {
        List<WorkerFailure> all = new ArrayList<>(before);
        results.stream().filter(WorkerSetup.Result::failed).forEach(r -> all.add(r.failure()));
        if (all.stream().anyMatch(f -> f.kind() == WorkerFailure.Kind.HOST_KEY)) {
            return ExitCode.HOST_KEY.code();
        }
        if (all.stream().anyMatch(f -> f.kind() == WorkerFailure.Kind.HOST)) {
            return ExitCode.HOST.code();
        }
        if (!all.isEmpty()) {
            return ExitCode.REFUSED.code();
        }
        return results.stream().allMatch(WorkerSetup.Result::ok) ? ExitCode.OK.code() : ExitCode.CHECK_FAILED.code();
    }

    private static List<Object> resultJson(List<WorkerSetup.Result> results) {
        List<Object> out = new ArrayList<>();
        for (WorkerSetup.Result r : results) {
            if (r.failed()) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("worker", r.worker());
            m.put("ok", r.ok());
            m.put("written", r.written());
            m.put("backup", r.backupName());
            m.put("problems", r.problems());
            out.add(m);
        }
        return out;
    }
}
