package dev.wgtui.cli;

import dev.wgtui.testbed.Testbed;
import dev.wgtui.testbed.TestbedExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding R4 of the review (REVIEW.md), for real on the testbed: when a worker has no key pair
 * yet, `apply` makes it after the operator confirmed and then plans again - and that second plan
 * reads every other worker's key again over SSH. What it writes to the hub is then not what was
 * shown, and one worker that fails at that moment refuses the whole apply.
 */
@Tag("testbed")
@ExtendWith(TestbedExtension.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewReplanTestbedTest {

    @TempDir
    Path dir;
    Testbed bed;
    Path inventory;

    @BeforeEach
    void cleanHosts(Testbed bed) throws IOException {
        this.bed = bed;
        bed.resetWireGuard();
        inventory = dir.resolve("inventory.yml");
        Files.writeString(inventory, TestbedExtension.sampleInventory(bed, "root", false));
    }

    /** Kills, by PID, every sshd process (listener and sessions) in {@code host}'s network namespace. */
    private void killSshdOf(String host) {
        try {
            Process p = new ProcessBuilder("ip", "netns", "pids", bed.namespace(host)).start();
            String pids = new String(p.getInputStream().readAllBytes());
            p.waitFor(10, TimeUnit.SECONDS);
            for (String pid : pids.split("\\s+")) {
                if (pid.isEmpty()) {
                    continue;
                }
                Path comm = Path.of("/proc", pid, "comm");
                if (Files.exists(comm) && Files.readString(comm).startsWith("sshd")) {
                    ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private CliRun apply(java.util.function.BiPredicate<String, String> confirm) {
        return CliRun.run(Clock.systemUTC(), Environment.plain(), confirm, "-i", inventory.toString(), "--known-hosts",
                bed.knownHosts().toString(), "apply", "all");
    }

    /**
     * cm4 has no key pair (made after the confirmation); s2204's key is K1 when the plan is shown
     * and is rotated while the operator reads it. The hub must get K1 - what was confirmed - or
     * nothing; today it gets K2, which the operator never saw.
     */
    @Test
    @Order(1)
    void r4ThePlanMadeAgainAfterKeyPairsAreMadeWritesOnlyKeysTheOperatorSaw() {
        String k1 = bed.wgSetup("s2204");
        bed.wgSetup("k8s-proxy");
        AtomicReference<String> shown = new AtomicReference<>("");
        AtomicReference<String> k2 = new AtomicReference<>("");

        CliRun run = apply((question, printed) -> {
            shown.set(printed);
            k2.set(bed.execOk("s2204", "wg genkey > /etc/wireguard/privatekey && wg pubkey < /etc/wireguard/privatekey"
                    + " | tee /etc/wireguard/publickey").strip());
            return true;
        });

        assertThat(shown.get()).as("the plan the operator confirmed").contains(k1).doesNotContain(k2.get());
        String written = bed.exec("k8s", "cat /etc/wireguard/wg0.conf").out();
        assertThat(written).as("the hub's file after `apply all` (exit %d)%n%s%s", run.exitCode(), run.out(), run.err())
                .doesNotContain(k2.get());
    }

    /**
     * cm4 has no key pair; s2204 answered when the plan was made and goes away while the operator
     * reads it. Issue 9: "a worker that is unreachable fails alone: the others and the hub go on".
     * Today the plan made again reads s2204 again, fails, and refuses the whole apply - after cm4's
     * key pair was made.
     */
    @Test
    @Order(2) // last: it stops s2204's sshd
    void r4AWorkerThatGoesAwayAfterTheConfirmationDoesNotStopTheHubsApply() {
        bed.wgSetup("s2204");
        String proxy = bed.wgSetup("k8s-proxy");

        CliRun run = apply((question, printed) -> {
            // every sshd of s2204's namespace (the listener and this run's session), by PID
            killSshdOf("s2204");
            return true;
        });

        String written = bed.exec("k8s", "cat /etc/wireguard/wg0.conf").out();
        assertThat(written).as("the hub's file after `apply all` (exit %d)%n%s%s", run.exitCode(), run.out(), run.err())
                .contains(proxy).contains("# cm4");
    }
}
