package dev.wgtui.repl;

import dev.wgtui.testbed.Testbed;
import dev.wgtui.testbed.TestbedExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shell kept open against the testbed while the world changes under it: the hub's file edited
 * by someone else, a worker's key rotated. Each apply plans on a fresh read, so it neither fails
 * on the stale file nor misses the new key.
 */
@Tag("testbed")
@ExtendWith(TestbedExtension.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ShellTestbedTest {

    @TempDir
    Path dir;

    @Test
    void theSecondApplyAfterAnOutsideChangeSucceedsAndPicksUpTheRotatedKey(Testbed bed) throws Exception {
        bed.resetWireGuard();
        try (ShellOnTestbed shell = ShellOnTestbed.open(bed, dir)) {
            ShellOnTestbed.Run deploy = shell.run("apply all --workers --yes");
            assertThat(deploy.exitCode()).as(deploy.output()).isZero();

            for (int round = 1; round <= 2; round++) {
                String comment = shell.changeHubFileOutside();
                String key = shell.rotateKey("cm4");
                ShellOnTestbed.Run diff = shell.run("diff cm4");
                assertThat(diff.output()).as("round %d", round).contains("+PublicKey = " + key)
                        .doesNotContain("-" + comment);
                ShellOnTestbed.Run apply = shell.run("apply cm4 --yes");
                assertThat(apply.exitCode()).as("round %d: %s", round, apply.output()).isZero();
                assertThat(apply.output()).contains("Applied to k8s:/etc/wireguard/wg0.conf and reloaded")
                        .contains("Validation passed").doesNotContain("changed since the preview");
                List<String> changed = apply.output().lines().filter(l -> (l.startsWith("+") || l.startsWith("-"))
                        && !l.startsWith("+++") && !l.startsWith("---")).toList();
                assertThat(changed).as("only cm4's key changes").hasSize(2)
                        .allSatisfy(l -> assertThat(l.substring(1)).startsWith("PublicKey = "));
                assertThat(shell.runningPeers()).hasSize(3).contains(key);
                assertThat(shell.hubFile()).contains("PublicKey = " + key).contains(comment);
            }
        }
    }
}
