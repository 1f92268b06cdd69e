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

    private record Planned(Node worker, WorkerDeploy deploy, WorkerDeploy.WorkerPlan plan, RemoteHub on,
                           boolean provisional) {
    }

    /**
     * Stands in for the key of a hub that has none yet (it is made on the hub by its first
     * apply); plans made with it are made again with the real key right before they are written.
     */
    static final String KEY_NOT_YET_MADE = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    private static final String KEY_NOT_YET_MADE_SHOWN = "(the hub's key, made on the hub by this apply)";

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
        String hubKey = hubKeyOrNone();
        boolean provisional = hubKey == null;
        WorkerDeploy deploy = deploy(provisional ? KEY_NOT_YET_MADE : hubKey);
        return inParallel(workers, worker -> {
            RemoteHub on = new RemoteHub(worker, connector.connect(worker),
                    RemoteHub.Layout.standard(worker.interfaceName()),
                    RemoteHub.Settings.defaults().withBecome(RemoteHub.becomeFor(worker)).withEcho(echo));
            WorkerDeploy.WorkerPlan plan = deploy.plan(worker, on);
            if (!provisional) {
                deploy.preview(plan, on);
            }
            planned.put(worker.name(), new Planned(worker, deploy, plan, on, provisional));
            String diff = plan.changed() ? plan.diff().replace(KEY_NOT_YET_MADE, KEY_NOT_YET_MADE_SHOWN) : "";
            return new Change(worker.name(), plan.configPath(), plan.changed(), diff);
        });
    }

    private WorkerDeploy deploy(String hubKey) {
        return new WorkerDeploy(hubNode, hubKey, WorkerDeploy.overlayOf(hubNode, overlayPrefix));
    }

    /** The hub's public key, or null when it has no key pair yet (a hub whose first apply is pending). */
    private String hubKeyOrNone() throws HubException {
        try {
            return hub.publicKey();
        } catch (HubException e) {
            if (!hub.read().hasFile()) {
                return null;
            }
            throw e;
        }
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
        WorkerDeploy withRealKey = todo.stream().anyMatch(Planned::provisional) ? deploy(hub.publicKey()) : null;
        return inParallel(todo, p -> {
            WorkerDeploy.WorkerPlan plan = p.plan();
            WorkerDeploy deploy = p.deploy();
            if (p.provisional()) {
                // Same plan, now with the key the hub's apply made; the operator confirmed it as
                // "the hub's key". A worker file changed since the preview is still refused below.
                WorkerDeploy.WorkerPlan again = withRealKey.plan(p.worker(), p.on());
                if (!java.util.Objects.equals(again.currentHash(), plan.currentHash())) {
                    throw new HubException(HubException.Kind.CONFLICT, p.worker().name() + ": " + plan.configPath()
                            + " changed since the preview; run diff again");
                }
                plan = again;
                deploy = withRealKey;
            }
            WorkerDeploy.Outcome o = deploy.apply(plan, p.on());
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
