package dev.wgtui.remote;

import dev.wgtui.core.cluster.Node;
import dev.wgtui.core.config.Keys;
import dev.wgtui.core.host.HostException;
import dev.wgtui.core.host.HostShell;
import dev.wgtui.core.session.WorkerKeys;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Workers' public keys over SSH, one round trip per worker, a bounded number of workers at a
 * time (like Ansible's forks): the key is derived on the worker from its private key file, or
 * read from its public key file, its config's PrivateKey or its running interface; a worker
 * with none gets a key pair generated there. Private keys never leave the worker.
 */
public final class RemoteWorkerKeys implements WorkerKeys {

    /** Where a worker's key came from. */
    public enum Source { KEY_FILE, PUBLIC_KEY_FILE, CONFIG, RUNNING, GENERATED, NONE_YET }

    /** One worker's answer: its key and where it came from, or why there is none. */
    public record Result(String worker, Optional<String> publicKey, Optional<Source> source, Optional<String> error) {
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

    public static final int DEFAULT_FORKS = 5;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final Function<Node, HostShell> connect;
    private final int forks;
    private final Duration timeout;
    private final Function<Node, RemoteHub.Layout> layout;
    private final Consumer<String> echo;
    private final AtomicLong roundTrips = new AtomicLong();

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
        if (forks < 1) {
            throw new IllegalArgumentException("forks must be at least 1");
        }
        this.connect = connect;
        this.forks = forks;
        this.timeout = timeout;
        this.layout = layout;
        this.echo = echo;
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
        return collect(lookUp(workers, true));
    }

    /** Keys the workers already have; a worker without a key pair is left out, nothing is made. */
    @Override
    public Map<String, String> existingKeys(Collection<Node> workers) throws WorkerKeysException {
        return collect(lookUp(workers, false));
    }

    @Override
    public boolean canGenerate() {
        return true;
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
        if (list.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(forks, list.size()), r -> {
            Thread t = new Thread(r, "wgtui-worker-keys");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (Node n : list) {
                futures.add(pool.submit(() -> one(n, generate)));
            }
            List<Result> out = new ArrayList<>();
            // each worker's own exec is bounded by the timeout; this bounds the queue as well
            long deadline = System.nanoTime() + timeout.toNanos() * ((list.size() + forks - 1) / forks) + 5_000_000_000L;
            for (int i = 0; i < list.size(); i++) {
                String name = list.get(i).name();
                try {
                    out.add(futures.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                } catch (TimeoutException e) {
                    futures.get(i).cancel(true);
                    out.add(failed(name, name + ": no answer within " + timeout.toSeconds() + " s"));
                } catch (ExecutionException e) {
                    out.add(failed(name, name + ": " + e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    out.add(failed(name, name + ": interrupted"));
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private Result one(Node worker, boolean generate) {
        String name = worker.name();
        HostShell shell;
        try {
            shell = connect.apply(worker);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() instanceof HostException ? e.getCause() : e;
            return failed(name, cause instanceof HostException ? cause.getMessage()
                    : name + ": cannot connect: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        RemoteHub.Layout where = layout.apply(worker);
        String iface = worker.interfaceName();
        RemoteScript script = RemoteScript.of("worker-key.sh")
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
            RemoteRunner.Reply reply = runner.run("public key of " + iface + (generate ? " (generated there if missing)" : ""), script,
                    new byte[0], timeout);
            Optional<ScriptFailure> failure = reply.frames().failure();
            if (failure.isPresent()) {
                return failed(name, name + ": " + failure.get().step() + ": " + Secrets.scrub(failure.get().message()));
            }
            String[] lines = reply.frames().first("key").map(Frames.Frame::body).orElse("").strip().split("\n");
            if (lines.length == 1 && lines[0].strip().equals("none")) {
                return new Result(name, Optional.empty(), Optional.of(Source.NONE_YET), Optional.empty());
            }
            String key = lines[lines.length - 1].strip();
            if (lines.length < 2 || !Keys.isValid(key)) {
                return failed(name, name + ": the worker's public key is not a WireGuard key (32 bytes of base64)"
                        + (lines.length >= 2 ? " in " + describe(lines[0]) : ""));
            }
            return new Result(name, Optional.of(key), Optional.of(source(lines[0])), Optional.empty());
        } catch (HostException e) {
            return failed(name, Secrets.scrub(e.getMessage()));
        }
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

    private static Result failed(String worker, String message) {
        return new Result(worker, Optional.empty(), Optional.empty(), Optional.of(message));
    }
}
