package dev.wgtui.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The tree itself: help on every command, several patterns, names for completion scripts. */
class CommandTreeTest {

    @Test
    void everyCommandTakesHelp() {
        for (String command : new String[]{"status", "diff", "apply", "validate", "backups", "restore", "prune", "sort",
                "health", "drift", "shell", "help"}) {
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

    @Test
    void completeListsWorkersAndTheirGroupsWithDescriptions() {
        CliRun r = CliRun.run("--demo", "__complete", "hosts");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("cm4\tworker 10.0.0.3\ns2204\tworker 10.0.0.4\nk8s-proxy\tworker 10.0.0.21\n"
                + "all\tgroup of 3 workers\nworkers\tgroup of 3 workers\n");
        assertThat(CliRun.run("--demo", "__complete", "groups").out()).contains("control_plane\tgroup of 1 host\n");
        assertThat(CliRun.run("--demo", "__complete", "backups").out()).isEmpty();
    }

    @Test
    void completeIsSilentOnErrors() {
        CliRun r = CliRun.run("-i", "/nonexistent/inventory.yml", "__complete", "hosts");
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEmpty();
        assertThat(CliRun.run("--demo", "__complete", "nonsense").out()).isEmpty();
    }

    @Test
    void completeIsHidden() {
        assertThat(CliRun.run("--help").out()).doesNotContain("__complete").contains("shell");
    }
}
