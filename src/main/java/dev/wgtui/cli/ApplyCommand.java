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
        "Shows the diff and the peers it adds and updates, then asks. Locks the hub, refuses if the file changed since "
                + "the preview, backs it up, writes atomically, reloads without dropping tunnels and validates; a failed "
                + "validation rolls back. The result leads with its verdict and lists only the peers that are not ok "
                + "(-v: every peer). Workers are worked on --forks at a time; a worker that cannot be reached or whose "
                + "command fails is left out and named first in the summary (exit 4); the others and the hub go on."})
final class ApplyCommand extends HubCommand {

    @Mixin
    WorkerChoice choice = new WorkerChoice();

    @Override
    public Integer call() throws Exception {
        Session s = session();
        List<String> chosen = chosenWorkers(s, choice.patterns);
        return withProgress(() -> apply(s, chosen));
    }

    private int apply(Session s, List<String> chosen) throws Exception {
        Reached reached = reachWorkers(s, chosen, choice.workers);
        List<WorkerFailure> failures = new ArrayList<>(reached.failures());
        Plan shown = s.plan(reached.workers());
        if (!failures.isEmpty() && !options().json) {
            out().print(TextViews.leftOut(failures));
            out().println();
        }
        deferJson = options().json && (choice.workers || !failures.isEmpty());
        int code = planConfirmReport(Write.APPLY, shown, shown.unifiedDiff(),
                "No change: the hub's config already has the chosen peers.", shown.changed(),
                "Apply this plan to " + target(shown), reached.changes(), () -> applyConfirmed(s, shown, reached, failures));
        if (code == ExitCode.REFUSED.code() && pendingJson == null) {
            return code; // not confirmed: nothing written, no worker touched
        }
        List<WorkerSetup.Result> results = List.of();
        List<WorkerSetup.Change> deploy = reached.changes().stream()
                .filter(c -> failures.stream().noneMatch(f -> f.worker().equals(c.worker()))).toList();
        if (code == ExitCode.OK.code() && !deploy.isEmpty()) {
            results = s.applyWorkers(deploy);
        }
        if (pendingJson != null) {
            Map<String, Object> json = new LinkedHashMap<>(pendingJson);
            json.put("workers", resultJson(results));
            List<WorkerFailure> all = new ArrayList<>(failures);
            results.stream().filter(WorkerSetup.Result::failed).forEach(r -> all.add(r.failure()));
            json.put("failed", failureJson(all));
            out().println(Json.write(json));
        } else if (!options().json && (choice.workers || !failures.isEmpty())) {
            out().println();
            out().print(TextViews.workerSummary(failures, results, options().verbose));
        }
        return code != ExitCode.OK.code() ? code : exitCode(failures, results);
    }

    /**
     * The write the operator agreed to. Key pairs for the workers that have none are made now; a
     * worker where that fails is left out of the confirmed plan (its other peers and keys as shown:
     * nothing is read again), and the made keys take the place of their stand-ins.
     */
    private ApplyOutcome applyConfirmed(Session s, Plan shown, Reached reached, List<WorkerFailure> failures)
            throws Exception {
        Plan plan = shown;
        if (!shown.pendingKeys().isEmpty()) {
            List<Node> waiting = shown.pendingKeys().values().stream()
                    .map(w -> s.cluster().worker(w).orElseThrow()).toList();
            List<WorkerFailure> made = root.context().workerKeys().prefetch(waiting, true);
            failures.addAll(made);
            if (!made.isEmpty()) {
                plan = s.without(shown, made.stream().map(WorkerFailure::worker).toList());
            }
        }
        return s.apply(plan);
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
            m.put("reloaded_with_key_file", r.reloadedWithKeyFile());
            m.put("backup", r.backupName());
            m.put("problems", r.problems());
            out.add(m);
        }
        return out;
    }
}
