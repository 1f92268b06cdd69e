package dev.wgtui.remote;

import dev.wgtui.core.cluster.Node;
import dev.wgtui.core.config.Keys;
import dev.wgtui.core.host.HostException;
import dev.wgtui.core.host.HostShell;
import dev.wgtui.core.hub.HubException;
import dev.wgtui.core.hub.HubState;
import dev.wgtui.core.session.Progress;
import dev.wgtui.core.session.WorkerFailure;
import dev.wgtui.core.session.WorkerKeys;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Workers' public keys over SSH, one round trip per worker, a bounded number of workers at a
 * time (like Ansible's forks): the key is derived on the worker from its private key file, or
 * read from its public key file, its config's PrivateKey or its running interface; a worker
 * with none gets a key pair generated there. Private keys never leave the worker. Keys read
 * ahead ({@link #prefetch}, or by {@link RemoteWorkerSetup} while it plans) answer the next
 * lookup of those workers once, without asking them again.
 */
public final class RemoteWorkerKeys implements WorkerKeys {

    /** Where a worker's key came from. */
    public enum Source { KEY_FILE, PUBLIC_KEY_FILE, CONFIG, RUNNING, GENERATED, NONE_YET }

    /** One worker's answer: its key and where it came from, or why there is none. */
    public record Result(String worker, Optional<String> publicKey, Optional<Source> source,
                         Optional<WorkerFailure> failure) {
        /** The failure's message, naming the worker. */
        public Optional<String> error() {
            return failure.map(WorkerFailure::reason);
        }
    }

    /** Some workers' keys could not be read; the message names each of them and why. */
    public static final class WorkerKeysException extends Exception {
        private final Map<String, String> found;

        WorkerKeysException(String message, Map<String, String> found) {
            super(message);
            this.found = Map.copyOf(found);
        }

        /** The keys of the workers that did answer. */
        public Map<String, String> found() {
            return found;
        }
    }

    /**
     * Workers worked on at once unless {@code --forks} says otherwise. Measured on a 2-core
     * machine against 53 and 150 testbed workers (src/test/bench/workers.sh): 10 was slower,
     * 25 already kept both cores busy, and 50 or 100 were no faster while costing more CPU and
     * threads on the jump host. Raise it for workers far away (high latency, idle CPU).
     */
    public static final int DEFAULT_FORKS = 25;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final Function<Node, HostShell> connect;
    private final int forks;
    private final Duration timeout;
    private final Function<Node, RemoteHub.Layout> layout;
    private final Consumer<String> echo;
    private final Progress progress;
    private final AtomicLong roundTrips = new AtomicLong();
    private final Map<String, Result> ahead = new ConcurrentHashMap<>();

    /**
     * Keys over the connections {@code connect} opens or hands out (the caller owns and closes
     * them; it may throw an unchecked exception, whose cause may be a {@link HostException}).
     */
    public RemoteWorkerKeys(Function<Node, HostShell> connect) {
        this(connect, DEFAULT_FORKS, DEFAULT_TIMEOUT, n -> RemoteHub.Layout.standard(n.interfaceName()), line -> {
        });
    }

    public RemoteWorkerKeys(Function<Node, HostShell> connect, int forks, Duration timeout,
                            Function<Node, RemoteHub.Layout> layout, Consumer<String> echo) {
        this(connect, forks, timeout, layout, echo, Progress.NONE);
    }

    /** As above; {@code progress} hears of each worker answered ("reading keys", "making keys"). */
    public RemoteWorkerKeys(Function<Node, HostShell> connect, int forks, Duration timeout,
                            Function<Node, RemoteHub.Layout> layout, Consumer<String> echo, Progress progress) {
        if (forks < 1) {
            throw new IllegalArgumentException("forks must be at least 1");
        }
        this.connect = connect;
        this.forks = forks;
        this.timeout = timeout;
        this.layout = layout;
        this.echo = echo;
        this.progress = progress;
    }

    /** Round trips made so far, over all workers. */
    public long roundTrips() {
        return roundTrips.get();
    }

    /**
     * @throws WorkerKeysException naming every worker whose key could not be read (with the
     *                             keys of the others in {@link WorkerKeysException#found()})
     */
    @Override
    public Map<String, String> publicKeys(Collection<Node> workers) throws WorkerKeysException {
        return collect(resolve(workers, true));
    }

    /** Keys the workers already have; a worker without a key pair is left out, nothing is made. */
    @Override
    public Map<String, String> existingKeys(Collection<Node> workers) throws WorkerKeysException {
        return collect(resolve(workers, false));
    }

    @Override
    public boolean canGenerate() {
        return true;
    }

    @Override
    public List<WorkerFailure> prefetch(Collection<Node> workers, boolean make) {
        forgetAhead();
        List<WorkerFailure> failures = new ArrayList<>();
        for (Result r : lookUp(workers, make)) {
            if (r.failure().isPresent()) {
                failures.add(r.failure().get());
            } else {
                ahead.put(r.worker(), r);
            }
        }
        return failures;
    }

    /** Drops keys read ahead that no lookup used: a new run reads them again. */
    void forgetAhead() {
        ahead.clear();
    }

    /** Answers read ahead first (each used once), then asks the others. */
    private List<Result> resolve(Collection<Node> workers, boolean generate) {
        Map<String, Result> known = new HashMap<>();
        List<Node> ask = new ArrayList<>();
        for (Node n : workers) {
            Result r = ahead.remove(n.name());
            // A worker read ahead as having no pair yet still needs one made, when making.
            if (r != null && (r.publicKey().isPresent() || !generate)) {
                known.put(n.name(), r);
            } else {
                ask.add(n);
            }
        }
        List<Result> asked = lookUp(ask, generate);
        asked.forEach(r -> known.put(r.worker(), r));
        return workers.stream().map(n -> known.get(n.name())).toList();
    }

    private static Map<String, String> collect(List<Result> results) throws WorkerKeysException {
        Map<String, String> keys = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (Result r : results) {
            if (r.source().filter(s -> s == Source.NONE_YET).isPresent()) {
                continue;
            }
            if (r.publicKey().isPresent()) {
                keys.put(r.worker(), r.publicKey().get());
            } else {
                errors.add(r.error().orElse(r.worker() + ": no key"));
            }
        }
        if (!errors.isEmpty()) {
            throw new WorkerKeysException(String.join("; ", errors), keys);
        }
        return keys;
    }

    /** Each worker's result, in the order given; never throws for one worker's failure. */
    public List<Result> lookUp(Collection<Node> workers) {
        return lookUp(workers, true);
    }

    /** Each worker's result; with {@code generate} false a worker without a pair gets source NONE_YET. */
    public List<Result> lookUp(Collection<Node> workers, boolean generate) {
        List<Node> list = List.copyOf(workers);
        List<Fanout.Outcome<Result>> outcomes = Fanout.run(list, forks, generate ? "making keys" : "reading keys",
                progress, n -> one(n, generate));
        List<Result> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Fanout.Outcome<Result> o = outcomes.get(i);
            out.add(o.ok() ? o.value() : failed(Fanout.failure(list.get(i).name(), stepOf(generate), o.error())));
        }
        return out;
    }

    private Result one(Node worker, boolean generate) {
        return ask(worker, generate, null).key();
    }

    /** A worker's key and, when asked for, its config and interface as read in the same round trip. */
    record Looked(Result key, HubState state) {
    }

    /**
     * One worker's existing key and its state as {@code on} reads it, in one round trip on the
     * calling thread (a planner already working on that worker); the key is remembered for the
     * next lookup. The state is null when the worker failed.
     */
    Looked lookUpAndRead(Node worker, RemoteHub on) {
        Looked looked = ask(worker, false, on);
        if (looked.key().failure().isEmpty()) {
            ahead.put(worker.name(), looked.key());
        }
        return looked;
    }

    private Looked ask(Node worker, boolean generate, RemoteHub read) {
        String name = worker.name();
        String step = stepOf(generate);
        HostShell shell;
        try {
            shell = connect.apply(worker);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof HostException h) {
                return new Looked(failed(Fanout.failure(name, step, h)), null);
            }
            return new Looked(failed(new WorkerFailure(name, step, WorkerFailure.Kind.HOST,
                    name + ": cannot connect: " + (e.getMessage() == null ? e.toString() : e.getMessage()))), null);
        }
        RemoteHub.Layout where = layout.apply(worker);
        String iface = worker.interfaceName();
        RemoteScript script = (read == null ? RemoteScript.of("worker-key.sh") : RemoteScript.of("worker-key.sh", "read.sh"))
                .set("IF", iface)
                .set("DIR", where.configDir())
                .set("CONF", where.configDir() + "/" + iface + ".conf")
                .set("LOCK", where.lockFile())
                .set("KEYFILE", where.privateKeyFile())
                .set("PUBFILE", where.publicKeyFile())
                .set("WAIT", Long.toString(Math.max(1, timeout.toSeconds() / 2)))
                .set("GENERATE", generate ? "yes" : "no");
        RemoteRunner runner = new RemoteRunner(shell, RemoteRunner.becomeFor(worker), echo);
        try {
            roundTrips.incrementAndGet();
            String what = "public key of " + iface + (generate ? " (generated there if missing)" : "")
                    + (read == null ? "" : "; cat " + where.configDir() + "/" + iface + ".conf; wg show " + iface + " dump");
            RemoteRunner.Reply reply = runner.run(what, script, new byte[0], timeout);
            Optional<ScriptFailure> failure = reply.frames().failure();
            if (failure.isPresent()) {
                WorkerFailure.Kind kind = failure.get().kind().equals("LOCKED") ? WorkerFailure.Kind.REFUSED
                        : WorkerFailure.Kind.HOST;
                return new Looked(failed(new WorkerFailure(name, step, kind,
                        name + ": " + failure.get().step() + ": " + Secrets.scrub(failure.get().message()))), null);
            }
            Result key = key(name, step, reply.frames());
            if (key.failure().isPresent() || read == null) {
                return new Looked(key, null);
            }
            return new Looked(key, read.stateOf(reply.frames()));
        } catch (HostException | HubException e) {
            return new Looked(failed(Fanout.failure(name, step, e)), null);
        }
    }

    /** The key in a worker-key frame, or why it is not one. */
    private static Result key(String name, String step, Frames frames) {
        String[] lines = frames.first("key").map(Frames.Frame::body).orElse("").strip().split("\n");
        if (lines.length == 1 && lines[0].strip().equals("none")) {
            return new Result(name, Optional.empty(), Optional.of(Source.NONE_YET), Optional.empty());
        }
        String key = lines[lines.length - 1].strip();
        if (lines.length < 2 || !Keys.isValid(key)) {
            return failed(new WorkerFailure(name, step, WorkerFailure.Kind.HOST, name
                    + ": the worker's public key is not a WireGuard key (32 bytes of base64)"
                    + (lines.length >= 2 ? " in " + describe(lines[0]) : "")));
        }
        return new Result(name, Optional.of(key), Optional.of(source(lines[0])), Optional.empty());
    }

    /** What a failed worker was doing, for the summary. */
    private static String stepOf(boolean generate) {
        return generate ? "making its key" : "reading";
    }

    private static Source source(String label) {
        return switch (label.strip()) {
            case "keyfile" -> Source.KEY_FILE;
            case "pubfile" -> Source.PUBLIC_KEY_FILE;
            case "config" -> Source.CONFIG;
            case "running" -> Source.RUNNING;
            default -> Source.GENERATED;
        };
    }

    private static String describe(String label) {
        return switch (label.strip()) {
            case "keyfile" -> "its private key file";
            case "pubfile" -> "its public key file";
            case "config" -> "its config";
            case "running" -> "its running interface";
            default -> "the generated pair";
        };
    }

    private static Result failed(WorkerFailure failure) {
        return new Result(failure.worker(), Optional.empty(), Optional.empty(), Optional.of(failure));
    }
}
