package dev.wgtui.cli;

import dev.wgtui.tui.Theme;
import dev.wgtui.tui.ThemeException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The root of the command tree ({@link CommandTree} puts the tree together): the global options,
 * the process's context, how output looks, and what {@code wgtui} with no command does.
 */
@Command(name = "wgtui", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, version = "wgtui 0.1.0",
        description = {"Terminal console for the WireGuard hub of a cluster.",
                "Lists every peer against the Ansible inventory, previews the merged hub config as a diff, "
                        + "and applies, validates or restores it without dropping the peers that were not part of the run."},
        exitCodeListHeading = "%nExit codes:%n")
public final class WgtuiCommand implements Callable<Integer> {

    /** What {@code wgtui} does given no command: {@code args} are the options it was given. */
    @FunctionalInterface
    public interface Home {
        int run(WgtuiCommand root, List<String> args) throws Exception;
    }

    /** The status table: what the command line alone does with no command. */
    public static final Home STATUS = (root, args) -> {
        CommandLine cl = root.spec.commandLine();
        int code = cl.execute(withCommand("status", args));
        cl.getOut().flush();
        return code;
    };

    @Mixin
    GlobalOptions options = new GlobalOptions();

    @Spec
    CommandSpec spec;

    private final Clock clock;
    private final Confirm confirm;
    private final WgtuiCommand sharedWith;
    private final Environment environment;
    private AppContext context;
    private Home home = STATUS;
    private Style style;

    /** A root for tests and the generators: plain UTF-8 output, not a terminal. */
    public WgtuiCommand(Clock clock, Confirm confirm) {
        this(clock, confirm, Environment.plain());
    }

    public WgtuiCommand(Clock clock, Confirm confirm, Environment environment) {
        this.clock = clock;
        this.confirm = confirm;
        this.sharedWith = null;
        this.environment = environment;
    }

    /**
     * A root for an interactive face (the shell, the dashboard's command line) of the same
     * process: it shares {@code parent}'s context, so its session and selection, starts every
     * line from {@code parent}'s options, asks through {@code confirm}, and a command given no
     * pattern works on the session's selection instead of on all workers. Its output is plain
     * until the face says how it looks ({@link #setStyle}).
     */
    public WgtuiCommand(WgtuiCommand parent, Confirm confirm) {
        this.clock = parent.clock;
        this.confirm = confirm;
        this.sharedWith = parent;
        this.environment = parent.environment;
        this.options = parent.options.copy();
    }

    /** True for the root of an interactive face: no pattern means the session's selection. */
    public boolean interactive() {
        return sharedWith != null;
    }

    public GlobalOptions options() {
        return options;
    }

    Confirm confirm() {
        return confirm;
    }

    public Clock clock() {
        return clock;
    }

    public Environment environment() {
        return environment;
    }

    /** Sets what {@code wgtui} with no command does (the dashboard, where there is one). */
    public void setHome(Home home) {
        this.home = home;
    }

    /** Sets how this root's output looks (a face that knows its terminal). */
    public void setStyle(Style style) {
        this.style = style;
    }

    /**
     * How output looks: ASCII markers when the locale is not UTF-8; diffs and verdicts in the
     * theme's colours on a terminal that takes colour, unless {@code NO_COLOR}. An interactive
     * root is plain unless its face set a style.
     */
    public Style style() throws ThemeException {
        if (style != null) {
            return style;
        }
        if (sharedWith != null) {
            return sharedWith.style().withoutColour();
        }
        style = styleFor(environment.colour());
        return style;
    }

    /**
     * Output in this environment's markers (ASCII when the locale is not UTF-8), in the theme's
     * colours when {@code colour}.
     */
    public Style styleFor(boolean colour) throws ThemeException {
        boolean unicode = environment.utf8();
        return colour ? Style.coloured(unicode, ThemeColours.of(theme(), ThemeColours.truecolour(environment)))
                : Style.plain(unicode);
    }

    /** The theme {@code --theme} names, else {@code theme} in the user's config, else default. */
    public Theme theme() throws ThemeException {
        String name = options.theme != null ? options.theme
                : UserConfig.load(UserConfig.path(environment.variables())).theme().orElse("default");
        return Theme.load(name, environment::get, Path.of(""));
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

    /** No command: what {@link #setHome} set, by default the status table. */
    @Override
    public Integer call() throws Exception {
        return home.run(this, spec.commandLine().getParseResult().originalArgs());
    }

    /** {@code command} followed by {@code args}. */
    public static String[] withCommand(String command, List<String> args) {
        String[] out = new String[args.size() + 1];
        out[0] = command;
        for (int i = 0; i < args.size(); i++) {
            out[i + 1] = args.get(i);
        }
        return out;
    }

    /** The command line's tree without the faces of other packages: see {@link CommandTree#commandLine}. */
    public static CommandLine commandLine(WgtuiCommand root) {
        return CommandTree.commandLine(root, List.of());
    }
}
