package dev.wgtui.remote;

import dev.wgtui.core.host.ExecResult;
import dev.wgtui.core.host.HostException;
import dev.wgtui.core.host.HostShell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link HostShell} that runs commands on this machine with {@code /bin/sh -c}, in a working
 * directory and with an environment of the test's choosing: the real remote scripts, run against
 * a temp directory and fake {@code wg}/{@code wg-quick} tools. Records every command and output.
 */
final class LocalShell implements HostShell {

    /** One command as it ran. */
    record Run(String command, byte[] stdin, ExecResult result) {
    }

    private static final java.util.concurrent.ExecutorService IO = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "local-shell-io");
        t.setDaemon(true);
        return t;
    });

    private final String name;
    private final Path dir;
    private final Map<String, String> env;
    final List<Run> runs = new ArrayList<>();
    /** The command running now (the last one started), for tests that kill it as a client's end would. */
    volatile Process current;
    /** Extra text before every command (e.g. {@code ulimit -f 8;}), for tests of a constrained host. */
    volatile String prefix = "";

    LocalShell(String name, Path dir, Map<String, String> env) {
        this.name = name;
        this.dir = dir;
        this.env = env;
    }

    @Override
    public String hostName() {
        return name;
    }

    @Override
    public ExecResult exec(String command, byte[] stdin, Duration timeout) throws HostException {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", prefix + command).directory(dir.toFile());
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new HostException(HostException.Kind.CONNECT, name, "cannot start /bin/sh: " + e.getMessage(), e);
        }
        current = p;
        CompletableFuture<byte[]> out = drain(p.getInputStream());
        CompletableFuture<byte[]> err = drain(p.getErrorStream());
        CompletableFuture.runAsync(() -> {
            try (OutputStream in = p.getOutputStream()) {
                in.write(stdin);
            } catch (IOException e) {
                // the command exited without reading all of its input
            }
        }, IO);
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new HostException(HostException.Kind.TIMEOUT, name, "no answer within " + timeout.toSeconds() + " s");
            }
            ExecResult r = new ExecResult(p.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
            synchronized (runs) {
                runs.add(new Run(command, stdin, r));
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new HostException(HostException.Kind.TIMEOUT, name, "interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new HostException(HostException.Kind.COMMAND, name, "cannot read the output: " + e, e);
        }
    }

    private static CompletableFuture<byte[]> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (in) {
                in.transferTo(buf);
            } catch (IOException e) {
                // closed under us: keep what came
            }
            return buf.toByteArray();
        }, IO);
    }

    /**
     * Kills the running command (SIGKILL) with what it started in its own session - not what
     * went into a session of its own (setsid): what a client that is killed, cut off or out of
     * time leaves on an SSH server.
     */
    void killCommand() {
        Process p = current;
        if (p != null) {
            long session = sessionOf(p.pid());
            p.descendants().filter(d -> sessionOf(d.pid()) == session).forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    /** The session id of a process (field 6 of /proc/PID/stat); -1 when it is gone. */
    private static long sessionOf(long pid) {
        try {
            String stat = java.nio.file.Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[3]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Everything the host printed (stdout and stderr of every run), for secret checks. */
    String allOutput() {
        StringBuilder s = new StringBuilder();
        synchronized (runs) {
            for (Run r : runs) {
                s.append(r.result().out()).append(r.result().err());
            }
        }
        return s.toString();
    }

    @Override
    public void close() {
    }
}
