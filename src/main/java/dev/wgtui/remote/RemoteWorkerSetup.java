package dev.wgtui.remote;

import dev.wgtui.core.cluster.Node;
import dev.wgtui.core.host.HostException;
import dev.wgtui.core.host.HostShell;
import dev.wgtui.core.hub.HubException;
import dev.wgtui.core.session.WorkerSetup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * {@link WorkerSetup} over SSH with {@link WorkerDeploy}: each worker planned, previewed and
 * applied on its own connection, a bounded number at a time (like Ansible's forks).
 */
public final class RemoteWorkerSetup implements WorkerSetup {

    /** Opens or hands out the connection to a worker (the caller owns it). */
    @FunctionalInterface
    public interface Connector {
        HostShell connect(Node worker) throws HostException;
    }

    private final RemoteHub hub;
    private final Node hubNode;
    private final String overlayPrefix;
    private final Connector connector;
    private final Consumer<String> echo;
    private final int forks;
    private final Map<String, Planned> planned = new ConcurrentHashMap<>();

    private record Planned(WorkerDeploy deploy, WorkerDeploy.WorkerPlan plan, RemoteHub on) {
    }

    public RemoteWorkerSetup(RemoteHub hub, Node hubNode, String overlayPrefix, Connector connector,
                             Consumer<String> echo, int forks) {
        this.hub = hub;
        this.hubNode = hubNode;
        this.overlayPrefix = overlayPrefix;
        this.connector = connector;
        this.echo = echo;
        this.forks = forks;
    }

    @Override
    public List<Change> plan(Collection<Node> workers) throws Exception {
        String hubKey = hub.publicKey();
        WorkerDeploy deploy = new WorkerDeploy(hubNode, hubKey, WorkerDeploy.overlayOf(hubNode, overlayPrefix));
        return inParallel(workers, worker -> {
            RemoteHub on = new RemoteHub(worker, connector.connect(worker),
                    RemoteHub.Layout.standard(worker.interfaceName()),
                    RemoteHub.Settings.defaults().withBecome(RemoteHub.becomeFor(worker)).withEcho(echo));
            WorkerDeploy.WorkerPlan plan = deploy.plan(worker, on);
            deploy.preview(plan, on);
            planned.put(worker.name(), new Planned(deploy, plan, on));
            return new Change(worker.name(), plan.configPath(), plan.changed(), plan.changed() ? plan.diff() : "");
        });
    }

    @Override
    public List<Result> apply(Collection<String> workers) throws Exception {
        List<Planned> todo = new ArrayList<>();
        for (String w : workers) {
            Planned p = planned.get(w);
            if (p == null) {
                throw new IllegalStateException(w + ": no preview of its config yet; run diff first");
            }
            todo.add(p);
        }
        return inParallel(todo, p -> {
            WorkerDeploy.Outcome o = p.deploy().apply(p.plan(), p.on());
            return new Result(o.worker(), o.written(), o.backupName(), o.problems());
        });
    }

    private interface Task<T, R> {
        R run(T item) throws Exception;
    }

    private <T, R> List<R> inParallel(Collection<T> items, Task<T, R> task) throws Exception {
        if (items.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(forks, items.size()));
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> task.run(item)));
            }
            List<R> out = new ArrayList<>();
            for (Future<R> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof HubException || cause instanceof HostException) {
                        throw (Exception) cause;
                    }
                    throw cause instanceof Exception ex ? ex : new IllegalStateException(cause);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
