package dev.wgtui.repl;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tab in the shell, key by key: commands, options, hosts and groups, backups. */
class ReplCompletionTest {

    private static String complete(String typed) {
        try (ShellFixture shell = ShellFixture.demo(typed + "\t\n")) {
            return shell.readLine();
        }
    }

    @Test
    void completesACommandName() {
        assertThat(complete("ap")).isEqualTo("apply ");
        assertThat(complete("sel")).isEqualTo("select ");
        assertThat(complete("pee")).isEqualTo("peers ");
    }

    @Test
    void completesAWorkerForApply() {
        assertThat(complete("apply c")).isEqualTo("apply cm4 ");
        assertThat(complete("diff s")).isEqualTo("diff s2204 ");
    }

    @Test
    void completesForAnAliasAndAfterOptions() {
        assertThat(complete("preview c")).isEqualTo("preview cm4 ");
        assertThat(complete("apply --yes c")).isEqualTo("apply --yes cm4 ");
        assertThat(complete("apply --json c")).isEqualTo("apply --json cm4 ");
    }

    @Test
    void offersNoOptionTheShellTookWhenItStarted() {
        // -i, --local, --theme ... hold for the whole session: a line cannot change them
        assertThat(complete("status --inv")).isEqualTo("status --inv");
        assertThat(complete("status --loc")).isEqualTo("status --loc");
        assertThat(complete("diff --the")).isEqualTo("diff --the");
        assertThat(complete("diff --work")).isEqualTo("diff --workers ");
        assertThat(complete("status --js")).isEqualTo("status --json ");
    }

    @Test
    void completesAGroupForSelect() {
        assertThat(complete("select wor")).isEqualTo("select workers ");
    }

    @Test
    void leavesTheHubAndGroupsWithoutWorkersOut() {
        // k8s is the hub and control_plane holds only the hub: selecting them selects no worker
        assertThat(complete("apply k8s-")).isEqualTo("apply k8s-proxy ");
        assertThat(complete("select co")).isEqualTo("select co");
    }

    @Test
    void completesTheLastElementOfAPatternList() {
        assertThat(complete("apply cm4,s")).isEqualTo("apply cm4,s2204 ");
        assertThat(complete("select workers:!c")).isEqualTo("select workers:!cm4 ");
        assertThat(complete("select cm4 s2")).isEqualTo("select cm4 s2204 ");
    }

    @Test
    void completesOptionsOfTheCommand() {
        assertThat(complete("restore --di")).isEqualTo("restore --diff ");
        assertThat(complete("apply --ye")).isEqualTo("apply --yes ");
    }

    @Test
    void completesCommandNamesForHelp() {
        assertThat(complete("help rest")).isEqualTo("help restore ");
    }

    @Test
    void completesABackupOfTheHubForRestore() {
        try (ShellFixture shell = ShellFixture.demo("restore wg\t\n")) {
            assertThat(shell.repl.runner().run("apply cm4 --yes")).contains("backup wg0.conf.20261126T031500Z.backup");
            assertThat(shell.readLine()).isEqualTo("restore wg0.conf.20261126T031500Z.backup ");
        }
    }

    @Test
    void offersNoBackupWhenThereIsNone() {
        assertThat(complete("restore wg")).isEqualTo("restore wg");
    }
}
