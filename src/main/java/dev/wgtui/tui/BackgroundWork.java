package dev.wgtui.tui;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Session calls off the screen thread, one at a time, and their results back on it. A job the
 * operator started makes the dashboard busy (a spinner, keys that need the hub wait); a quiet
 * job (the live refresh, a change of the selection) runs in the same queue without that.
 */
final class BackgroundWork {

    /** A Session call. */
    @FunctionalInterface
    interface Job<T> {
        T call() throws Exception;
    }

    private static final String[] SPINNER = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};

    private final Executor executor;
    private final ExecutorService owned;
    private final BlockingQueue<Runnable> events = new LinkedBlockingQueue<>();
    private String busy;
    private long busySince;
    private long busyToken;
    private int quiet;
    int spinnerFrame;

    BackgroundWork(Executor executor, ExecutorService owned) {
        this.executor = executor;
        this.owned = owned;
    }

    /** What the operator's job is doing, or null when none runs. */
    String busy() {
        return busy;
    }

    boolean quietRunning() {
        return quiet > 0;
    }

    long busySeconds() {
        return busy == null ? 0 : TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - busySince);
    }

    String spinner(boolean unicode) {
        String s = SPINNER[Math.floorMod(spinnerFrame, SPINNER.length)];
        return unicode ? s : Ascii.of(s);
    }

    /**
     * Starts the operator's job; {@code done} or {@code failed} runs on the screen thread when it
     * ends, then {@code after}. False (nothing started) when another such job runs.
     */
    <T> boolean start(String label, Job<T> job, Consumer<T> done, Consumer<Throwable> failed, Runnable after) {
        if (busy != null) {
            return false;
        }
        busy = label;
        busySince = System.nanoTime();
        spinnerFrame = 0;
        long token = ++busyToken;
        Runnable end = () -> {
            if (busyToken == token) {
                busy = null;
            }
        };
        submit(job, r -> {
            end.run();
            try {
                done.accept(r);
            } finally {
                after.run();
            }
        }, t -> {
            end.run();
            try {
                failed.accept(t);
            } finally {
                after.run();
            }
        }, () -> {
            busy = null;
            failed.accept(new IllegalStateException("cannot start " + label + ": the dashboard is closing"));
        });
        return true;
    }

    /** A job that does not make the dashboard busy; it queues behind any other. */
    <T> void quiet(Job<T> job, Consumer<T> done, Consumer<Throwable> failed) {
        quiet++;
        submit(job, r -> {
            quiet--;
            done.accept(r);
        }, t -> {
            quiet--;
            failed.accept(t);
        }, () -> quiet--);
    }

    private <T> void submit(Job<T> job, Consumer<T> done, Consumer<Throwable> failed, Runnable rejected) {
        Runnable task = () -> {
            try {
                T result = job.call();
                post(() -> done.accept(result));
            } catch (Throwable t) {
                post(() -> failed.accept(t));
                if (t instanceof VirtualMachineError e) {
                    throw e;
                }
            }
        };
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            rejected.run();
        }
    }

    /** Runs {@code r} on the screen thread at its next turn; safe from any thread. */
    void post(Runnable r) {
        events.add(r);
    }

    /** Runs the results that arrived; true when there were any. */
    boolean drain(Consumer<RuntimeException> failed) {
        boolean any = false;
        Runnable r;
        while ((r = events.poll()) != null) {
            run(r, failed);
            any = true;
        }
        return any;
    }

    /** Waits up to {@code millis} for a result and runs it; true when one came. */
    boolean await(long millis, Consumer<RuntimeException> failed) throws InterruptedException {
        Runnable r = events.poll(millis, TimeUnit.MILLISECONDS);
        if (r == null) {
            return false;
        }
        run(r, failed);
        drain(failed);
        return true;
    }

    private static void run(Runnable r, Consumer<RuntimeException> failed) {
        try {
            r.run();
        } catch (RuntimeException e) {
            failed.accept(e);
        }
    }

    void shutdown() {
        if (owned != null) {
            owned.shutdownNow();
        }
    }
}
