package dev.wgtui.remote;

import dev.wgtui.core.host.HostException;
import dev.wgtui.core.hub.HubException;
import dev.wgtui.core.session.Progress;
import dev.wgtui.core.session.WorkerFailure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one task per worker, at most {@code forks} at a time (like Ansible's forks): a worker
 * starts as soon as a thread is free, so a slow one holds up only itself, and a task that
 * throws fails its own worker only. Progress is told as each worker finishes. Every task
 * bounds its own waiting (SSH connect and command timeouts), so this waits for all of them.
 */
final class Fanout {

    /** The work for one worker. */
    @FunctionalInterface
    interface Task<T, R> {
        R run(T item) throws Exception;
    }

    /** One worker's outcome: what its task returned, or what it threw. */
    record Outcome<R>(R value, Exception error) {
        boolean ok() {
            return error == null;
        }
    }

    private static final AtomicInteger POOLS = new AtomicInteger();

    private Fanout() {
    }

    /** Runs {@code task} for each of {@code items}; the outcomes come back in the order of the items. */
    static <T, R> List<Outcome<R>> run(List<T> items, int forks, String step, Progress progress, Task<T, R> task) {
        if (forks < 1) {
            throw new IllegalArgumentException("forks must be at least 1");
        }
        if (items.isEmpty()) {
            return List.of();
        }
        int total = items.size();
        progress.update(step, 0, total);
        AtomicInteger done = new AtomicInteger();
        int pool = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(Math.min(forks, total), r -> {
            Thread t = new Thread(r, "wgtui-forks-" + pool + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>(total);
            for (T item : items) {
                futures.add(executor.submit(() -> {
                    try {
                        return task.run(item);
                    } finally {
                        progress.update(step, done.incrementAndGet(), total);
                    }
                }));
            }
            List<Outcome<R>> out = new ArrayList<>(total);
            for (Future<R> f : futures) {
                out.add(outcome(f));
            }
            return out;
        } finally {
            executor.shutdownNow();
        }
    }

    private static <R> Outcome<R> outcome(Future<R> f) {
        try {
            return new Outcome<>(f.get(), null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return new Outcome<>(null, cause instanceof Exception ex ? ex : new IllegalStateException(cause));
        } catch (CancellationException e) {
            return new Outcome<>(null, new IllegalStateException("stopped"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            return new Outcome<>(null, new IllegalStateException("interrupted"));
        }
    }

    /** Why {@code worker} failed at {@code step}, from what its task threw; the message names the worker. */
    static WorkerFailure failure(String worker, String step, Throwable e) {
        Throwable t = e;
        // A connect function may wrap the HostException in an unchecked one.
        if (!(t instanceof HostException) && !(t instanceof HubException) && t.getCause() instanceof HostException) {
            t = t.getCause();
        }
        WorkerFailure.Kind kind;
        if (t instanceof HostException h) {
            kind = h.kind() == HostException.Kind.HOST_KEY ? WorkerFailure.Kind.HOST_KEY : WorkerFailure.Kind.HOST;
        } else if (t instanceof HubException h) {
            kind = switch (h.kind()) {
                case HOST_KEY -> WorkerFailure.Kind.HOST_KEY;
                case CONFLICT, LOCKED -> WorkerFailure.Kind.REFUSED;
                case HOST, FILE, RELOAD -> WorkerFailure.Kind.HOST;
            };
        } else if (t instanceof IllegalArgumentException) {
            kind = WorkerFailure.Kind.REFUSED;
        } else {
            kind = WorkerFailure.Kind.HOST;
        }
        String message = t.getMessage() == null ? t.toString() : Secrets.scrub(t.getMessage());
        return new WorkerFailure(worker, step, kind, named(worker, message));
    }

    /** {@code message}, starting with the worker's name. */
    static String named(String worker, String message) {
        return message.startsWith(worker + ":") || message.startsWith(worker + " ") ? message : worker + ": " + message;
    }
}
