package dev.wgtui.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** wgtui run where there is no inventory.yml, and no -i: one line on what it looked for and what to do. */
class FirstRunTest {

    @BeforeAll
    static void noInventoryHere() {
        assertThat(GlobalOptions.DEFAULT_INVENTORY).as("this test runs where there is no inventory.yml").doesNotExist();
    }

    @Test
    void aCommandSaysWhereItLookedAndWhatToTry() {
        CliRun r = CliRun.run("status");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("wgtui: no inventory: no -i FILE given and no inventory.yml in "
                + Path.of("").toAbsolutePath() + "; name one with -i FILE, or try wgtui --demo\n");
    }

    @Test
    void noCommandAtAllSaysTheSame() {
        // No terminal here, so no command means the status table.
        CliRun r = CliRun.run();
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).startsWith("wgtui: no inventory: ").contains("-i FILE", "--demo").hasLineCount(1);
    }

    @Test
    void aFileNamedOnTheCommandLineIsReportedAsItself() {
        CliRun r = CliRun.run("-i", "missing.yml", "status");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).isEqualTo("wgtui: missing.yml: no such file\n");

        CliRun given = CliRun.run("status", "--inventory", "inventory.yml");
        assertThat(given.err()).isEqualTo("wgtui: inventory.yml: no such file\n");
    }

    @Test
    void theDemoNeedsNoInventory() {
        CliRun r = CliRun.run("--demo", "status");
        assertThat(r.exitCode()).isZero();
        assertThat(Files.exists(GlobalOptions.DEFAULT_INVENTORY)).isFalse();
    }
}
