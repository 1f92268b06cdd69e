package dev.wgtui.cli;

import dev.wgtui.core.cluster.Cluster;
import dev.wgtui.core.cluster.Node;
import dev.wgtui.core.host.HostException;
import dev.wgtui.core.host.HostShell;
import dev.wgtui.core.session.Progress;
import dev.wgtui.remote.RemoteHub;
import dev.wgtui.remote.RemoteWorkerKeys;
import dev.wgtui.remote.RemoteWorkerSetup;
import dev.wgtui.ssh.HostKeyPrompt;
import dev.wgtui.ssh.OpenSshConfig;
import dev.wgtui.ssh.PassphrasePrompt;
import dev.wgtui.ssh.SshHostShell;
import dev.wgtui.ssh.SshOptions;
import dev.wgtui.ssh.SshTargets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One SSH connection per host for the whole session: the hub's, and a worker's when its key
 * is needed, the same one for reading its key, planning and deploying it. Settings come from
 * the inventory and {@code ~/.ssh/config}; host keys from known_hosts (or {@code --known-hosts}).
 * Many workers connect at once; questions to the operator (an unknown host key, a passphrase)
 * are asked one at a time.
 */
final class RemoteConnections implements AutoCloseable {

    private final Cluster cluster;
    private final SshTargets targets;
    private final OpenSshConfig sshConfig;
    private final SshOptions sshOptions;
    private final Map<String, SshHostShell> open = new ConcurrentHashMap<>();
    private final Map<String, Object> connecting = new ConcurrentHashMap<>();
    private final Object asking = new Object();

    RemoteConnections(Cluster cluster, GlobalOptions options, HostKeyPrompt hostKeys, PassphrasePrompt passphrases) {
        this.cluster = cluster;
        this.targets = SshTargets.forCurrentUser();
        try {
            this.sshConfig = OpenSshConfig.loadDefault();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SshOptions o = SshOptions.defaults()
                .withHostKeyPrompt((host, type, fingerprint) -> {
                    synchronized (asking) {
                        return hostKeys.accept(host, type, fingerprint);
                    }
                })
                .withPassphrasePrompt(keyFile -> {
                    synchronized (asking) {
                        return passphrases.passphrase(keyFile);
                    }
                });
        if (options.knownHosts != null) {
            o = o.withKnownHosts(options.knownHosts);
        }
        this.sshOptions = o;
    }

    /** The open connection to {@code node}, made on first use (once, when threads ask at the same time). */
    HostShell connect(Node node) throws HostException {
        synchronized (connecting.computeIfAbsent(node.name(), name -> new Object())) {
            SshHostShell shell = open.get(node.name());
            if (shell != null && shell.isConnected()) {
                return shell;
            }
            if (shell != null) {
                shell.close();
            }
            SshHostShell fresh = SshHostShell.connect(targets.resolve(node.name(), node.vars(), sshConfig), sshOptions);
            open.put(node.name(), fresh);
            return fresh;
        }
    }

    /**
     * The hub over SSH and the workers' keys and configs over SSH, sharing these connections,
     * {@code forks} workers at a time, telling {@code progress} as each is done.
     */
    AppContext.Opened openHub(boolean verbose, Consumer<String> echo, String overlayPrefix, int forks,
                              Progress progress) throws HostException {
        Node hubNode = cluster.hub();
        HostShell shell = connect(hubNode);
        RemoteHub.Settings settings = RemoteHub.Settings.defaults().withBecome(RemoteHub.becomeFor(hubNode));
        if (verbose) {
            settings = settings.withEcho(echo);
        }
        RemoteHub hub = new RemoteHub(hubNode, shell, RemoteHub.Layout.standard(hubNode.interfaceName()), settings);
        RemoteWorkerKeys keys = new RemoteWorkerKeys(node -> {
            try {
                return connect(node);
            } catch (HostException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, forks, RemoteWorkerKeys.DEFAULT_TIMEOUT,
                n -> RemoteHub.Layout.standard(n.interfaceName()), verbose ? echo : line -> { }, progress);
        RemoteWorkerSetup workers = new RemoteWorkerSetup(hub, hubNode, overlayPrefix, this::connect,
                verbose ? echo : line -> { }, forks, keys, progress);
        return new AppContext.Opened(hub, keys, workers);
    }

    @Override
    public void close() {
        List<SshHostShell> shells = new ArrayList<>(open.values());
        open.clear();
        shells.forEach(SshHostShell::close);
    }
}
