package dev.wgtui.cli;

import dev.wgtui.core.cluster.Cluster;
import dev.wgtui.core.cluster.ClusterLoader;
import dev.wgtui.core.hub.Hub;
import dev.wgtui.core.inventory.Inventory;
import dev.wgtui.core.inventory.InventoryException;
import dev.wgtui.core.session.Progress;
import dev.wgtui.core.session.Session;
import dev.wgtui.core.session.WorkerKeys;
import dev.wgtui.core.session.WorkerSetup;
import dev.wgtui.local.LocalHub;
import dev.wgtui.ssh.HostKeyPrompt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.List;
import java.util.stream.Stream;

/**
 * Opens the one {@link Session} a wgtui process works with, from the global options: the demo
 * sample, a local file, or the hub over SSH. Front-ends share it.
 */
public final class AppContext implements AutoCloseable {

    /** A hub and the source of workers' keys that go with it. */
    public record Opened(Hub hub, WorkerKeys keys, WorkerSetup workers) {
        public Opened(Hub hub, WorkerKeys keys) {
            this(hub, keys, WorkerSetup.NONE);
        }
    }

    private final GlobalOptions options;
    private final Clock clock;
    private Session session;
    private Inventory inventory;
    private Path demoDir;
    private RemoteConnections connections;
    private volatile HostKeyPrompt hostKeyPrompt = TerminalPrompts.hostKey();
    private Consumer<String> echo = line -> System.err.println(line);
    private volatile Progress progress = Progress.NONE;
    private Opened opened;

    public AppContext(GlobalOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
    }

    /** How an unknown host key is put to the operator (the dashboard sets its own dialog). */
    public void setHostKeyPrompt(HostKeyPrompt prompt) {
        this.hostKeyPrompt = prompt;
    }

    /**
     * Who hears how far a run over many workers is ({@code 12/53 workers}): the command line's
     * terminal line, or the dashboard's status line. Called from the threads doing the work.
     */
    public void setProgress(Progress progress) {
        this.progress = progress;
    }

    /** Where workers' keys come from in this session (opened with it). */
    public WorkerKeys workerKeys() throws Exception {
        session();
        return opened.keys();
    }

    /** Where {@code --verbose} prints the {@code [#] ...} lines of remote commands. */
    public void setEcho(Consumer<String> echo) {
        this.echo = echo;
    }

    public GlobalOptions options() {
        return options;
    }

    /** The inventory, loaded on first use. */
    public Inventory inventory() throws InventoryException {
        if (inventory == null) {
            Path path = options.demo ? demoDir().resolve("inventory.yml") : options.inventory;
            inventory = Inventory.load(path);
        }
        return inventory;
    }

    /**
     * Says, on {@code err}, the outcomes of commits whose client was gone that the hub reported
     * to this session and no face has shown yet (a command that read the hub without showing
     * them): the operator hears of each once, whatever command read it.
     */
    public void tellUnshownReports(java.io.PrintWriter err) {
        if (session == null) {
            return;
        }
        for (dev.wgtui.core.hub.RunReport r : session.unshownReports()) {
            err.println("wgtui: " + HubCommand.line(r));
        }
        err.flush();
    }

    /** The session, opened on first use. */
    public Session session() throws Exception {
        if (session != null) {
            return session;
        }
        Inventory inv = inventory();
        Cluster cluster = ClusterLoader.load(inv, options.hubGroup, options.workerGroup);
        String iface = cluster.hub().interfaceName();
        if (options.demo) {
            Path dir = demoDir();
            // the demo's file with a simulated interface running it (handshakes, transfer, drift)
            opened = new Opened(new dev.wgtui.local.DemoInterface(new LocalHub(cluster.hub().name(),
                    dir.resolve(iface + ".conf"), dir.resolve(iface + ".conf.preview"), clock), clock),
                    WorkerKeys.NONE);
        } else if (options.local != null) {
            Path preview = Path.of(options.preview != null ? options.preview : "/tmp/" + iface + ".conf.preview");
            opened = new Opened(new LocalHub(cluster.hub().name(), options.local, preview, clock), WorkerKeys.NONE);
        } else {
            // Through the field, so a face that opens later (the dashboard) can ask its own way.
            connections = new RemoteConnections(cluster, options,
                    (host, type, fingerprint) -> hostKeyPrompt.accept(host, type, fingerprint), TerminalPrompts.passphrase());
            if (options.forks < 1) {
                throw new IllegalArgumentException("--forks must be at least 1, not " + options.forks);
            }
            opened = connections.openHub(options.verbose, echo, overlayPrefix(cluster), options.forks,
                    (step, done, total) -> progress.update(step, done, total));
        }
        Session.Options sessionOptions = new Session.Options(options.turnOffSaveConfig,
                overlayPrefix(cluster),
                "/etc/wireguard/privatekey");
        session = new Session(cluster, opened.hub(), this::limit, opened.keys(), sessionOptions, clock);
        session.setWorkerSetup(opened.workers());
        return session;
    }

    /** The overlay's prefix length from the hub's {@code wireguard_network} (e.g. 10.0.0.0/24), default 24. */
    private static String overlayPrefix(Cluster cluster) {
        String network = String.valueOf(cluster.hub().vars().getOrDefault("wireguard_network", "/24"));
        String prefix = network.substring(network.indexOf('/') + 1);
        if (!prefix.matches("\\d{1,3}")) {
            throw new IllegalArgumentException(cluster.inventorySource() + ": host " + cluster.hub().name()
                    + ": wireguard_network '" + network + "' has no prefix length");
        }
        return prefix;
    }

    private List<String> limit(String pattern) {
        try {
            return inventory().limit(pattern);
        } catch (InventoryException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The demo's files: the bundled sample copied into a fresh temporary directory. */
    public Path demoDir() {
        if (demoDir == null) {
            try {
                demoDir = Files.createTempDirectory("wgtui-demo-");
                // Also gone when the terminal closes under the dashboard (SIGHUP skips close()).
                Path dir = demoDir;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "wgtui-demo-cleanup"));
                for (String name : List.of("inventory.yml", "wg0.conf")) {
                    try (InputStream in = AppContext.class.getResourceAsStream("/demo/" + name)) {
                        if (in == null) {
                            throw new IllegalStateException("demo resource missing: " + name);
                        }
                        Files.copy(in, demoDir.resolve(name));
                    }
                }
                Files.setPosixFilePermissions(demoDir.resolve("wg0.conf"),
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return demoDir;
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
        }
        if (connections != null) {
            connections.close();
        }
        if (demoDir != null) {
            deleteTree(demoDir);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
