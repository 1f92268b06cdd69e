package dev.wgtui.cli;

import dev.wgtui.core.config.ConfigException;
import dev.wgtui.core.host.HostException;
import dev.wgtui.core.hub.HubException;
import dev.wgtui.core.inventory.InventoryException;
import dev.wgtui.core.session.PlanRefused;
import dev.wgtui.core.session.Session;
import dev.wgtui.repl.CommandRunner;
import dev.wgtui.tui.Dashboard;
import dev.wgtui.tui.Theme;
import dev.wgtui.tui.ThemeException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The command tree: the one registry of wgtui's commands. The command line runs it, and the
 * REPL, dashboard, help, man page and completions are made from it.
 */
@Command(name = "wgtui", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, version = "wgtui 0.1.0",
        description = {"Terminal console for the WireGuard hub of a cluster.",
                "Lists every peer against the Ansible inventory, previews the merged hub config as a diff, "
                        + "and applies, validates or restores it without dropping the peers that were not part of the run."},
        subcommands = {StatusCommand.class, DiffCommand.class, ApplyCommand.class, ValidateCommand.class,
                BackupsCommand.class, RestoreCommand.class, PruneCommand.class, HealthCommand.class,
                DriftCommand.class, dev.wgtui.repl.ShellCommand.class, CompleteCommand.class},
        exitCodeListHeading = "%nExit codes:%n")
public final class WgtuiCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions options = new GlobalOptions();

    @Spec
    CommandSpec spec;

    private final Clock clock;
    private final Confirm confirm;
    private final WgtuiCommand sharedWith;
    private AppContext context;

    public WgtuiCommand(Clock clock, Confirm confirm) {
        this.clock = clock;
        this.confirm = confirm;
        this.sharedWith = null;
    }

    /**
     * A root for an interactive face (the shell, the dashboard's command line) of the same
     * process: it shares {@code parent}'s context, so its session and selection, starts every
     * line from {@code parent}'s options, asks through {@code confirm}, and a command given no
     * pattern works on the session's selection instead of on all workers.
     */
    public WgtuiCommand(WgtuiCommand parent, Confirm confirm) {
        this.clock = parent.clock;
        this.confirm = confirm;
        this.sharedWith = parent;
        this.options = parent.options.copy();
    }

    /** True for the root of an interactive face: no pattern means the session's selection. */
    public boolean interactive() {
        return sharedWith != null;
    }

    GlobalOptions options() {
        return options;
    }

    Confirm confirm() {
        return confirm;
    }

    /** The context of this run, opened on first use. */
    public AppContext context() {
        if (sharedWith != null) {
            return sharedWith.context();
        }
        if (context == null) {
            context = new AppContext(options, clock);
        }
        return context;
    }

    /**
     * No command: the dashboard on a terminal, else the status table; on a terminal that cannot
     * draw a screen ({@code TERM=dumb}) the status table and then the line shell.
     */
    @Override
    public Integer call() throws Exception {
        if (System.console() == null || options.json) {
            return spec.commandLine().execute(concat("status", spec.commandLine().getParseResult().originalArgs()));
        }
        if (!dev.wgtui.tui.Terminals.fullScreen(System::getenv)) {
            java.util.List<String> args = java.util.List.copyOf(spec.commandLine().getParseResult().originalArgs());
            int code = spec.commandLine().execute(concat("status", args));
            spec.commandLine().getOut().flush();
            spec.commandLine().getErr().flush();
            return code != ExitCode.OK.code() && code != ExitCode.CHECK_FAILED.code() ? code
                    : spec.commandLine().execute(concat("shell", args));
        }
        String themeName = options.theme != null ? options.theme
                : UserConfig.load(UserConfig.path(System.getenv())).theme().orElse("default");
        Theme theme = Theme.load(themeName);
        // The `:` line runs the shell's commands on this session; a write there shows its plan and
        // asks in a dialog. SSH questions (an unknown worker's host key) are asked in a dialog too.
        AtomicReference<Dashboard> open = new AtomicReference<>();
        CommandRunner runner = new CommandRunner(this, new Confirm() {
            @Override
            public boolean ask(String question) {
                return open.get() != null && open.get().confirm(question);
            }

            @Override
            public boolean ask(String question, dev.wgtui.core.plan.Plan plan) {
                return open.get() != null && open.get().confirmPlan(question, plan);
            }
        });
        Session session = context().session();
        try {
            Dashboard.run(session, theme, line -> {
                CommandRunner.Captured c = runner.capture(line);
                return new dev.wgtui.tui.Commands.Result(c.out(), c.err(), c.exitCode(), c.quit());
            }, dashboard -> {
                open.set(dashboard);
                context().setHostKeyPrompt(dashboard::confirmHostKey);
            });
        } finally {
            context().setHostKeyPrompt(TerminalPrompts.hostKey());
        }
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
        listExitCodes(cl, exitCodeList());
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

    /** The exit codes and their meanings from {@link ExitCode}, for every command's help. */
    private static Map<String, String> exitCodeList() {
        Map<String, String> codes = new LinkedHashMap<>();
        for (ExitCode c : ExitCode.values()) {
            codes.put(String.valueOf(c.code()), c.meaning());
        }
        return codes;
    }

    private static void listExitCodes(CommandLine cl, Map<String, String> codes) {
        cl.getCommandSpec().usageMessage().exitCodeList(codes);
        cl.getSubcommands().values().forEach(sub -> listExitCodes(sub, codes));
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
