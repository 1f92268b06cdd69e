package dev.wgtui.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The tree itself: help on every command, exit codes, several patterns. */
class CommandTreeTest {

    @Test
    void everyCommandTakesHelp() {
        for (String command : new String[]{"status", "diff", "apply", "validate", "backups", "restore", "prune",
                "health", "drift"}) {
            CliRun r = CliRun.run(command, "--help");
            assertThat(r.exitCode()).as(command).isZero();
            assertThat(r.out()).as(command).startsWith("Usage: wgtui " + command);
        }
    }

    @Test
    void exitCodesInTheHelpAreTheEnumsOwn() {
        String help = CliRun.run("--help").out();
        for (ExitCode code : ExitCode.values()) {
            assertThat(help).contains(String.valueOf(code.code()));
        }
        assertThat(help).contains("refused as unsafe: not confirmed");
    }

    @Test
    void severalPatternsAreOneList() {
        CliRun r = CliRun.run("--demo", "diff", "cm4", "k8s-proxy");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Added: k8s-proxy").contains("Updated: cm4");
    }

    @Test
    void aGroupThatBringsInTheHubSaysNothingAboutIt() {
        assertThat(CliRun.run("--demo", "diff", "all").err()).isEmpty();
        assertThat(CliRun.run("--demo", "diff", "k8s,cm4").err()).isEqualTo("wgtui: not workers, ignored: k8s\n");
    }
}
