package dev.wgtui.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.ForwardingFilter;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.forward.TcpForwardingFilter;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An embedded Apache MINA SSHD server for one test class: 127.0.0.1 on a free port, an ed25519
 * host key made with ssh-keygen for this run, public-key auth for {@link TestKeys#authorized()},
 * commands run by {@code /bin/sh -c}. {@link #allowingForwarding()} makes a jump host.
 */
final class SshServerExtension implements BeforeAllCallback, AfterAllCallback {

    private final boolean forwarding;
    private Path dir;
    private Path hostKey;
    private SshServer server;
    private final List<String> forwardedTo = new CopyOnWriteArrayList<>();
    private final List<String> offered = new CopyOnWriteArrayList<>();

    private SshServerExtension(boolean forwarding) {
        this.forwarding = forwarding;
    }

    static SshServerExtension plain() {
        return new SshServerExtension(false);
    }

    static SshServerExtension allowingForwarding() {
        return new SshServerExtension(true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("wgtui-sshd");
        hostKey = TestKeys.keygen(dir.resolve("ssh_host_ed25519_key"), "ed25519", "");
        List<PublicKey> allowed = new ArrayList<>();
        for (Path pub : TestKeys.get().authorized()) {
            allowed.add(readPublicKey(pub));
        }
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new FileKeyPairProvider(hostKey));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setPublickeyAuthenticator((user, key, session) -> {
            offered.add(KeyUtils.getFingerPrint(key));
            return allowed.stream().anyMatch(a -> KeyUtils.compareKeys(a, key));
        });
        server.setCommandFactory(new ShellCommandFactory());
        if (forwarding) {
            TcpForwardingFilter tcp = new TcpForwardingFilter() {
                @Override
                public boolean canListen(SshdSocketAddress address, Session session) {
                    return false;
                }

                @Override
                public boolean canConnect(Type type, SshdSocketAddress address, Session session) {
                    forwardedTo.add(address.getHostName() + ":" + address.getPort());
                    return true;
                }
            };
            server.setForwardingFilter(ForwardingFilter.asForwardingFilter(
                    RejectAllForwardingFilter.INSTANCE, RejectAllForwardingFilter.INSTANCE, tcp));
        }
        server.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (server != null) {
            server.stop(true);
        }
        if (dir != null) {
            TestKeys.deleteTree(dir);
        }
    }

    /** Where this server, as a jump host, was asked to open connections to ({@code host:port}). */
    List<String> forwardedTo() {
        return forwardedTo;
    }

    /**
     * The SHA256 fingerprints of the keys clients offered, in order, as ssh-keygen -l prints them;
     * a key accepted after its signature is checked may appear twice in a row.
     */
    List<String> offered() {
        return offered;
    }

    /** {@link #offered()} with a key offered twice in a row (query, then signature) counted once. */
    List<String> offeredKeys() {
        List<String> keys = new java.util.ArrayList<>();
        for (String fp : offered) {
            if (keys.isEmpty() || !keys.get(keys.size() - 1).equals(fp)) {
                keys.add(fp);
            }
        }
        return keys;
    }

    int port() {
        return server.getPort();
    }

    /** The host key's public half, as {@code ssh_host_ed25519_key.pub} on a real host. */
    Path hostPublicKey() {
        return TestKeys.pub(hostKey);
    }

    /** This server's line for a known_hosts file. */
    String knownHostsLine() throws IOException {
        String[] pub = Files.readString(hostPublicKey(), StandardCharsets.UTF_8).strip().split("\\s+");
        return "[127.0.0.1]:" + port() + " " + pub[0] + " " + pub[1] + "\n";
    }

    /** A target for this server with one identity file. */
    SshTarget target(String name, Path identityFile) {
        return SshTarget.of(name, "127.0.0.1", port(), "wgtui", List.of(identityFile));
    }

    static PublicKey readPublicKey(Path pub) throws IOException, GeneralSecurityException {
        AuthorizedKeyEntry entry = AuthorizedKeyEntry.parseAuthorizedKeyEntry(Files.readString(pub).strip());
        return entry.resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
    }
}
