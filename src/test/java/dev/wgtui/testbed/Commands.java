package dev.wgtui.testbed;

import dev.wgtui.core.host.ExecResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a local command with a hard timeout. Output goes to files, not pipes, so a daemon
 * that the command leaves behind (sshd, wireguard-go) can never make the caller wait.
 */
final class Commands {

    private Commands() {
    }

    static ExecResult run(List<String> argv, Map<String, String> env, byte[] stdin, Duration timeout) {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("wgt-cmd-");
            Path in = Files.write(tmp.resolve("in"), stdin);
            Path out = tmp.resolve("out");
            Path err = tmp.resolve("err");
            ProcessBuilder pb = new ProcessBuilder(argv)
                    .redirectInput(in.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            pb.environment().putAll(env);
            Process process = pb.start();
            boolean finished;
            try {
                finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                finished = false;
            }
            if (!finished) {
                killTree(process);
                throw new TestbedException("timed out after " + timeout.toSeconds() + " s: " + String.join(" ", argv)
                        + "\n--- stdout\n" + Files.readString(out, StandardCharsets.UTF_8)
                        + "\n--- stderr\n" + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new ExecResult(process.exitValue(), Files.readAllBytes(out), Files.readAllBytes(err));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", argv), e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    static ExecResult run(List<String> argv, Duration timeout) {
        return run(argv, Map.of(), new byte[0], timeout);
    }

    /** Kills the process and everything it started that is still its descendant. */
    static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temp dir left behind is not worth failing a test for
        }
    }
}
