package dev.wgtui.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.wgtui.LogSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing may reach the terminal behind the TUI: sshj logs through slf4j-simple, which writes to
 * stderr unless told otherwise. Each case runs {@link LogProbe} in a fresh JVM, because
 * slf4j-simple reads its settings once per JVM.
 */
@Timeout(30)
class SshLoggingTest {

    @TempDir
    Path tmp;

    private record Run(String stdout, String stderr, int exitCode) {}

    private static Run probe(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                LogProbe.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove(LogSetup.DEBUG_ENV);
        pb.environment().putAll(env);
        Process p = pb.start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new Run(out, new String(err.join(), StandardCharsets.UTF_8), p.exitValue());
    }

    @Test
    void withoutInitSshjWritesNothingToTheTerminal() throws Exception {
        Run run = probe(Map.of());
        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void initSendsWarningsToTheLogFileAndNothingToTheTerminal() throws Exception {
        Path log = tmp.resolve("state/wgtui/wgtui.log");

        Run run = probe(Map.of(), log.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(run.stdout()).isEmpty();
        String logged = Files.readString(log);
        assertThat(logged).contains("not-a-known-hosts-line", "probe error", "probe warn")
                .doesNotContain("probe info", "probe debug");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log.getParent()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
    }

    @Test
    void wgtuiDebugLogsAtDebugLevel() throws Exception {
        Path log = tmp.resolve("wgtui.log");

        Run run = probe(Map.of(LogSetup.DEBUG_ENV, "1"), log.toString());

        assertThat(run.stderr()).isEmpty();
        assertThat(Files.readString(log)).contains("probe info", "probe debug");
    }

    @Test
    void unwritableLogFileTurnsLoggingOffInsteadOfUsingTheTerminal() throws Exception {
        Path blocker = tmp.resolve("not-a-dir");
        Files.writeString(blocker, "");

        Run run = probe(Map.of(), blocker.resolve("wgtui.log").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void defaultLogFileFollowsXdgStateHome() {
        Path home = Path.of("/home/op");
        assertThat(LogSetup.defaultLogFile(Map.of(), home))
                .isEqualTo(Path.of("/home/op/.local/state/wgtui/wgtui.log"));
        assertThat(LogSetup.defaultLogFile(Map.of("XDG_STATE_HOME", "/var/state"), home))
                .isEqualTo(Path.of("/var/state/wgtui/wgtui.log"));
        assertThat(LogSetup.defaultLogFile(Map.of("XDG_STATE_HOME", "relative/state"), home))
                .isEqualTo(Path.of("/home/op/.local/state/wgtui/wgtui.log"));
    }
}
