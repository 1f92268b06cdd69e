package dev.wgtui.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The one place wgtui's command tree is put together. The command line ({@link #commandLine})
 * and the interactive faces, the shell and the dashboard's {@code :} line
 * ({@link #interactive}), both start from {@link #COMMANDS}; the faces that need the shell or
 * the dashboard are added by the caller, so this package needs neither.
 */
public final class CommandTree {

    /** The commands of every face, in the order help lists them. A new command is added here. */
    static final List<Supplier<Object>> COMMANDS = List.of(StatusCommand::new, DiffCommand::new, ApplyCommand::new,
            ValidateCommand::new, BackupsCommand::new, RestoreCommand::new, PruneCommand::new, SortCommand::new,
            HealthCommand::new, DriftCommand::new);

    /**
     * Global options that hold for a whole session: the shell and the {@code :} line take them
     * when they start, so a line cannot change them (only {@code --json} and {@code --yes} are
     * per line there).
     */
    static final Set<String> SESSION_OPTIONS = Set.of("--inventory", "--local", "--demo", "--preview", "--verbose",
            "--known-hosts", "--control-plane-group", "--workers-group", "--turn-off-saveconfig", "--theme", "--forks");

    private CommandTree() {
    }

    /**
     * The command line's tree: every command, then {@code faces} (such as {@code shell}), then
     * {@code help} and the hidden {@code __complete}; with wgtui's exit codes and one-line errors.
     */
    public static CommandLine commandLine(WgtuiCommand root, List<Object> faces) {
        CommandLine cl = new CommandLine(root);
        COMMANDS.forEach(c -> cl.addSubcommand(c.get()));
        faces.forEach(cl::addSubcommand);
        cl.addSubcommand(new HelpCommand());
        cl.addSubcommand(new CompleteCommand());
        return wired(cl);
    }

    /**
     * The tree to run {@code args} with: when they name a command after global options only
     * ({@code wgtui -i inv.yml status cm4}), the root and that command, since building every
     * command's model costs more than running most of them; for any other line (no command,
     * {@code --help}, a word that is no command) the whole tree. Either parses {@code args} alike.
     */
    public static CommandLine commandLineFor(WgtuiCommand root, List<Object> faces, String... args) {
        String name = commandName(args);
        // help and __complete list the whole tree's commands
        if (name != null && !name.equals("help") && !name.equals("__complete")) {
            List<Object> all = new ArrayList<>();
            COMMANDS.forEach(c -> all.add(c.get()));
            all.addAll(faces);
            all.add(new HelpCommand());
            all.add(new CompleteCommand());
            for (Object command : all) {
                CommandLine.Command c = command.getClass().getAnnotation(CommandLine.Command.class);
                if (c.name().equals(name) || List.of(c.aliases()).contains(name)) {
                    CommandLine cl = new CommandLine(root);
                    cl.addSubcommand(command);
                    return wired(cl);
                }
            }
        }
        return commandLine(root, faces);
    }

    /** The first word of {@code args} after global options, or null when something else comes first. */
    static String commandName(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-")) {
                return arg;
            }
            if (arg.startsWith("--") && arg.indexOf('=') > 0
                    && GlobalOptions.WITH_VALUE.contains(arg.substring(0, arg.indexOf('=')))) {
                continue;
            }
            if (GlobalOptions.WITH_VALUE.contains(arg)) {
                i++;
            } else if (!GlobalOptions.FLAGS.contains(arg)) {
                return null;
            }
        }
        return null;
    }

    /** wgtui's exit codes in every command's help, and its one-line errors. */
    private static CommandLine wired(CommandLine cl) {
        listExitCodes(cl, exitCodeList());
        cl.setExecutionStrategy(new TellingReports(cl));
        cl.setExecutionExceptionHandler(new OneLineErrors());
        cl.setParameterExceptionHandler(new UsageErrors(cl, false));
        return cl;
    }

    // The handlers are classes, not lambdas: picocli's interfaces are Java 5 classes, and the
    // JDK 17 class-data archive (./wgtui's start-up archive) crashes on a lambda implementing one.

    /** Runs the command, then tells what the hub reported of commits whose client was gone. */
    private static final class TellingReports implements CommandLine.IExecutionStrategy {
        private final CommandLine tree;

        TellingReports(CommandLine tree) {
            this.tree = tree;
        }

        @Override
        public int execute(CommandLine.ParseResult parsed) {
            try {
                return new CommandLine.RunLast().execute(parsed);
            } finally {
                // whatever the command was
                ((WgtuiCommand) tree.getCommand()).context().tellUnshownReports(tree.getErr());
            }
        }
    }

    /** A command's failure as one line with its exit code ({@link #handle}). */
    private static final class OneLineErrors implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
            return handle(ex, cl, parsed);
        }
    }

    /** A mistyped line: one line, and where help is (the CLI's wording or an interactive face's). */
    private static final class UsageErrors implements CommandLine.IParameterExceptionHandler {
        private final CommandLine tree;
        private final boolean interactive;

        UsageErrors(CommandLine tree, boolean interactive) {
            this.tree = tree;
            this.interactive = interactive;
        }

        @Override
        public int handleParseException(ParameterException ex, String[] args) {
            CommandLine where = ex.getCommandLine();
            PrintWriter err = where.getErr();
            if (interactive) {
                err.println("wgtui: " + message(ex) + (where == tree ? " (help lists the commands)"
                        : " (help " + where.getCommandName() + " shows its options)"));
            } else {
                err.println("wgtui: " + message(ex));
                err.println("Try 'wgtui " + (where == tree ? "" : where.getCommandName() + " ")
                        + "--help' for more information.");
            }
            return ExitCode.USAGE.code();
        }
    }

    /**
     * The tree of an interactive face: every command and {@code help}, without the options that
     * hold for the whole session (Tab does not offer them; typed, they are refused with a word
     * on where they go), errors as one line that points to {@code help}. The face adds its own
     * commands ({@code select}, {@code quit}).
     */
    public static CommandLine interactive(WgtuiCommand root) {
        CommandLine cl = new CommandLine(root);
        COMMANDS.forEach(c -> cl.addSubcommand(c.get()));
        cl.addSubcommand(new HelpCommand());
        withoutSessionOptions(cl);
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cl.setExecutionExceptionHandler(new OneLineErrors());
        cl.setParameterExceptionHandler(new UsageErrors(cl, true));
        return cl;
    }

    /**
     * Adds a face's own command ({@code select}, {@code quit}) to an interactive tree. Of the
     * global options it takes only {@code --help}: the others mean nothing to it.
     */
    public static CommandLine addInteractive(CommandLine tree, Object command) {
        CommandLine sub = new CommandLine(command);
        tree.addSubcommand(sub);
        CommandSpec spec = sub.getCommandSpec();
        for (OptionSpec o : List.copyOf(spec.options())) {
            if ((o.inherited() || o.versionHelp()) && !o.usageHelp()) {
                spec.remove(o);
            }
        }
        spec.usageMessage().exitCodeListHeading("");
        sub.setColorScheme(tree.getColorScheme());
        sub.setExecutionExceptionHandler(tree.getExecutionExceptionHandler());
        sub.setParameterExceptionHandler(tree.getParameterExceptionHandler());
        return sub;
    }

    private static void withoutSessionOptions(CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        spec.usageMessage().exitCodeListHeading("");
        for (OptionSpec o : List.copyOf(spec.options())) {
            if (SESSION_OPTIONS.contains(o.longestName())) {
                spec.remove(o);
            }
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            withoutSessionOptions(sub);
        }
    }

    /** The visible subcommands of {@code tree}, each once, in the order they were added. */
    public static List<CommandLine> visible(CommandLine tree) {
        Map<CommandLine, Boolean> seen = new IdentityHashMap<>();
        List<CommandLine> out = new ArrayList<>();
        for (CommandLine sub : tree.getSubcommands().values()) {
            if (!sub.getCommandSpec().usageMessage().hidden() && seen.put(sub, Boolean.TRUE) == null) {
                out.add(sub);
            }
        }
        return out;
    }

    /** A parameter error in one line, with the closest command or option when the word was mistyped. */
    static String message(ParameterException ex) {
        if (!(ex instanceof UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) {
            return ex.getMessage();
        }
        String word = u.getUnmatched().get(0);
        CommandLine where = ex.getCommandLine();
        if (word.startsWith("-")) {
            String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
            String session = name.equals("-i") ? "--inventory" : name.equals("-v") ? "--verbose"
                    : name.equals("-f") ? "--forks" : name;
            if (SESSION_OPTIONS.contains(session)) {
                boolean flag = Set.of("--demo", "--verbose", "--turn-off-saveconfig").contains(session);
                return name + " is set for the whole session when it starts (wgtui " + session + (flag ? "" : " ...")
                        + " shell); a line cannot change it";
            }
            List<String> options = new ArrayList<>();
            where.getCommandSpec().options().forEach(o -> options.addAll(List.of(o.names())));
            return "unknown option '" + name + "'" + Suggestions.didYouMean(Suggestions.closest(name, options));
        }
        if (where.getCommandSpec().positionalParameters().isEmpty() && !where.getSubcommands().isEmpty()) {
            List<String> commands = new ArrayList<>();
            visible(where).forEach(c -> {
                commands.add(c.getCommandName());
                commands.addAll(List.of(c.getCommandSpec().aliases()));
            });
            return "unknown command '" + word + "'" + Suggestions.didYouMean(Suggestions.closest(word, commands));
        }
        return ex.getMessage();
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
        ExitCode code = ExitCode.of(ex);
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        if (code == ExitCode.INTERNAL) {
            org.slf4j.LoggerFactory.getLogger(CommandTree.class).error("unexpected error", ex);
            message = "internal error: " + message;
        }
        if (ex instanceof dev.wgtui.core.inventory.InventoryException e && noInventoryGiven(e, parsed)) {
            message = "no inventory: no -i FILE given and no " + GlobalOptions.DEFAULT_INVENTORY + " in "
                    + java.nio.file.Path.of("").toAbsolutePath() + "; name one with -i FILE, or try wgtui --demo";
        }
        // A message may quote a line of the hub's file or a name from the inventory.
        err.println("wgtui: " + TextViews.printable(message));
        if (ex instanceof dev.wgtui.core.hub.HubException h && h.kind() == dev.wgtui.core.hub.HubException.Kind.CONFLICT) {
            err.println("wgtui: nothing written");
        }
        err.flush();
        return code.code();
    }

    /** True when {@code e} is about the default inventory, which is missing, and no {@code -i} was given. */
    private static boolean noInventoryGiven(dev.wgtui.core.inventory.InventoryException e,
                                            CommandLine.ParseResult parsed) {
        if (!e.file().map(GlobalOptions.DEFAULT_INVENTORY::equals).orElse(false)
                || java.nio.file.Files.exists(GlobalOptions.DEFAULT_INVENTORY)) {
            return false;
        }
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--inventory")) {
                return false;
            }
        }
        return true;
    }
}
