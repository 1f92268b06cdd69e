package dev.wgtui.ssh;

import dev.wgtui.core.host.ExecResult;
import dev.wgtui.core.host.HostException;
import dev.wgtui.core.hub.Hub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Findings of the review of issues 8 and 9 (REVIEW.md) in the SSH client, against the embedded MINA server. */
@Timeout(180)
class ReviewSshTest {

    @RegisterExtension
    static final SshServerExtension server = SshServerExtension.plain();

    @TempDir
    Path tmp;

    private SshOptions options;
    private final TestKeys keys = TestKeys.get();

    @BeforeEach
    void trustTheServer() throws IOException {
        Path knownHosts = tmp.resolve("known_hosts");
        Files.writeString(knownHosts, server.knownHostsLine());
        options = SshOptions.defaults().withKnownHosts(knownHosts).withConnectTimeout(Duration.ofSeconds(5));
    }

    /**
     * Finding R6 (low): SshHostShell.exec reads a command's stdout and stderr with readAllBytes,
     * with no bound. The hub's script refuses a config past Hub.MAX_CONFIG_BYTES (issue 8.14), but
     * the client takes whatever a host sends: a broken or hostile worker (or a login script that
     * prints without end) makes every fork of a run allocate until the JVM dies with an
     * OutOfMemoryError - the SPEC's "every input has a bound ... not an OutOfMemoryError". Here a
     * host prints twice the hub file's bound plus one byte; wgtui should stop reading and say so.
     */
    @Test
    void r6AHostThatPrintsPastAnyBoundIsAClearErrorNotAllReadIntoMemory() throws Exception {
        long past = SshHostShell.MAX_OUTPUT + 1;   // twice the hub file's bound and 1 MiB, plus one byte
        try (SshHostShell host = SshHostShell.connect(server.target("w1", keys.ed25519), options)) {
            Throwable t = catchThrowable(() -> {
                ExecResult r = host.exec("head -c " + past + " /dev/zero", Duration.ofSeconds(150));
                throw new AssertionError("read all " + r.stdout().length + " bytes of the output into memory");
            });
            assertThat(t).isInstanceOf(HostException.class).hasMessageContaining("w1");
        }
    }
}
