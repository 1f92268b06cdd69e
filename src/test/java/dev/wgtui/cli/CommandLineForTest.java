package dev.wgtui.cli;

import dev.wgtui.app.App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The tree built for one command line runs it exactly as the whole tree does. */
class CommandLineForTest {

    @Test
    void theGlobalOptionNamesAreThoseOfTheTree() {
        CommandSpec root = App.commandLine(new WgtuiCommand(CliRun.CLOCK, q -> false)).getCommandSpec();
        Set<String> withValue = new HashSet<>();
        Set<String> flags = new HashSet<>();
        for (CommandSpec mixin : root.mixins().values()) {
            if (!(mixin.userObject() instanceof GlobalOptions)) {
                continue;
            }
            for (OptionSpec option : mixin.options()) {
                (option.arity().max() > 0 ? withValue : flags).addAll(Arrays.asList(option.names()));
            }
        }
        assertThat(withValue).as("global options with a value").isEqualTo(GlobalOptions.WITH_VALUE);
        assertThat(flags).as("global flags").isEqualTo(GlobalOptions.FLAGS);
    }

    @Test
    void aLineThatNamesACommandGetsTheRootAndThatCommand() {
        CommandLine status = App.commandLineFor(new WgtuiCommand(CliRun.CLOCK, q -> false),
                "-i", "x.yml", "--json", "--workers-group=w", "status", "cm4");
        assertThat(commands(status)).containsExactly("status");
        assertThat(status.getSubcommands().get("status").getCommandSpec().findOption("--inventory"))
                .as("global options are inherited as in the whole tree").isNotNull();
        for (String[] line : new String[][]{{}, {"--help"}, {"-h", "status"}, {"statsu"}, {"--", "status"},
                {"-vy", "status"}, {"--demo=true", "status"}}) {
            CommandLine whole = App.commandLineFor(new WgtuiCommand(CliRun.CLOCK, q -> false), line);
            assertThat(commands(whole)).as(String.join(" ", line))
                    .isEqualTo(commands(App.commandLine(new WgtuiCommand(CliRun.CLOCK, q -> false))));
        }
    }

    @Test
    void everyCommandCanBeTheOne() {
        for (String name : commands(App.commandLine(new WgtuiCommand(CliRun.CLOCK, q -> false)))) {
            if (name.equals("help") || name.equals("__complete")) {
                continue; // they list every command: they get the whole tree
            }
            CommandLine cl = App.commandLineFor(new WgtuiCommand(CliRun.CLOCK, q -> false), "--demo", name);
            assertThat(commands(cl)).containsExactly(name);
        }
        CommandLine byAlias = App.commandLineFor(new WgtuiCommand(CliRun.CLOCK, q -> false), "peers");
        assertThat(commands(byAlias)).containsExactly("status");
    }

    /** The names of the distinct commands under the root (without aliases). */
    private static List<String> commands(CommandLine root) {
        return root.getSubcommands().values().stream().distinct().map(CommandLine::getCommandName).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "--demo status", "--demo --json status", "--demo -v drift", "--demo diff cm4 k8s-proxy",
            "--demo diff --workers", "--demo validate", "--demo backups", "--demo health",
            "--demo prune", "--demo --yes apply s2204", "--demo restore nosuch", "--demo __complete backups",
            "--demo status --help", "--demo status --nope", "--demo statsu", "--help", "-h", "--version",
            "--demo shell --help", "status", "--demo peers", "--demo diff --yes nosuchhost", "-i", "--demo status cm4 extra",
    })
    void runsTheLineAsTheWholeTreeDoes(String line) {
        String[] args = line.split(" ");
        CliRun one = CliRun.run(CliRun.CLOCK, q -> false, false, args);
        CliRun whole = CliRun.run(CliRun.CLOCK, q -> false, true, args);
        assertThat(one.exitCode()).as("exit code").isEqualTo(whole.exitCode());
        assertThat(demoless(one.out())).isEqualTo(demoless(whole.out()));
        assertThat(demoless(one.err())).isEqualTo(demoless(whole.err()));
    }

    /** The demo's files are in a fresh temporary directory each run. */
    private static String demoless(String text) {
        return text.replaceAll("wgtui-demo-[0-9]+", "wgtui-demo-N");
    }
}
