package dev.wgtui.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.command.CommandFactory;

/**
 * Runs each exec request as {@code /bin/sh -c <command>} in a local process, as sshd does on a
 * real host: stdin, stdout, stderr and the exit code pass through unchanged.
 */
public final class ShellCommandFactory implements CommandFactory {

    private final UnaryOperator<String> rewrite;
    private final Consumer<ProcessBuilder> setUp;

    public ShellCommandFactory() {
        this(UnaryOperator.identity(), pb -> { });
    }

    /**
     * @param rewrite what the command becomes before it runs (paths pointed elsewhere)
     * @param setUp   the process's directory and environment
     */
    public ShellCommandFactory(UnaryOperator<String> rewrite, Consumer<ProcessBuilder> setUp) {
        this.rewrite = rewrite;
        this.setUp = setUp;
    }

    @Override
    public Command createCommand(ChannelSession channel, String command) {
        return new ShellCommand(rewrite.apply(command), setUp);
    }

    private static final class ShellCommand implements Command {
        private final String command;
        private final Consumer<ProcessBuilder> setUp;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;
        private volatile Process process;

        ShellCommand(String command, Consumer<ProcessBuilder> setUp) {
            this.command = command;
            this.setUp = setUp;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment env) throws IOException {
            ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command);
            setUp.accept(pb);
            Process p = pb.start();
            process = p;
            pump(in, p.getOutputStream(), true, "stdin");
            Thread stdout = pump(p.getInputStream(), out, false, "stdout");
            Thread stderr = pump(p.getErrorStream(), err, false, "stderr");
            Thread waiter = new Thread(() -> {
                try {
                    int code = p.waitFor();
                    stdout.join();
                    stderr.join();
                    exit.onExit(code);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "test-sshd-wait");
            waiter.setDaemon(true);
            waiter.start();
        }

        @Override
        public void destroy(ChannelSession channel) {
            Process p = process;
            if (p != null) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }

        private static Thread pump(InputStream from, OutputStream to, boolean closeTarget, String name) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[32 * 1024];
                try {
                    int n;
                    while ((n = from.read(buf)) >= 0) {
                        to.write(buf, 0, n);
                        to.flush();
                    }
                } catch (IOException ignored) {
                    // the process or the channel went away
                } finally {
                    if (closeTarget) {
                        try {
                            to.close();
                        } catch (IOException ignored) {
                            // already closed
                        }
                    }
                }
            }, "test-sshd-" + name);
            t.setDaemon(true);
            t.start();
            return t;
        }
    }
}
