package dev.wgtui.cli;

import dev.wgtui.core.cluster.Cluster;
import dev.wgtui.core.cluster.Node;
import dev.wgtui.core.host.HostException;
import dev.wgtui.core.host.HostShell;
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
 * is needed. Settings come from the inventory and {@code ~/.ssh/config}; host keys from
 * known_hosts (or {@code --known-hosts}).
 */
final class RemoteConnections implements AutoCloseable {

    private final Cluster cluster;
    private final SshTargets targets;
    private final OpenSshConfig sshConfig;
    private final SshOptions sshOptions;
    private final Map<String, SshHostShell> open = new ConcurrentHashMap<>();

    RemoteConnections(Cluster cluster, GlobalOptions options, HostKeyPrompt hostKeys, PassphrasePrompt passphrases) {
        this.cluster = cluster;
        this.targets = SshTargets.forCurrentUser();
        try {
            this.sshConfig = OpenSshConfig.loadDefault();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SshOptions o = SshOptions.defaults().withHostKeyPrompt(hostKeys).withPassphrasePrompt(passphrases);
        if (options.knownHosts != null) {
            o = o.withKnownHosts(options.knownHosts);
        }
        this.sshOptions = o;
    }

    /** The open connection to {@code node}, made on first use. */
    HostShell connect(Node node) throws HostException {
        SshHostShell shell = open.get(node.name());
        if (shell != null && shell.isConnected()) {
            return shell;
        }
        SshHostShell fresh = SshHostShell.connect(targets.resolve(node.name(), node.vars(), sshConfig), sshOptions);
        open.put(node.name(), fresh);
        return fresh;
    }

    /** The hub over SSH and the workers' keys over SSH, sharing these connections. */
    AppContext.Opened openHub(boolean verbose, Consumer<String> echo, String overlayPrefix) throws HostException {
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
        }, RemoteWorkerKeys.DEFAULT_FORKS, RemoteWorkerKeys.DEFAULT_TIMEOUT,
                n -> RemoteHub.Layout.standard(n.interfaceName()), verbose ? echo : line -> { });
        RemoteWorkerSetup workers = new RemoteWorkerSetup(hub, hubNode, overlayPrefix, this::connect,
                verbose ? echo : line -> { }, RemoteWorkerKeys.DEFAULT_FORKS);
        return new AppContext.Opened(hub, keys, workers);
    }

    @Override
    public void close() {
        List<SshHostShell> shells = new ArrayList<>(open.values());
        open.clear();
        shells.forEach(SshHostShell::close);
    }
}
