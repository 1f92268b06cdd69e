package dev.wgtui.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A client of an ssh-agent (draft-miller-ssh-agent) on the agent's UNIX domain socket, with the
 * JDK's own sockets: it lists the agent's keys and asks it to sign. A forwarded agent ({@code ssh
 * -A}) speaks the same protocol on its socket. Every step (connect, each request and its answer)
 * has a deadline, so an agent that hangs fails the step instead of the caller.
 */
final class SshAgent implements AutoCloseable {

    /** OpenSSH's agent refuses longer messages, and so do we. */
    static final int MAX_MESSAGE = 256 * 1024;
    /** SIGN_REQUEST flags: an RSA key signs with SHA-256 or SHA-512 instead of SHA-1. */
    static final int RSA_SHA2_256 = 2;
    static final int RSA_SHA2_512 = 4;

    private static final byte FAILURE = 5;
    private static final byte REQUEST_IDENTITIES = 11;
    private static final byte IDENTITIES_ANSWER = 12;
    private static final byte SIGN_REQUEST = 13;
    private static final byte SIGN_RESPONSE = 14;
    /** Newer agents answer an unsupported request with these. */
    private static final byte EXTENSION_FAILURE = 28;

    /** Why talking to the agent failed, in words for the operator's error message. */
    static final class AgentException extends IOException {
        AgentException(String message) {
            super(message);
        }

        AgentException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * A key the agent holds: its public key blob as SSH encodes it (RFC 4253 6.6) and the agent's
     * comment for it (often the file it was added from).
     */
    record Identity(byte[] blob, String comment) {
        Identity {
            blob = blob.clone();
        }

        @Override
        public byte[] blob() {
            return blob.clone();
        }

        /** The key type named in the blob: ssh-ed25519, ecdsa-sha2-nistp256, ssh-rsa, … */
        String keyType() {
            return keyTypeOf(blob);
        }

        /** {@code SHA256:…} as ssh-keygen -l prints it. */
        String fingerprint() {
            return SshAgent.fingerprint(blob);
        }

        /** {@code ED25519 SHA256:…}, as ssh -v names a key; no comment, which is the agent's to say. */
        String describe() {
            return shortType(keyType()) + " " + fingerprint();
        }

        boolean sameKey(byte[] otherBlob) {
            return otherBlob != null && Arrays.equals(blob, otherBlob);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Identity i && Arrays.equals(blob, i.blob) && comment.equals(i.comment);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(blob) * 31 + comment.hashCode();
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    private final Path socket;
    private final SocketChannel channel;
    private final Selector selector;
    private final Duration timeout;
    /** Set after a request failed half-way: a late answer must not be taken for the next one's. */
    private String broken;

    private SshAgent(Path socket, SocketChannel channel, Selector selector, Duration timeout) {
        this.socket = socket;
        this.channel = channel;
        this.selector = selector;
        this.timeout = timeout;
    }

    /**
     * Connects to the agent listening on {@code socket}; {@code timeout} bounds the connect and,
     * later, each request with its answer.
     *
     * @throws AgentException when the socket is missing, nobody listens on it (a stale socket left
     *                        by an agent that exited), or the agent does not accept in time
     */
    static SshAgent connect(Path socket, Duration timeout) throws AgentException {
        if (!Files.exists(socket)) {
            throw new AgentException("no such socket");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        SocketChannel channel = null;
        Selector selector = null;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.configureBlocking(false);
            selector = Selector.open();
            if (!channel.connect(UnixDomainSocketAddress.of(socket))) {
                channel.register(selector, SelectionKey.OP_CONNECT);
                while (!channel.finishConnect()) {
                    await(selector, deadline, timeout, "to accept the connection");
                }
            }
            SshAgent agent = new SshAgent(socket, channel, selector, timeout);
            channel = null;
            return agent;
        } catch (AgentException e) {
            throw e;
        } catch (ConnectException e) {
            throw new AgentException("nothing listens on it (" + reason(e)
                    + "; a stale socket left by an agent that has exited?)", e);
        } catch (IOException | RuntimeException e) {
            throw new AgentException("cannot connect (" + reason(e) + ")", e);
        } finally {
            if (channel != null) {
                closeQuietly(channel);
                closeQuietly(selector);
            }
        }
    }

    Path socket() {
        return socket;
    }

    /** The keys the agent holds, in its order. */
    List<Identity> identities() throws AgentException {
        Reader answer = request(new byte[] {REQUEST_IDENTITIES}, "the list of keys");
        byte type = answer.readByte();
        if (type != IDENTITIES_ANSWER) {
            throw unexpected(type, "the list of keys");
        }
        long count = answer.readUInt32();
        if (count > MAX_MESSAGE / 8) {
            throw new AgentException("the agent claims " + count + " keys");
        }
        List<Identity> keys = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            byte[] blob = answer.readString();
            String comment = new String(answer.readString(), StandardCharsets.UTF_8);
            if (blob.length > 0) {
                keys.add(new Identity(blob, comment));
            }
        }
        return keys;
    }

    /**
     * Asks the agent to sign {@code data} with {@code key}; {@code flags} picks the RSA hash.
     *
     * @return the signature blob (its algorithm name, then the signature), as SSH sends it
     * @throws AgentException when the agent refuses (the key was removed, a confirmation was
     *                        declined) or does not answer in time
     */
    byte[] sign(Identity key, byte[] data, int flags) throws AgentException {
        Writer request = new Writer().writeByte(SIGN_REQUEST).writeString(key.blob()).writeString(data)
                .writeUInt32(flags);
        Reader answer = request(request.bytes(), "a signature");
        byte type = answer.readByte();
        if (type != SIGN_RESPONSE) {
            throw unexpected(type, "a signature");
        }
        return answer.readString();
    }

    @Override
    public void close() {
        closeQuietly(channel);
        closeQuietly(selector);
    }

    // ---- the wire

    private Reader request(byte[] message, String what) throws AgentException {
        if (broken != null) {
            throw new AgentException("not asked: the connection to the agent was dropped after " + broken);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean done = false;
        try {
            ByteBuffer out = ByteBuffer.allocate(4 + message.length).putInt(message.length).put(message).flip();
            while (out.hasRemaining()) {
                if (channel.write(out) == 0) {
                    waitFor(SelectionKey.OP_WRITE, deadline, "to take the request for " + what);
                }
            }
            int length = readFully(4, deadline, what).getInt();
            if (length <= 0 || length > MAX_MESSAGE) {
                throw new AgentException("the agent sent a message of " + Integer.toUnsignedString(length)
                        + " bytes; is " + socket + " an ssh-agent?");
            }
            Reader answer = new Reader(readFully(length, deadline, what).array());
            done = true;
            return answer;
        } catch (AgentException e) {
            throw e;
        } catch (IOException e) {
            throw new AgentException("the connection to the agent failed while waiting for " + what
                    + " (" + reason(e) + ")", e);
        } finally {
            if (!done) {
                broken = "a failed request for " + what;
                close();
            }
        }
    }

    private ByteBuffer readFully(int n, long deadline, String what) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(n);
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer);
            if (read < 0) {
                throw new AgentException("the agent closed the connection instead of sending " + what);
            }
            if (read == 0) {
                waitFor(SelectionKey.OP_READ, deadline, "to send " + what);
            }
        }
        return buffer.flip();
    }

    private void waitFor(int operation, long deadline, String what) throws IOException {
        SelectionKey key = channel.keyFor(selector);
        if (key == null) {
            channel.register(selector, operation);
        } else {
            key.interestOps(operation);
        }
        await(selector, deadline, timeout, what);
    }

    private static void await(Selector selector, long deadline, Duration timeout, String what) throws IOException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new AgentException("no answer within " + SshHostShell.human(timeout) + " (waiting for the agent "
                    + what + ")");
        }
        selector.select(Math.max(1, remaining / 1_000_000));
        selector.selectedKeys().clear();
    }

    private AgentException unexpected(byte type, String what) {
        if (type == FAILURE || type == EXTENSION_FAILURE) {
            return new AgentException("the agent refused to send " + what);
        }
        return new AgentException("the agent answered message type " + (type & 0xff) + " instead of " + what);
    }

    private static String reason(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.toLowerCase(Locale.ROOT);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // nothing to do
        }
    }

    // ---- key blobs

    /** The first string of an SSH key or signature blob: its type or algorithm name; "" if it has none. */
    static String keyTypeOf(byte[] blob) {
        try {
            return new String(new Reader(blob).readString(), StandardCharsets.US_ASCII);
        } catch (AgentException e) {
            return "";
        }
    }

    /** {@code SHA256:} and the unpadded base64 of the blob's SHA-256, as ssh-keygen -l prints it. */
    static String fingerprint(byte[] blob) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ED25519, ECDSA, RSA: the key type as ssh-keygen -l names it. */
    static String shortType(String keyType) {
        return switch (keyType) {
            case "ssh-ed25519" -> "ED25519";
            case "ssh-rsa" -> "RSA";
            case "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521" -> "ECDSA";
            case "sk-ssh-ed25519@openssh.com" -> "ED25519-SK";
            case "sk-ecdsa-sha2-nistp256@openssh.com" -> "ECDSA-SK";
            default -> keyType.isEmpty() ? "unknown" : keyType;
        };
    }

    /** Reads the big-endian fields of an agent message. */
    static final class Reader {
        private final byte[] data;
        private int pos;

        Reader(byte[] data) {
            this.data = data;
        }

        byte readByte() throws AgentException {
            need(1);
            return data[pos++];
        }

        long readUInt32() throws AgentException {
            need(4);
            long v = ((data[pos] & 0xffL) << 24) | ((data[pos + 1] & 0xffL) << 16)
                    | ((data[pos + 2] & 0xffL) << 8) | (data[pos + 3] & 0xffL);
            pos += 4;
            return v;
        }

        byte[] readString() throws AgentException {
            long length = readUInt32();
            if (length > data.length - pos) {
                throw new AgentException("a malformed message from the agent (a field runs past its end)");
            }
            byte[] s = Arrays.copyOfRange(data, pos, pos + (int) length);
            pos += (int) length;
            return s;
        }

        boolean atEnd() {
            return pos == data.length;
        }

        private void need(int n) throws AgentException {
            if (data.length - pos < n) {
                throw new AgentException("a malformed message from the agent (it ends too soon)");
            }
        }
    }

    /** Writes the big-endian fields of an agent message. */
    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer writeByte(int b) {
            out.write(b);
            return this;
        }

        Writer writeUInt32(long v) {
            out.write((int) (v >>> 24));
            out.write((int) (v >>> 16));
            out.write((int) (v >>> 8));
            out.write((int) v);
            return this;
        }

        Writer writeString(byte[] s) {
            writeUInt32(s.length);
            out.writeBytes(s);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
