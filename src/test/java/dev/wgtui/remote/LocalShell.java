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
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command).directory(dir.toFile());
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new HostException(HostException.Kind.CONNECT, name, "cannot start /bin/sh: " + e.getMessage(), e);
        }
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
