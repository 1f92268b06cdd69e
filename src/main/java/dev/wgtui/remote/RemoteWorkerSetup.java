package dev.wgtui.remote;

import dev.wgtui.core.cluster.Node;
import dev.wgtui.core.host.HostException;
import dev.wgtui.core.host.HostShell;
import dev.wgtui.core.hub.HubException;
import dev.wgtui.core.hub.HubState;
import dev.wgtui.core.session.Progress;
import dev.wgtui.core.session.WorkerSetup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * {@link WorkerSetup} over SSH with {@link WorkerDeploy}: each worker planned, previewed and
 * applied on its own connection (the one its key was read on), a bounded number at a time like
 * Ansible's forks. Planning a worker reads its key (when the inventory has none) and its config;
 * applying it writes and reloads in one round trip. A worker that fails, fails alone.
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
    private final RemoteWorkerKeys keys;
    private final Progress progress;
    private final Map<String, Planned> planned = new ConcurrentHashMap<>();

    /**
     * A worker as planned: the state read then, which a plan made again with the hub's new key
     * starts from, and the key its hub peer is planned with when it was read here (or given).
     */
    private record Planned(Node worker, WorkerDeploy deploy, WorkerDeploy.WorkerPlan plan, RemoteHub on,
                           HubState read, boolean provisional, Optional<String> key) {
    }

    /**
     * Stands in for the key of a hub that has none yet (it is made on the hub by its first
     * apply); plans made with it are made again with the real key right before they are written.
     */
    static final String KEY_NOT_YET_MADE = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    private static final String KEY_NOT_YET_MADE_SHOWN = "(the hub's key, made on the hub by this apply)";

    public RemoteWorkerSetup(RemoteHub hub, Node hubNode, String overlayPrefix, Connector connector,
                             Consumer<String> echo, int forks) {
        this(hub, hubNode, overlayPrefix, connector, echo, forks, null, Progress.NONE);
    }

    /**
     * @param keys     where workers' keys are read while their configs are planned (null: not here)
     * @param progress hears of each worker planned ("reading") and deployed ("deploying")
     */
    public RemoteWorkerSetup(RemoteHub hub, Node hubNode, String overlayPrefix, Connector connector,
                             Consumer<String> echo, int forks, RemoteWorkerKeys keys, Progress progress) {
        if (forks < 1) {
            throw new IllegalArgumentException("forks must be at least 1");
        }
        this.hub = hub;
        this.hubNode = hubNode;
        this.overlayPrefix = overlayPrefix;
        this.connector = connector;
        this.echo = echo;
        this.forks = forks;
        this.keys = keys;
        this.progress = progress;
    }

    @Override
    public List<Change> plan(Collection<Node> workers) throws Exception {
        List<Node> list = List.copyOf(workers);
        String hubKey = hubKeyOrNone();
        boolean provisional = hubKey == null;
        WorkerDeploy deploy = deploy(provisional ? KEY_NOT_YET_MADE : hubKey);
        if (keys != null) {
            keys.forgetAhead();
        }
        List<Fanout.Outcome<Change>> outcomes = Fanout.run(list, forks, "reading", progress, worker -> {
            RemoteHub on = new RemoteHub(worker, connector.connect(worker),
                    RemoteHub.Layout.standard(worker.interfaceName()),
                    RemoteHub.Settings.defaults().withBecome(RemoteHub.becomeFor(worker)).withEcho(echo));
            HubState read;
            Optional<String> key = worker.publicKey();
            if (keys != null && worker.publicKey().isEmpty()) {
                // Its key and its config in one round trip; the plan's key lookup will not ask again.
                RemoteWorkerKeys.Looked looked = keys.lookUpAndRead(worker, on);
                if (looked.key().failure().isPresent()) {
                    return Change.failed(looked.key().failure().get());
                }
                read = looked.state();
                key = looked.key().publicKey();
            } else {
                read = on.read();
            }
            WorkerDeploy.WorkerPlan plan = deploy.plan(worker, on, read);
            if (!provisional) {
                deploy.preview(plan, on);
            }
            planned.put(worker.name(), new Planned(worker, deploy, plan, on, read, provisional, key));
            String diff = plan.changed() ? plan.diff().replace(KEY_NOT_YET_MADE, KEY_NOT_YET_MADE_SHOWN) : "";
            return new Change(worker.name(), plan.configPath(), plan.changed(), diff);
        });
        List<Change> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Fanout.Outcome<Change> o = outcomes.get(i);
            if (o.ok()) {
                out.add(o.value());
            } else {
                planned.remove(list.get(i).name());
                out.add(Change.failed(Fanout.failure(list.get(i).name(), "reading", o.error())));
            }
        }
        return out;
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
        List<Fanout.Outcome<Result>> outcomes = Fanout.run(todo, forks, "deploying", progress, p -> {
            WorkerDeploy.WorkerPlan plan = p.plan();
            WorkerDeploy deploy = p.deploy();
            if (p.provisional()) {
                // Same plan from the same reading, now with the key the hub's apply made; the
                // operator confirmed it as "the hub's key". The commit refuses a file changed since.
                plan = withRealKey.plan(p.worker(), p.on(), p.read());
                deploy = withRealKey;
            }
            WorkerDeploy.Outcome o = deploy.apply(plan, p.on(), p.key());
            return new Result(o.worker(), o.written(), o.backupName(), o.problems(), null, o.reloadedWithKeyFile());
        });
        List<Result> out = new ArrayList<>(todo.size());
        for (int i = 0; i < todo.size(); i++) {
            Fanout.Outcome<Result> o = outcomes.get(i);
            String name = todo.get(i).worker().name();
            out.add(o.ok() ? o.value() : Result.failed(Fanout.failure(name, "deploying", o.error())));
        }
        return out;
    }
}
