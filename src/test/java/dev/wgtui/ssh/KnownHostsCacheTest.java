package dev.wgtui.ssh;

import net.schmizz.sshj.common.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * known_hosts is parsed once per file and shared by every connection of a run: what is appended
 * is still seen, and hashed entries (ssh-keygen -H) check right from many threads at once.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KnownHostsCacheTest {

    @TempDir
    Path dir;

    /** A host key made by ssh-keygen: its known_hosts line for {@code host} and the key. */
    private record HostKey(String line, PublicKey key) {
    }

    private HostKey hostKey(String host) throws Exception {
        Path file = dir.resolve("key-" + host);
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", file.toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String[] pub = Files.readString(file.resolveSibling(file.getFileName() + ".pub")).strip().split(" ");
        PublicKey key = new Buffer.PlainBuffer(Base64.getDecoder().decode(pub[1])).readPublicKey();
        return new HostKey(host + " " + pub[0] + " " + pub[1] + "\n", key);
    }

    private static void append(Path file, String line) throws IOException {
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void aKeyAddedAfterTheFirstCheckIsTrustedAndAChangedOneRefused() throws Exception {
        Path knownHosts = dir.resolve("known_hosts");
        HostKey a = hostKey("alpha");
        HostKey b = hostKey("beta");
        append(knownHosts, a.line());

        KnownHostsCheck first = new KnownHostsCheck(knownHosts);
        assertThat(first.verify("alpha", 22, a.key())).isTrue();
        KnownHostsCheck unknown = new KnownHostsCheck(knownHosts);
        assertThat(unknown.verify("beta", 22, b.key())).isFalse();
        assertThat(unknown.verdict()).isEqualTo(KnownHostsCheck.Verdict.UNKNOWN);

        append(knownHosts, b.line());
        KnownHostsCheck now = new KnownHostsCheck(knownHosts);
        assertThat(now.verify("beta", 22, b.key())).isTrue();
        KnownHostsCheck changed = new KnownHostsCheck(knownHosts);
        assertThat(changed.verify("alpha", 22, b.key())).isFalse();
        assertThat(changed.verdict()).isEqualTo(KnownHostsCheck.Verdict.CHANGED);
    }

    @Test
    void hashedEntriesAreCheckedRightFromManyThreadsAtOnce() throws Exception {
        Path knownHosts = dir.resolve("known_hosts");
        List<HostKey> keys = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            HostKey k = hostKey("w" + i);
            keys.add(k);
            append(knownHosts, k.line());
        }
        Process hash = new ProcessBuilder("ssh-keygen", "-H", "-f", knownHosts.toString()).redirectErrorStream(true).start();
        assertThat(hash.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(knownHosts)).startsWith("|1|").doesNotContain("w1 ");

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> right = new ArrayList<>();
            List<Future<KnownHostsCheck.Verdict>> wrong = new ArrayList<>();
            for (int round = 0; round < 10; round++) {
                for (int i = 0; i < keys.size(); i++) {
                    String host = "w" + i;
                    PublicKey key = keys.get(i).key();
                    PublicKey other = keys.get((i + 1) % keys.size()).key();
                    right.add(pool.submit(() -> new KnownHostsCheck(knownHosts).verify(host, 22, key)));
                    wrong.add(pool.submit(() -> {
                        KnownHostsCheck c = new KnownHostsCheck(knownHosts);
                        c.verify(host, 22, other);
                        return c.verdict();
                    }));
                }
            }
            for (Future<Boolean> f : right) {
                assertThat(f.get()).isTrue();
            }
            for (Future<KnownHostsCheck.Verdict> f : wrong) {
                assertThat(f.get()).isEqualTo(KnownHostsCheck.Verdict.CHANGED);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
