package dev.wgtui.cli;

import dev.wgtui.core.config.ConfigException;
import dev.wgtui.core.host.HostException;
import dev.wgtui.core.hub.HubException;
import dev.wgtui.core.inventory.InventoryException;
import dev.wgtui.core.session.PlanRefused;
import dev.wgtui.tui.Dashboard;
import dev.wgtui.tui.Theme;
import dev.wgtui.tui.ThemeException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * The command tree: the one registry of wgtui's commands. The command line runs it, and the
 * REPL, dashboard, help, man page and completions are made from it.
 */
@Command(name = "wgtui", mixinStandardHelpOptions = true, version = "wgtui 0.1.0",
        description = {"Terminal console for the WireGuard hub of a cluster.",
                "Lists every peer against the Ansible inventory, previews the merged hub config as a diff, "
                        + "and applies, validates or restores it without dropping the peers that were not part of the run."},
        subcommands = {StatusCommand.class, DiffCommand.class, ApplyCommand.class, ValidateCommand.class,
                BackupsCommand.class, RestoreCommand.class, PruneCommand.class, HealthCommand.class,
                DriftCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:check failed (validation, drift, health); apply rolled back",
                "2:bad command line or input (inventory, config, unknown host or backup)",
                "3:refused as unsafe (not confirmed, changed since preview, locked, rule broken)",
                "4:host unreachable or command failed there", "5:host key unknown or changed",
                "70:internal error"})
public final class WgtuiCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions options = new GlobalOptions();

    @Spec
    CommandSpec spec;

    private final Clock clock;
    private final Confirm confirm;
    private AppContext context;

    public WgtuiCommand(Clock clock, Confirm confirm) {
        this.clock = clock;
        this.confirm = confirm;
    }

    GlobalOptions options() {
        return options;
    }

    Confirm confirm() {
        return confirm;
    }

    /** The context of this run, opened on first use. */
    public AppContext context() {
        if (context == null) {
            context = new AppContext(options, clock);
        }
        return context;
    }

    /** Runs a line typed at the dashboard's {@code :} prompt; set by the REPL layer. */
    private Function<String, String> commandRunner = Dashboard.NO_COMMANDS;

    public void setCommandRunner(Function<String, String> runner) {
        this.commandRunner = runner;
    }

    /** No command: the dashboard on a terminal, else the status table. */
    @Override
    public Integer call() throws Exception {
        if (System.console() == null || options.json) {
            return spec.commandLine().execute(concat("status", spec.commandLine().getParseResult().originalArgs()));
        }
        Theme theme = Theme.load(options.theme == null ? "default" : options.theme);
        Dashboard.run(context().session(), theme, commandRunner);
        return ExitCode.OK.code();
    }

    private static String[] concat(String first, java.util.List<String> rest) {
        String[] out = new String[rest.size() + 1];
        out[0] = first;
        for (int i = 0; i < rest.size(); i++) {
            out[i + 1] = rest.get(i);
        }
        return out;
    }

    /** A command line wired with wgtui's exit codes and one-line error messages. */
    public static CommandLine commandLine(WgtuiCommand root) {
        CommandLine cl = new CommandLine(root);
        cl.setExecutionExceptionHandler(WgtuiCommand::handle);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("wgtui: " + ex.getMessage());
            err.println("Try 'wgtui " + (ex.getCommandLine() == cl ? "" : ex.getCommandLine().getCommandName() + " ")
                    + "--help' for more information.");
            return ExitCode.USAGE.code();
        });
        return cl;
    }

    private static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        ExitCode code = exitCodeOf(ex);
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        if (code == ExitCode.INTERNAL) {
            org.slf4j.LoggerFactory.getLogger(WgtuiCommand.class).error("unexpected error", ex);
            message = "internal error: " + message;
        }
        err.println("wgtui: " + message);
        if (ex instanceof HubException h && h.kind() == HubException.Kind.CONFLICT) {
            err.println("wgtui: nothing written");
        }
        err.flush();
        return code.code();
    }

    /** The exit code for an exception thrown by a command. */
    public static ExitCode exitCodeOf(Throwable ex) {
        if (ex instanceof ConfigException || ex instanceof InventoryException || ex instanceof IllegalArgumentException
                || ex instanceof ThemeException) {
            return ExitCode.USAGE;
        }
        if (ex instanceof PlanRefused) {
            return ExitCode.REFUSED;
        }
        if (ex instanceof HubException h) {
            return switch (h.kind()) {
                case CONFLICT, LOCKED -> ExitCode.REFUSED;
                case HOST_KEY -> ExitCode.HOST_KEY;
                case FILE -> ExitCode.USAGE;
                case HOST, RELOAD -> ExitCode.HOST;
            };
        }
        if (ex instanceof HostException h) {
            return h.kind() == HostException.Kind.HOST_KEY ? ExitCode.HOST_KEY : ExitCode.HOST;
        }
        return ExitCode.INTERNAL;
    }
}
