package dev.wgtui.remote;

import dev.wgtui.core.cluster.Node;
import dev.wgtui.core.hub.Hub;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;


/**
 * A hub host on this machine for the real remote scripts: {@code etc/} stands for
 * /etc/wireguard, {@code tmp/} for /tmp, and fake {@code wg}, {@code wg-quick}, {@code ip} and
 * {@code sudo} in {@code bin/} keep their state in {@code state/} and log every call.
 */
final class FakeHubHost {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    /** The hub and a worker as the inventory gives them, for worker deploys against this host. */
    static final Node HUB_NODE = new Node("k8s", "10.0.0.20", List.of("10.0.0.20/32"), Optional.empty(), null, null,
            51820, "wg0", false, Map.of("ansible_host", "192.168.56.20"));
    static final Node CM4_NODE = new Node("cm4", "10.0.0.3", List.of("10.0.0.3/32"), Optional.empty(), null, null,
            51820, "wg0", false, Map.of());
    private static final SecureRandom RANDOM = new SecureRandom();

    final Path root;
    final Path etc;
    final Path tmp;
    final Path state;
    final Path bin;
    final LocalShell shell;
    final List<String> echo = Collections.synchronizedList(new ArrayList<>());

    FakeHubHost(Path root) {
        this(root, true);
    }

    FakeHubHost(Path root, boolean withWg) {
        this(root, withWg, Map.of());
    }

    /** A hub host whose environment (what an SSH session there gets) also has {@code env}. */
    FakeHubHost(Path root, boolean withWg, Map<String, String> env) {
        this.root = root;
        this.etc = root.resolve("etc");
        this.tmp = root.resolve("tmp");
        this.state = root.resolve("state");
        this.bin = root.resolve("bin");
        try {
            Files.createDirectories(tmp);
            Files.createDirectories(state);
            Files.createDirectories(bin);
            for (String tool : List.of("wg", "wg-quick", "ip", "sudo", "sync")) {
                if (!withWg && tool.startsWith("wg")) {
                    continue;
                }
                try (InputStream in = FakeHubHost.class.getResourceAsStream("stubs/" + tool)) {
                    Files.write(bin.resolve(tool), in.readAllBytes());
                }
                Files.setPosixFilePermissions(bin.resolve(tool), PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String path = withWg ? bin + ":/usr/sbin:/usr/bin" : bin + ":" + toolsWithoutWg();
        Map<String, String> all = new java.util.HashMap<>(env);
        all.putAll(Map.of("PATH", path, "FAKE_WG_STATE", state.toString(), "TMPDIR", tmp.toString(), "LC_ALL", "C"));
        shell = new LocalShell("k8s", root, all);
    }

    /** A directory of copies of the tools the scripts use, without wg and wg-quick. */
    private String toolsWithoutWg() {
        Path tools = root.resolve("tools");
        try {
            Files.createDirectories(tools);
            for (String n : List.of("sh", "dash", "cat", "awk", "mktemp", "rm", "mv", "chmod", "sha256sum",
                    "cut", "tail", "head", "tr", "sed", "grep", "timeout", "flock", "find", "mkdir", "sort", "setsid", "date",
                    "readlink", "sleep")) {
                Path p = Path.of("/usr/bin", n).toRealPath();
                Files.copy(p, tools.resolve(n));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tools.toString();
    }

    RemoteHub hub() {
        return hub(false, Clock.fixed(T0, ZoneOffset.UTC));
    }

    RemoteHub hub(boolean become, Clock clock) {
        RemoteHub.Settings settings = RemoteHub.Settings.defaults().withBecome(become).withClock(clock)
                .withEcho(echo::add).withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(20));
        return new RemoteHub("k8s", "wg0", shell, RemoteHub.Layout.under(etc.toString(), tmp.toString(), "wg0"),
                settings);
    }

    /** A random WireGuard key (32 bytes, base64): private or public alike for the fakes. */
    static String key() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    /** {@code wg pubkey} of a private key, from the real wg. */
    static String publicKeyOf(String privateKey) throws Exception {
        Process p = new ProcessBuilder("wg", "pubkey").start();
        p.getOutputStream().write((privateKey + "\n").getBytes());
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    /** The interface is up with private key {@code privateKey} and the peers of {@code conf}. */
    void up(String privateKey, String conf) {
        write(state.resolve("private"), privateKey + "\n");
        write(state.resolve("up"), "");
        Path c = state.resolve("boot.conf");
        write(c, conf + "\n[Interface]\nPrivateKey = " + privateKey + "\n");
        run("wg syncconf wg0 " + c);
    }

    /** The hub's key file (etc/privatekey), as the hub's config loads it in PostUp. */
    void keyFile(String privateKey) {
        try {
            Files.createDirectories(etc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write(etc.resolve("privatekey"), privateKey + "\n");
    }

    /** Everything the host printed so far, for checks that no secret left it. */
    String allOutput() {
        return shell.allOutput();
    }

    String runningPrivateKey() {
        return read(state.resolve("private")).strip();
    }

    void failNext(String subcommand, String message) {
        write(state.resolve("fail-" + subcommand), message + "\n");
    }

    void slow(String subcommand, int seconds) {
        write(state.resolve("slow-" + subcommand), Integer.toString(seconds));
    }

    String calls() {
        Path p = state.resolve("calls");
        return Files.exists(p) ? read(p) : "";
    }

    Path conf() {
        return etc.resolve("wg0.conf");
    }

    void writeConf(String text) {
        try {
            Files.createDirectories(etc);
            Files.setPosixFilePermissions(etc, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write(conf(), text);
    }

    /** A hub config whose [Interface] loads its key from etc/privatekey, with peers name=key pairs. */
    String config(String... namesAndKeys) {
        StringBuilder s = new StringBuilder("[Interface]\nAddress = 10.0.0.20/24\nListenPort = 51820\n"
                + "PostUp = wg set %i private-key " + etc.resolve("privatekey") + "\n");
        for (int i = 0; i < namesAndKeys.length; i += 2) {
            s.append("\n[Peer]\n# ").append(namesAndKeys[i]).append("\nPublicKey = ").append(namesAndKeys[i + 1])
                    .append("\nAllowedIPs = 10.0.0.").append(3 + i / 2).append("/32\n");
        }
        return s.toString();
    }

    List<String> etcFiles() {
        try (Stream<Path> s = Files.list(etc)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<PosixFilePermission> mode(Path p) {
        try {
            return Files.getPosixFilePermissions(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run(String command) {
        try {
            var r = shell.exec(command, Duration.ofSeconds(20));
            if (!r.ok()) {
                throw new IllegalStateException(command + ": " + r.err());
            }
        } catch (dev.wgtui.core.host.HostException e) {
            throw new IllegalStateException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path p, String text) {
        try {
            Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String configPathOf(Hub hub) {
        return hub.configPath();
    }
}
