package dev.wgtui.ssh;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** BouncyCastle is registered only for key files the JDK cannot read, so most starts are faster. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BouncyCastleChoiceTest {

    @TempDir
    Path dir;

    private Path keygen(String type, String format) throws Exception {
        Path key = dir.resolve(type + "-" + format);
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", type, "-N", "", "-m", format, "-f", key.toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return key;
    }

    @Test
    void onlyKeysTheJdkCannotReadNeedIt() throws Exception {
        assertThat(SshHostShell.needsBouncyCastle(keygen("ed25519", "RFC4716"))).isFalse();
        assertThat(SshHostShell.needsBouncyCastle(keygen("rsa", "RFC4716"))).isFalse();
        assertThat(SshHostShell.needsBouncyCastle(keygen("ecdsa", "RFC4716"))).isTrue();
        assertThat(SshHostShell.needsBouncyCastle(keygen("ecdsa", "PEM"))).isTrue();
        assertThat(SshHostShell.needsBouncyCastle(keygen("rsa", "PKCS8"))).isTrue();
        assertThat(SshHostShell.needsBouncyCastle(dir.resolve("missing"))).isFalse();
    }
}
