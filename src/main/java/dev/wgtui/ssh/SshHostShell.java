package dev.wgtui.ssh;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.wgtui.core.host.ExecResult;
import dev.wgtui.core.host.HostException;
import dev.wgtui.core.host.HostException.Kind;
import dev.wgtui.core.host.HostShell;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.SecurityUtils;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.OpenFailException;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyPairWrapper;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A host reached over SSH (sshj): one connection for the whole session, through jump hosts if
 * the target has them, shared by every command. Each {@link #exec} opens its own session channel,
 * so commands may run concurrently from several threads.
 *
 * <p>Host keys are checked against known_hosts: an unknown key is refused unless the
 * {@link HostKeyPrompt} accepts it (then it is appended to known_hosts), a changed key is always
 * refused. Authentication is by public key, in ssh's order: the ssh-agent's keys first (those of
 * the identity files, then, unless IdentitiesOnly, the others; see {@link AgentKeys}), then the
 * identity files the agent does not hold, those that need no passphrase before those that do, so
 * the operator is asked for a passphrase only when everything else failed. Every hop, jump hosts
 * too, authenticates on its own with its own agent and files; the agent signs for each.
 */
public final class SshHostShell implements HostShell {

    private static final Logger log = LoggerFactory.getLogger(SshHostShell.class);

    /** OpenSSH's sshd allows ten sessions per connection (MaxSessions); stay below that. */
    static final int MAX_CONCURRENT_COMMANDS = 8;
    private static final int PASSPHRASE_ATTEMPTS = 3;
    private static final ScheduledExecutorService ALARMS =
            Executors.newSingleThreadScheduledExecutor(daemonThreads("wgtui-ssh-connect-alarm"));

    private final SshTarget target;
    private final SshOptions options;
    /** The outermost jump host first, the target last. */
    private final List<SSHClient> hops;
    private final SSHClient client;
    private final ExecutorService io;
    private final Semaphore channels = new Semaphore(MAX_CONCURRENT_COMMANDS, true);
    private final AtomicBoolean closed = new AtomicBoolean();

    private SshHostShell(SshTarget target, SshOptions options, List<SSHClient> hops) {
        this.target = target;
        this.options = options;
        this.hops = List.copyOf(hops);
        this.client = hops.get(hops.size() - 1);
        this.io = Executors.newCachedThreadPool(daemonThreads("wgtui-ssh-" + target.name() + "-io"));
    }

    /**
     * Connects to {@code target} (through its jump hosts), verifies host keys and authenticates.
     *
     * @throws HostException CONNECT when a host cannot be resolved or reached, HOST_KEY when a host
     *                       key is unknown and not accepted or has changed, AUTH when no key is
     *                       accepted, TIMEOUT when a host does not answer in time
     */
    public static SshHostShell connect(SshTarget target, SshOptions options) throws HostException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(options, "options");
        Set<String> accepted = new HashSet<>();
        if (target.hops().stream().flatMap(h -> h.identityFiles().stream()).anyMatch(SshHostShell::needsBouncyCastle)) {
            registerBouncyCastle();
        }
        while (true) {
            List<SSHClient> opened = new ArrayList<>();
            boolean connected = false;
            try {
                SSHClient via = null;
                for (SshTarget hop : target.hops()) {
                    via = openHop(target, hop, via, options, accepted);
                    if (via == null) {
                        break;
                    }
                    opened.add(via);
                }
                if (via == null) {
                    // A host key was just accepted. Start again from the first hop: a failed
                    // handshake through a jump host makes sshj drop the jump connection too.
                    continue;
                }
                SshHostShell shell = new SshHostShell(target, options, opened);
                connected = true;
                log.debug("connected to {} ({})", target.name(), target.address());
                return shell;
            } finally {
                if (!connected) {
                    closeAll(opened);
                }
            }
        }
    }

    @Override
    public String hostName() {
        return target.name();
    }

    public SshTarget target() {
        return target;
    }

    /** True while the connection is up and has not been closed. */
    public boolean isConnected() {
        return !closed.get() && client.isConnected() && client.getTransport().isRunning();
    }

    /**
     * Runs {@code command} in its own session channel: stdin is sent, then EOF; stdout and stderr
     * are read concurrently to the end. At most {@value #MAX_CONCURRENT_COMMANDS} commands run at
     * once on a connection; others wait, and the wait counts against their timeout. When the
     * timeout passes, the command is sent KILL, its channel is closed and TIMEOUT is thrown; the
     * connection stays usable. Messages name the command by its first word only.
     */
    @Override
    public ExecResult exec(String command, byte[] stdin, Duration timeout) throws HostException {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(timeout, "timeout");
        long deadline = System.nanoTime() + timeout.toNanos();
        options.commandEcho().command(target.name(), command);
        if (!isConnected()) {
            throw new HostException(Kind.CONNECT, target.name(), "not connected to " + target.address()
                    + (closed.get() ? " (the connection was closed)" : " (the connection was lost)"));
        }
        try {
            if (!channels.tryAcquire(remainingNanos(deadline), TimeUnit.NANOSECONDS)) {
                throw timedOut(command, timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostException(Kind.COMMAND, target.name(), "interrupted before `" + program(command) + "` ran");
        }
        Session session = null;
        List<Future<?>> pumps = new ArrayList<>();
        try {
            session = client.startSession();
            Session.Command cmd = session.exec(command);
            Future<byte[]> out = io.submit(() -> readBounded(cmd.getInputStream()));
            Future<byte[]> err = io.submit(() -> readBounded(cmd.getErrorStream()));
            Future<?> in = io.submit(() -> feed(cmd.getOutputStream(), stdin));
            pumps.addAll(List.of(out, err, in));
            byte[] stdout = out.get(remainingNanos(deadline), TimeUnit.NANOSECONDS);
            byte[] stderr = err.get(remainingNanos(deadline), TimeUnit.NANOSECONDS);
            cmd.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remainingNanos(deadline))), TimeUnit.MILLISECONDS);
            return new ExecResult(exitCode(cmd, command), stdout, stderr);
        } catch (TimeoutException e) {
            abort(session);
            throw timedOut(command, timeout);
        } catch (InterruptedException e) {
            abort(session);
            Thread.currentThread().interrupt();
            throw new HostException(Kind.COMMAND, target.name(), "interrupted while `" + program(command)
                    + "` ran; it was stopped");
        } catch (ExecutionException e) {
            abort(session);
            if (e.getCause() instanceof TooMuchOutput) {
                throw new HostException(Kind.COMMAND, target.name(), "`" + program(command) + "` printed more than "
                        + MAX_OUTPUT + " bytes, more than any answer of wgtui's scripts; it was stopped");
            }
            throw lost(command, e.getCause());
        } catch (IOException e) {
            abort(session);
            if (hasCause(e, TimeoutException.class)) {
                throw timedOut(command, timeout);
            }
            throw lost(command, e);
        } finally {
            pumps.forEach(f -> f.cancel(true));
            closeQuietly(session);
            channels.release();
        }
    }

    /** Closes the connection and those to its jump hosts; never throws. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closeAll(hops);
            io.shutdownNow();
        }
    }

    // ---- exec helpers

    /** What one command may print on one stream: twice a hub config at its bound, and some. */
    static final long MAX_OUTPUT = 2 * dev.wgtui.core.hub.Hub.MAX_CONFIG_BYTES + (1 << 20);

    /** A stream that went past {@link #MAX_OUTPUT}. */
    private static final class TooMuchOutput extends IOException {
        TooMuchOutput() {
            super("more than " + MAX_OUTPUT + " bytes", null);
        }
    }

    private static byte[] readBounded(java.io.InputStream in) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            total += n;
            if (total > MAX_OUTPUT) {
                throw new TooMuchOutput();
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static Void feed(OutputStream channelIn, byte[] stdin) {
        try (OutputStream os = channelIn) {
            os.write(stdin);
            os.flush();
        } catch (IOException e) {
            // The command exited without reading all of its input, as with SIGPIPE; not an error here.
            log.debug("stdin not fully delivered: {}", e.toString());
        }
        return null;
    }

    private int exitCode(Session.Command cmd, String command) throws HostException {
        Integer status = cmd.getExitStatus();
        if (status != null) {
            return status;
        }
        Signal signal = cmd.getExitSignal();
        if (signal != null) {
            return 128 + signalNumber(signal);
        }
        throw new HostException(Kind.COMMAND, target.name(), "`" + program(command)
                + "` ended without an exit status (was the connection lost?)");
    }

    /** The shell's convention for a command killed by a signal is 128 + its Linux number. */
    private static int signalNumber(Signal signal) {
        return switch (signal) {
            case HUP -> 1;
            case INT -> 2;
            case QUIT -> 3;
            case ILL -> 4;
            case ABRT -> 6;
            case FPE -> 8;
            case KILL -> 9;
            case USR1 -> 10;
            case SEGV -> 11;
            case USR2 -> 12;
            case PIPE -> 13;
            case ALRM -> 14;
            case TERM -> 15;
            default -> 127;
        };
    }

    /** Stops a command that ran out of time: a KILL signal where the server supports it, then close. */
    private static void abort(Session session) {
        if (session == null) {
            return;
        }
        try {
            if (session instanceof Session.Command cmd && session.isOpen()) {
                cmd.signal(Signal.KILL);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("could not signal the command: {}", e.toString());
        }
        closeQuietly(session);
    }

    private HostException timedOut(String command, Duration timeout) {
        return new HostException(Kind.TIMEOUT, target.name(), "`" + program(command) + "` did not finish within "
                + human(timeout) + " on " + target.address() + "; it was stopped");
    }

    private HostException lost(String command, Throwable cause) {
        return new HostException(Kind.CONNECT, target.name(), "lost the connection to " + target.address()
                + " while `" + program(command) + "` ran: " + cause.getMessage(), cause);
    }

    /** The first word of a command, for messages: command lines may carry values not meant for screens. */
    static String program(String command) {
        String trimmed = command.strip();
        int end = 0;
        while (end < trimmed.length() && !Character.isWhitespace(trimmed.charAt(end))) {
            end++;
        }
        String word = trimmed.substring(0, end);
        return word.length() > 40 ? word.substring(0, 40) + "…" : word;
    }

    // ---- connecting

    /**
     * Connects and authenticates to one hop, directly or through {@code via}.
     *
     * @return the connected client, or null when the operator just accepted the hop's host key
     *         (it is in known_hosts now, and the caller starts again)
     */
    private static SSHClient openHop(SshTarget target, SshTarget hop, SSHClient via, SshOptions options,
                                     Set<String> accepted) throws HostException {
        Duration timeout = hop.connectTimeout().orElse(options.connectTimeout());
        String who = hop == target ? "" : "jump host " + hop.name() + ": ";
        KnownHostsCheck check = new KnownHostsCheck(options.knownHosts());
        SSHClient hopClient = newClient(options, timeout);
        hopClient.addHostKeyVerifier(check);
        DirectConnection tunnel = null;
        ConnectAlarm alarm = new ConnectAlarm(hopClient, timeout);
        try (alarm) {
            if (via == null) {
                hopClient.connect(hop.hostname(), hop.port());
            } else {
                try {
                    tunnel = via.newDirectConnection(hop.hostname(), hop.port());
                } catch (OpenFailException e) {
                    throw new HostException(Kind.CONNECT, target.name(), who + "the previous jump host could not"
                            + " open a connection to " + hop.hostname() + ":" + hop.port() + " (" + e.getMessage() + ")", e);
                }
                alarm.alsoClose(tunnel);
                hopClient.connectVia(tunnel);
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(hopClient);
            closeQuietly(tunnel);
            if (alarm.rang() && check.verdict() == KnownHostsCheck.Verdict.NOT_CHECKED) {
                throw new HostException(Kind.TIMEOUT, target.name(), who + "no answer from " + hop.hostname()
                        + ":" + hop.port() + " within " + human(timeout), e);
            }
            if (check.verdict() == KnownHostsCheck.Verdict.UNKNOWN && accepted.add(check.knownHostsName())
                    && options.hostKeyPrompt().accept(check.knownHostsName(), check.keyType(), check.fingerprint())) {
                trust(target, who, check);
                return null;
            }
            throw connectFailure(target, hop, who, check, e, timeout);
        } catch (HostException e) {
            closeQuietly(hopClient);
            throw e;
        }
        try {
            authenticate(hopClient, target, hop, who, options, timeout);
        } catch (HostException | RuntimeException e) {
            closeQuietly(hopClient);
            closeQuietly(tunnel);
            throw e;
        }
        return hopClient;
    }

    /**
     * Breaks a connection attempt that outlives its timeout. sshj reads the server's version line
     * with no timeout of its own, so a host that accepts TCP but never speaks SSH would hang us.
     */
    private static final class ConnectAlarm implements AutoCloseable {
        private final SSHClient client;
        private final ScheduledFuture<?> ring;
        private volatile AutoCloseable tunnel;
        private volatile boolean rang;
        private volatile boolean done;

        ConnectAlarm(SSHClient client, Duration timeout) {
            this.client = client;
            this.ring = ALARMS.schedule(this::ring, timeout.toNanos(), TimeUnit.NANOSECONDS);
        }

        void alsoClose(AutoCloseable channel) {
            tunnel = channel;
        }

        boolean rang() {
            return rang;
        }

        private void ring() {
            if (done) {
                return;
            }
            rang = true;
            Socket socket = client.getSocket();
            closeQuietly(socket);
            closeQuietly(tunnel);
            if (socket == null && tunnel == null) {
                // the socket is not made yet: try again shortly
                ALARMS.schedule(this::ring, 50, TimeUnit.MILLISECONDS);
            }
        }

        @Override
        public void close() {
            done = true;
            ring.cancel(false);
        }
    }

    static {
        // The JDK's own providers do what we need (curve25519, ed25519, ECDSA, RSA, AES-GCM,
        // ChaCha20); registering BouncyCastle as a provider costs ~400 ms of every cold start.
        SecurityUtils.setRegisterBouncyCastle(false);
    }

    private static SSHClient newClient(SshOptions options, Duration timeout) {
        DefaultConfig config = new DefaultConfig();
        boolean keepAlive = !options.keepAliveInterval().isZero();
        if (keepAlive) {
            config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
        }
        SSHClient c = new SSHClient(config);
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        c.setConnectTimeout(millis);
        c.getTransport().setTimeoutMs(millis);
        c.getConnection().setTimeoutMs(millis);
        if (keepAlive) {
            c.getConnection().getKeepAlive()
                    .setKeepAliveInterval((int) Math.max(1, options.keepAliveInterval().toSeconds()));
        }
        return c;
    }

    private static void trust(SshTarget target, String who, KnownHostsCheck check) throws HostException {
        try {
            check.trustOfferedKey();
            log.warn("added {} key {} for {} to {}", check.keyType(), check.fingerprint(),
                    check.knownHostsName(), check.file());
        } catch (IOException e) {
            throw new HostException(Kind.HOST_KEY, target.name(), who + "cannot add the host key of "
                    + check.knownHostsName() + " to " + check.file() + ": " + e.getMessage(), e);
        }
    }

    private static HostException connectFailure(SshTarget target, SshTarget hop, String who,
                                                KnownHostsCheck check, Exception e, Duration timeout) {
        String name = target.name();
        String address = hop.hostname() + ":" + hop.port();
        switch (check.verdict()) {
            case UNKNOWN -> {
                return new HostException(Kind.HOST_KEY, name, who + unknownKeyMessage(hop, check), e);
            }
            case CHANGED -> {
                log.warn("host key for {} has changed: offered {} key {}, known_hosts {} disagrees",
                        check.knownHostsName(), check.keyType(), check.fingerprint(), check.file());
                return new HostException(Kind.HOST_KEY, name, who + changedKeyMessage(check), e);
            }
            case UNREADABLE -> {
                return new HostException(Kind.HOST_KEY, name, who + "cannot check the host key of "
                        + check.knownHostsName() + ": cannot read " + check.file() + " (" + check.problem() + ")", e);
            }
            default -> { }
        }
        if (hasCause(e, UnknownHostException.class)) {
            return new HostException(Kind.CONNECT, name, who + "cannot resolve host name '" + hop.hostname() + "'", e);
        }
        if (hasCause(e, ConnectException.class)) {
            return new HostException(Kind.CONNECT, name, who + "connection to " + address + " refused"
                    + " (is sshd running on port " + hop.port() + "?)", e);
        }
        if (hasCause(e, NoRouteToHostException.class)) {
            return new HostException(Kind.CONNECT, name, who + "no route to " + address, e);
        }
        if (hasCause(e, SocketTimeoutException.class) || hasCause(e, TimeoutException.class)) {
            return new HostException(Kind.TIMEOUT, name, who + "no answer from " + address + " within "
                    + human(timeout), e);
        }
        return new HostException(Kind.CONNECT, name, who + "cannot connect to " + address + ": " + e.getMessage(), e);
    }

    private static String unknownKeyMessage(SshTarget hop, KnownHostsCheck check) {
        String type = check.keyType();
        StringBuilder m = new StringBuilder()
                .append("the host key of ").append(check.knownHostsName()).append(" is not known (")
                .append(type).append(" key fingerprint ").append(check.fingerprint()).append(").");
        if (check.otherTypesKnown()) {
            m.append(" known_hosts has a key of another type for this host, which it did not offer: be careful.");
        }
        m.append(" Compare the fingerprint with the one on the host (ssh-keygen -lf /etc/ssh/ssh_host_")
                .append(type.toLowerCase(Locale.ROOT)).append("_key.pub); to trust it, accept it when wgtui asks,")
                .append(" or connect once with `ssh -p ").append(hop.port()).append(' ').append(hop.user())
                .append('@').append(hop.hostname()).append("` and answer yes. It was not added to ")
                .append(check.file()).append('.');
        return m.toString();
    }

    private static String changedKeyMessage(KnownHostsCheck check) {
        return "WARNING: THE HOST KEY OF " + check.knownHostsName() + " HAS CHANGED! It now offers "
                + check.keyType() + " key " + check.fingerprint() + ", which is not the key recorded in "
                + check.file() + ". Someone may be intercepting the connection (man-in-the-middle), or the host"
                + " was reinstalled. Refusing to connect. If you know why the key changed, remove the old one with"
                + " `ssh-keygen -R '" + check.knownHostsName() + "' -f " + check.file() + "` and connect again.";
    }

    // ---- authentication

    private static void authenticate(SSHClient c, SshTarget target, SshTarget hop, String who, SshOptions options,
                                     Duration timeout) throws HostException {
        List<String> tried = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<Path> encrypted = new ArrayList<>();
        String agentSummary;
        AgentKeys agent = AgentKeys.open(hop.identityAgent(), SshOptions.agentTimeout(timeout));
        try {
            try (agent) {
                Map<Path, byte[]> publicKeys = new LinkedHashMap<>();
                for (Path key : hop.identityFiles()) {
                    IdentityFiles.publicKeyOf(key).ifPresent(blob -> publicKeys.put(key, blob));
                }
                for (SshAgent.Identity key : agent.toOffer(publicKeys, hop.identitiesOnly())) {
                    if (agent.offer(c, hop.user(), key)) {
                        log.debug("{}: authenticated with agent key {}", hop.name(), key.describe());
                        return;
                    }
                }
                agentSummary = agent.summary();
                for (Path key : hop.identityFiles()) {
                    if (agent.heldFiles().contains(key)) {
                        skipped.add(key + " (the agent holds its key: tried above)");
                        continue;
                    }
                    if (!Files.isRegularFile(key)) {
                        skipped.add(key + " (not found)");
                        continue;
                    }
                    if (!Files.isReadable(key)) {
                        skipped.add(key + " (not readable)");
                        continue;
                    }
                    LoadedKey loaded = loadKey(c, key, null);
                    if (loaded.keyPair() != null) {
                        tried.add(key.toString());
                        if (offer(c, hop.user(), loaded.keyPair())) {
                            return;
                        }
                    } else if (loaded.encrypted()) {
                        encrypted.add(key);
                    } else {
                        skipped.add(key + " (not a private key wgtui can read)");
                    }
                }
            }
            for (Path key : encrypted) {
                if (offerEncrypted(c, hop.user(), key, options.passphrasePrompt(), tried, skipped)) {
                    return;
                }
            }
        } catch (TransportException e) {
            int refused = agent.refusedCount() + tried.size();
            String hint = refused == 0 ? "" : " (after " + refused + (refused == 1 ? " key was" : " keys were")
                    + " refused" + (agent.refusedCount() == 0 ? ")" : "; a server takes only a few (MaxAuthTries):"
                    + " with many keys in the agent, name this host's key with IdentityFile and set IdentitiesOnly yes)");
            throw new HostException(hasCause(e, TimeoutException.class) ? Kind.TIMEOUT : Kind.CONNECT, target.name(),
                    who + "the connection to " + hop.address() + " failed during authentication: " + e.getMessage()
                    + hint, e);
        }
        StringBuilder m = new StringBuilder(who).append("authentication as ").append(hop.address())
                .append(" failed; ").append(agentSummary);
        if (tried.isEmpty()) {
            m.append("; no usable private key file");
        } else {
            m.append("; keys refused: ").append(String.join(", ", tried));
        }
        if (!skipped.isEmpty()) {
            m.append("; skipped: ").append(String.join(", ", skipped));
        }
        if (hop.identityFiles().isEmpty()) {
            m.append("; no identity file is set (ansible_ssh_private_key_file, IdentityFile) and none of"
                    + " ~/.ssh/id_ed25519, id_ecdsa, id_rsa exists");
        }
        throw new HostException(Kind.AUTH, target.name(), m.toString());
    }

    private static boolean offerEncrypted(SSHClient c, String user, Path key, PassphrasePrompt prompt,
                                          List<String> tried, List<String> skipped) throws TransportException {
        stillConnected(c, null);
        for (int attempt = 1; attempt <= PASSPHRASE_ATTEMPTS; attempt++) {
            char[] passphrase = prompt.passphrase(key);
            if (passphrase == null) {
                skipped.add(key + " (encrypted; no passphrase given)");
                return false;
            }
            LoadedKey loaded = loadKey(c, key, passphrase);
            if (loaded.keyPair() != null) {
                tried.add(key.toString());
                return offer(c, user, loaded.keyPair());
            }
        }
        skipped.add(key + " (encrypted; wrong passphrase)");
        return false;
    }

    private static boolean offer(SSHClient c, String user, KeyPair keyPair) throws TransportException {
        stillConnected(c, null);
        try {
            c.auth(user, new AuthPublickey(new KeyPairWrapper(keyPair)));
            return true;
        } catch (UserAuthException e) {
            stillConnected(c, e);
            return false;
        }
    }

    /**
     * Throws when the server has closed the connection during authentication, as sshd does after
     * MaxAuthTries refused keys, so that this is not taken for one more refused key.
     */
    static void stillConnected(SSHClient c, Exception cause) throws TransportException {
        if (c.isConnected() && c.getTransport().isRunning()) {
            return;
        }
        String reason = null;
        for (Throwable t = cause; t != null && t.getCause() != t; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                reason = t.getMessage();
            }
        }
        throw new TransportException(reason == null ? "the server closed the connection" : reason, cause);
    }

    /** A private key read from a file, or why not: it needs a (different) passphrase, or it is unreadable. */
    private record LoadedKey(KeyPair keyPair, boolean encrypted) {}

    /**
     * Reads and, with {@code passphrase}, decrypts a key file; the passphrase is wiped afterwards.
     */
    private static LoadedKey loadKey(SSHClient c, Path key, char[] passphrase) {
        try {
            return readKey(c, key, passphrase);
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    private static boolean bouncyCastle;

    /**
     * True when a key file needs BouncyCastle to be read: ECDSA keys (PEM or OpenSSH format) and
     * PKCS#8 files. The JDK's providers read ed25519 and RSA keys, so those start faster.
     */
    static boolean needsBouncyCastle(Path key) {
        try {
            String text = Files.readString(key, java.nio.charset.StandardCharsets.US_ASCII);
            if (text.contains("BEGIN EC PRIVATE KEY") || text.contains("BEGIN PRIVATE KEY")
                    || text.contains("BEGIN ENCRYPTED PRIVATE KEY") || text.contains("PuTTY-User-Key-File")) {
                return true;
            }
            int begin = text.indexOf("-----BEGIN OPENSSH PRIVATE KEY-----");
            int end = text.indexOf("-----END OPENSSH PRIVATE KEY-----");
            if (begin < 0 || end < begin) {
                return false;
            }
            byte[] blob = java.util.Base64.getMimeDecoder().decode(text.substring(begin + 35, end));
            return new String(blob, java.nio.charset.StandardCharsets.ISO_8859_1).contains("ecdsa-sha2-");
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Registers BouncyCastle once; false when it already was (nothing new to try). */
    private static synchronized boolean registerBouncyCastle() {
        if (bouncyCastle) {
            return false;
        }
        bouncyCastle = true;
        SecurityUtils.setRegisterBouncyCastle(true);
        if (!SecurityUtils.registerSecurityProvider(SecurityUtils.BOUNCY_CASTLE)) {
            return false;
        }
        SecurityUtils.setSecurityProvider(SecurityUtils.BOUNCY_CASTLE);
        return true;
    }

    private static LoadedKey readKey(SSHClient c, Path key, char[] passphrase) {
        AtomicBoolean asked = new AtomicBoolean();
        PasswordFinder finder = new PasswordFinder() {
            @Override
            public char[] reqPassword(Resource<?> resource) {
                asked.set(true);
                return passphrase == null ? null : passphrase.clone();
            }

            @Override
            public boolean shouldRetry(Resource<?> resource) {
                return false;
            }
        };
        try {
            KeyProvider provider = c.loadKeys(key.toString(), finder);
            return new LoadedKey(new KeyPair(provider.getPublic(), provider.getPrivate()), false);
        } catch (IOException | RuntimeException e) {
            // Deliberately not logged with the exception text: it is about the key file's contents.
            log.debug("cannot use key {}: {}", key, e.getClass().getSimpleName());
            return new LoadedKey(null, asked.get());
        }
    }

    // ---- small things

    private static long remainingNanos(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    static String human(Duration d) {
        if (d.toMillis() % 1000 != 0) {
            return d.toMillis() + " ms";
        }
        return d.toSeconds() + " s";
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static void closeAll(List<SSHClient> clients) {
        for (int i = clients.size() - 1; i >= 0; i--) {
            closeQuietly(clients.get(i));
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            log.debug("close: {}", e.toString());
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
