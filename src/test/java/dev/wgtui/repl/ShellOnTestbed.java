package dev.wgtui.repl;

import dev.wgtui.cli.WgtuiCommand;
import dev.wgtui.testbed.Testbed;
import dev.wgtui.testbed.TestbedExtension;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A shell ({@code wgtui -v -i ... shell}) open on the testbed, with its connections kept: lines run
 * through its {@link CommandRunner} as typed, every remote step ({@code [#] ...}) collected. The
 * inventory gives no worker keys, so the session reads them from the workers over SSH. Used by
 * {@code ShellTestbedTest} and by the benchmark {@code ShellApplyBenchmark}.
 */
public final class ShellOnTestbed implements AutoCloseable {

    /**
     * One line's run: how long it took, its SSH round trips (each with the milliseconds since the
     * line started when it began), when the last step's echo came back (the end of the last round
     * trip), its output and exit code.
     */
    public record Run(long nanos, List<String> roundTrips, double lastStepMillis, String output, int exitCode) {
        public double millis() {
            return nanos / 1e6;
        }
    }

    private final Testbed bed;
    private final WgtuiCommand root;
    private final CommandRunner runner;
    private final List<String> steps = Collections.synchronizedList(new ArrayList<>());
    private volatile long lineStart;
    private volatile long lastStep;
    private int outsideEdits;

    private ShellOnTestbed(Testbed bed, Path inventory) {
        this.bed = bed;
        this.root = new WgtuiCommand(Clock.systemUTC(), q -> false);
        WgtuiCommand.commandLine(root).parseArgs("-v", "-i", inventory.toString(), "--known-hosts",
                bed.knownHosts().toString());
        root.context().setEcho(line -> {
            lastStep = System.nanoTime();
            steps.add(line.startsWith("[#] ") ? String.format("%6.1f ms  %s", (lastStep - lineStart) / 1e6, line) : line);
        });
        this.runner = new CommandRunner(root, q -> true);
    }

    /** Opens the shell's session on {@code bed} with an inventory written into {@code dir}. */
    public static ShellOnTestbed open(Testbed bed, Path dir) throws Exception {
        StringBuilder yml = new StringBuilder("all:\n  vars:\n    ansible_user: root\n    ansible_become: false\n"
                + "    ansible_ssh_private_key_file: " + bed.operatorKey() + "\n  children:\n"
                + "    control_plane:\n      hosts:\n").append(host(bed, TestbedExtension.HUB))
                .append("    workers:\n      hosts:\n");
        for (String w : TestbedExtension.WORKERS) {
            yml.append(host(bed, w));
        }
        Path inventory = dir.resolve("inventory.yml");
        Files.writeString(inventory, yml.toString());
        ShellOnTestbed shell = new ShellOnTestbed(bed, inventory);
        shell.runner.session();
        return shell;
    }

    private static String host(Testbed bed, String name) {
        var h = bed.host(name);
        return "        " + name + ":\n          ansible_host: " + h.underlayIp() + "\n          wireguard_ip: " + h.wgIp() + "\n";
    }

    /** Runs one line as typed at the prompt (every write confirmed); times it and counts its round trips. */
    public Run run(String line) {
        steps.clear();
        StringWriter text = new StringWriter();
        PrintWriter w = new PrintWriter(text, true);
        long start = System.nanoTime();
        lineStart = start;
        CommandRunner.Outcome outcome = runner.execute(line, w, w);
        long nanos = System.nanoTime() - start;
        List<String> trips = new ArrayList<>();
        synchronized (steps) {
            steps.stream().filter(s -> s.contains(" ms  [#] ")).forEach(trips::add);
        }
        return new Run(nanos, trips, (lastStep - start) / 1e6, text.toString(), outcome.exitCode());
    }

    /** Someone else changes the hub's file: a comment line appended, as a hand edit would. */
    public String changeHubFileOutside() {
        String comment = "# edited outside wgtui " + (++outsideEdits);
        bed.execOk(TestbedExtension.HUB, "printf '%s\\n' '" + comment + "' >> /etc/wireguard/wg0.conf");
        return comment;
    }

    /** A new key pair on {@code worker}'s disk, as a key rotation leaves it; returns the public key. */
    public String rotateKey(String worker) {
        bed.execOk(worker, "umask 077; wg genkey > /etc/wireguard/privatekey && "
                + "wg pubkey < /etc/wireguard/privatekey > /etc/wireguard/publickey");
        return bed.execOk(worker, "cat /etc/wireguard/publickey").strip();
    }

    /** The hub's file as it is now. */
    public String hubFile() {
        return bed.execOk(TestbedExtension.HUB, "cat /etc/wireguard/wg0.conf");
    }

    /** The public keys of the hub's running interface. */
    public List<String> runningPeers() {
        return bed.execOk(TestbedExtension.HUB, "wg show wg0 peers").lines().filter(l -> !l.isBlank()).toList();
    }

    @Override
    public void close() {
        root.context().close();
    }
}
