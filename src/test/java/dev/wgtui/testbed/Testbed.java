package dev.wgtui.testbed;

import dev.wgtui.core.host.ExecResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Real hosts for tests: one network namespace per host with its own OpenSSH sshd, its own
 * {@code /etc/wireguard} and {@code /run/wireguard}, made and destroyed by
 * {@code src/test/testbed/testbed.sh} (its header explains the namespaces). Needs root.
 *
 * <p>{@link #close()} tears everything down; so does a JVM shutdown hook, and a later
 * {@code up} collects a testbed whose JVM was killed outright.
 */
public final class Testbed implements AutoCloseable {

    public static final Duration UP_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DOWN_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration EXEC_TIMEOUT = Duration.ofSeconds(30);

    /** Commands the testbed and its self test run; {@link #missingPrerequisites} checks them. */
    private static final List<String> TOOLS = List.of("ip", "unshare", "nsenter", "flock", "timeout",
            "ssh", "ssh-keygen", "sshd", "wg", "wg-quick", "wireguard-go", "sudo", "visudo", "useradd", "ping");

    private final Path script;
    private final Path dir;
    private final String id;
    private final Map<String, TestHost> hosts;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Testbed(Path script, Path dir, String id, Map<String, TestHost> hosts, Thread shutdownHook) {
        this.script = script;
        this.dir = dir;
        this.id = id;
        this.hosts = hosts;
        this.shutdownHook = shutdownHook;
    }

    /**
     * Brings up {@code hosts} (their underlay addresses are chosen here) with state in
     * {@code dir}, which must not hold a running testbed.
     */
    public static Testbed start(Path dir, List<TestHost> hosts) {
        Path script = script();
        Path absDir = dir.toAbsolutePath().normalize();
        List<String> argv = new ArrayList<>(List.of("bash", script.toString(), "up", absDir.toString()));
        for (TestHost h : hosts) {
            argv.add(h.name() + "=" + h.wgIp());
        }
        // Registered before up, so that even a JVM stopped during up tears down what exists.
        Thread hook = new Thread(() -> down(script, absDir), "testbed-down " + absDir);
        Runtime.getRuntime().addShutdownHook(hook);
        ExecResult up;
        try {
            up = Commands.run(argv, Map.of("WGT_OWNER_PID", Long.toString(ProcessHandle.current().pid())),
                    new byte[0], UP_TIMEOUT);
        } catch (RuntimeException e) {
            down(script, absDir);
            removeHook(hook);
            throw e;
        }
        if (!up.ok()) {
            down(script, absDir);
            removeHook(hook);
            throw new TestbedException("testbed up failed (exit " + up.exitCode() + ") in " + absDir + ":\n" + up.err());
        }
        try {
            return new Testbed(script, absDir, readId(absDir.resolve("state")),
                    readHosts(absDir.resolve("hosts.txt")), hook);
        } catch (RuntimeException e) {
            down(script, absDir);
            removeHook(hook);
            throw e;
        }
    }

    /**
     * Where this JVM's testbeds keep their state: a directory of its own under {@code /run}, which
     * every host sees as it is. Not in the checkout: a clone under {@code /tmp} (or {@code /root})
     * would put it where each host mounts a private tmpfs, out of its sshd's sight.
     */
    private static final Path STATE_ROOT = Path.of("/run/wgtui-testbed/dirs");
    private static Path runDir;

    /**
     * A fresh directory for a testbed, named after {@code label}, in this JVM's directory under
     * {@code /run/wgtui-testbed/dirs/}; that is removed when the JVM exits, but for the directory of
     * a testbed still up (a later {@code up} collects it, see {@code testbed.sh gc}).
     */
    public static Path newDir(String label) {
        try {
            // again: a gc may have removed it with the last testbed of a gone owner
            Path base = Files.createDirectories(runDir());
            return Files.createTempDirectory(base, label.replaceAll("[^A-Za-z0-9_.-]", "_") + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized Path runDir() throws IOException {
        if (runDir == null) {
            Files.createDirectories(STATE_ROOT);
            Path dir = Files.createTempDirectory(STATE_ROOT, "jvm-" + ProcessHandle.current().pid() + "-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> removeDownTestbeds(dir), "testbed-dirs " + dir));
            runDir = dir;
        }
        return runDir;
    }

    /** Removes {@code dir} but for testbed directories whose testbed is still up (they hold {@code state}). */
    private static void removeDownTestbeds(Path dir) {
        try (Stream<Path> beds = Files.list(dir)) {
            for (Path bed : beds.toList()) {
                if (!Files.exists(bed.resolve("state"))) {
                    try (Stream<Path> files = Files.walk(bed)) {
                        for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                            Files.deleteIfExists(f);
                        }
                    }
                }
            }
            Files.deleteIfExists(dir);
        } catch (IOException | UncheckedIOException e) {
            // left for /run to forget at the next boot
        }
    }

    /** Why a testbed cannot run here (not root, a tool missing); empty when it can. */
    public static List<String> missingPrerequisites() {
        List<String> missing = new ArrayList<>();
        if (!isRoot()) {
            missing.add("not running as root");
        }
        for (String tool : TOOLS) {
            if (!onPath(tool)) {
                missing.add(tool + " not found");
            }
        }
        if (!Files.exists(Path.of("/dev/net/tun"))) {
            missing.add("/dev/net/tun missing");
        }
        return missing;
    }

    public Path dir() {
        return dir;
    }

    /** The random id in the names of this testbed's namespaces ({@code wgt-ID-HOST}). */
    public String id() {
        return id;
    }

    /** The network namespace of {@code host}, for {@code ip netns exec} when debugging. */
    public String namespace(String host) {
        return "wgt-" + id + "-" + host(host).name();
    }

    public List<TestHost> hosts() {
        return List.copyOf(hosts.values());
    }

    public TestHost host(String name) {
        TestHost h = hosts.get(name);
        if (h == null) {
            throw new IllegalArgumentException("no host " + name + " in testbed; hosts: " + hosts.keySet());
        }
        return h;
    }

    /** The operator's private key (ed25519, no passphrase); root and wgtuser on every host accept it. */
    public Path operatorKey() {
        return dir.resolve("operator/id_ed25519");
    }

    /** known_hosts with every host's key under its name and under its underlay address. */
    public Path knownHosts() {
        return dir.resolve("operator/known_hosts");
    }

    /** Runs {@code command} with {@code sh -c} as root inside {@code host}, seeing what an SSH session sees. */
    public ExecResult exec(String host, String command) {
        return exec(host, command, new byte[0], EXEC_TIMEOUT);
    }

    public ExecResult exec(String host, String command, byte[] stdin, Duration timeout) {
        host(host);
        return Commands.run(List.of("bash", script.toString(), "exec", dir.toString(), host, "/bin/sh", "-c", command),
                Map.of(), stdin, timeout);
    }

    /** Like {@link #exec(String, String)} but fails the test unless the command exits 0; returns stdout. */
    public String execOk(String host, String command) {
        ExecResult r = exec(host, command);
        if (!r.ok()) {
            throw new TestbedException(host + ": `" + command + "` exited " + r.exitCode() + ":\n" + r.err());
        }
        return r.out();
    }

    /**
     * Runs {@code command} on {@code host} as {@code user} through the OpenSSH client with the
     * operator key and strict host-key checking, as an independent check of what wgtui did.
     */
    public ExecResult ssh(String user, String host, String command) {
        return Commands.run(sshCommand(user, host, command), Map.of(), new byte[0], EXEC_TIMEOUT);
    }

    /** The OpenSSH client command line {@link #ssh} runs. */
    public List<String> sshCommand(String user, String host, String command) {
        return List.of("ssh", "-F", "/dev/null",
                "-i", operatorKey().toString(), "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none",
                "-o", "UserKnownHostsFile=" + knownHosts(), "-o", "GlobalKnownHostsFile=/dev/null",
                "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes",
                "-o", "ConnectTimeout=5", "-o", "ServerAliveInterval=5", "-o", "LogLevel=ERROR",
                user + "@" + host(host).underlayIp(), command);
    }

    /**
     * {@code ping -c 1 -W 1 address} from {@code host} until it answers or {@code within} is over
     * (the first handshake through wireguard-go can take a second or two); the last try's result.
     */
    public ExecResult ping(String host, String address, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        ExecResult ping = exec(host, "ping -c 1 -W 1 " + address);
        while (!ping.ok() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            ping = exec(host, "ping -c 1 -W 1 " + address);
        }
        return ping;
    }

    /** Every host back to none of WireGuard: wg0 down and gone, {@code /etc/wireguard} empty, no preview. */
    public void resetWireGuard() {
        for (TestHost h : hosts.values()) {
            exec(h.name(), "wg-quick down wg0 >/dev/null 2>&1; ip link del wg0 2>/dev/null; "
                    + "rm -rf /etc/wireguard/* /etc/wireguard/.[!.]* /tmp/wg0.conf.preview");
        }
    }

    /** Makes {@code /etc/wireguard/privatekey} and {@code publickey} on {@code host}; returns the public key. */
    public String wgSetup(String host) {
        host(host);
        ExecResult r = Commands.run(List.of("bash", script.toString(), "wg-setup", dir.toString(), host), EXEC_TIMEOUT);
        if (!r.ok()) {
            throw new TestbedException("wg-setup " + host + " failed:\n" + r.err());
        }
        return r.out().strip();
    }

    /** Tears the testbed down (processes by PID, namespaces, veths, /etc/netns dirs); safe to call twice. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        removeHook(shutdownHook);
        ExecResult r = down(script, dir);
        if (r == null || !r.ok()) {
            throw new TestbedException("testbed down failed in " + dir + (r == null ? "" : ":\n" + r.err()));
        }
    }

    /** Finds {@code src/test/testbed/testbed.sh} from Maven's basedir (or the working directory) upwards. */
    public static Path script() {
        String explicit = System.getProperty("wgtui.testbed.script");
        if (explicit != null) {
            return Path.of(explicit).toAbsolutePath();
        }
        return projectDir().resolve("src/test/testbed/testbed.sh");
    }

    private static Path projectDir() {
        Path start = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        for (Path d = start; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("src/test/testbed/testbed.sh"))) {
                return d;
            }
        }
        throw new TestbedException("cannot find src/test/testbed/testbed.sh in " + start + " or above");
    }

    private static ExecResult down(Path script, Path dir) {
        try {
            return Commands.run(List.of("bash", script.toString(), "down", dir.toString()), DOWN_TIMEOUT);
        } catch (RuntimeException e) {
            System.err.println("testbed down failed in " + dir + ": " + e.getMessage());
            return null;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it does the same down
        }
    }

    private static String readId(Path state) {
        for (String line : readLines(state)) {
            if (line.startsWith("TB_ID=")) {
                return line.substring("TB_ID=".length());
            }
        }
        throw new TestbedException(state + ": no TB_ID");
    }

    private static Map<String, TestHost> readHosts(Path hostsTxt) {
        Map<String, TestHost> hosts = new LinkedHashMap<>();
        for (String line : readLines(hostsTxt)) {
            String[] f = line.strip().split("\\s+");
            if (f.length != 3) {
                throw new TestbedException(hostsTxt + ": bad line: " + line);
            }
            hosts.put(f[0], new TestHost(f[0], f[1], f[2]));
        }
        return Collections.unmodifiableMap(hosts);
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0"); // effective uid
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
        for (String d : path.split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
