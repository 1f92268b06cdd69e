package dev.wgtui.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH {@code ssh-agent} for a test: started in the foreground ({@code ssh-agent -D -a
 * SOCKET}) so that the process started here is the agent, keys added with the real
 * {@code ssh-add}, stopped by its PID in {@link #close()}.
 */
final class TestAgent implements AutoCloseable {

    private final Path socket;
    private final Process process;

    private TestAgent(Path socket, Process process) {
        this.socket = socket;
        this.process = process;
    }

    /** Starts an agent whose socket is {@code dir/agent.sock}; the directory must be short enough for a socket path. */
    static TestAgent start(Path dir) {
        Path socket = dir.resolve("agent.sock");
        try {
            Process p = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            TestAgent agent = new TestAgent(socket, p);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!Files.exists(socket)) {
                if (!p.isAlive() || System.nanoTime() > until) {
                    agent.close();
                    throw new IllegalStateException("ssh-agent did not make " + socket);
                }
                Thread.sleep(10);
            }
            return agent;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Path socket() {
        return socket;
    }

    long pid() {
        return process.pid();
    }

    /** Adds private key files (without passphrase) to the agent, in order; {@code ssh-add} must succeed. */
    TestAgent add(Path... keys) {
        for (Path key : keys) {
            sshAdd(List.of(key.toString()));
        }
        return this;
    }

    /** Adds a key that the agent signs with only after a confirmation ({@code ssh-add -c}). */
    TestAgent addWithConfirmation(Path key) {
        sshAdd(List.of("-c", key.toString()));
        return this;
    }

    /** {@code ssh-add -L}: the agent's keys as public key lines, in the agent's order. */
    List<String> publicKeys() {
        ProcessResult r = run(List.of("ssh-add", "-L"));
        if (r.exit == 1 && r.out.contains("no identities")) {
            return List.of();
        }
        if (r.exit != 0) {
            throw new IllegalStateException("ssh-add -L failed: " + r.out);
        }
        return r.out.lines().toList();
    }

    /** Kills the agent with SIGKILL, so that its socket file stays behind with nobody listening. */
    void killLeavingItsSocket() {
        process.destroyForcibly();
        waitForExit();
    }

    /** Stops the agent (SIGTERM to its PID, SIGKILL if it lingers); it removes its socket. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        waitForExit();
    }

    /**
     * A copy of {@code key} in {@code dir} without its passphrase ({@code ssh-keygen -p}), mode
     * 0600 as ssh-add wants: how a test puts an encrypted key's private half into the agent.
     */
    static Path decryptedCopy(Path key, String passphrase, Path dir) {
        Path copy = dir.resolve(key.getFileName() + ".decrypted");
        try {
            Files.copy(key, copy);
            Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestKeys.run(List.of("ssh-keygen", "-q", "-p", "-P", passphrase, "-N", "", "-f", copy.toString()));
        return copy;
    }

    private void sshAdd(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of("ssh-add", "-q"));
        cmd.addAll(args);
        ProcessResult r = run(cmd);
        if (r.exit != 0) {
            throw new IllegalStateException(cmd + " failed: " + r.out);
        }
    }

    private ProcessResult run(List<String> cmd) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            Map<String, String> env = pb.environment();
            env.put("SSH_AUTH_SOCK", socket.toString());
            env.remove("SSH_ASKPASS");
            env.remove("DISPLAY");
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(cmd + " did not finish");
            }
            return new ProcessResult(p.exitValue(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void waitForExit() {
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record ProcessResult(int exit, String out) {}
}
