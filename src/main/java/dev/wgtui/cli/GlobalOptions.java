package dev.wgtui.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;
import java.util.Set;

/** Options every command takes; they may stand before or after the command name. */
public final class GlobalOptions {

    /** The inventory read when no {@code -i} is given: {@code inventory.yml} in the working directory. */
    public static final Path DEFAULT_INVENTORY = Path.of("inventory.yml");

    /**
     * The names of the options below that take a value ({@code -i FILE}, {@code --inventory=FILE}),
     * for what reads a command line before picocli does ({@link QuickComplete},
     * {@link CommandTree#commandLineFor}); a test keeps them equal to the annotations.
     */
    static final Set<String> WITH_VALUE = Set.of("-i", "--inventory", "--local", "--preview", "--known-hosts",
            "--control-plane-group", "--workers-group", "--theme", "-f", "--forks");
    /** The names of the options below that take none. */
    static final Set<String> FLAGS = Set.of("--demo", "--json", "-y", "--yes", "-v", "--verbose",
            "--turn-off-saveconfig");

    @Option(names = {"-i", "--inventory"}, paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Ansible inventory: YAML, INI or the JSON of ansible-inventory --list (default: ${DEFAULT-VALUE})")
    public Path inventory = DEFAULT_INVENTORY;

    @Option(names = "--local", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Use this wg0.conf on this machine instead of the hub over SSH (also for running on the control plane itself)")
    public Path local;

    @Option(names = "--demo", scope = ScopeType.INHERIT,
            description = "Run on the built-in sample cluster (a copy in a temporary directory; no SSH, no root)")
    public boolean demo;

    @Option(names = "--preview", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Where a dry-run leaves the preview (default: /tmp/<interface>.conf.preview on the hub)")
    public String preview;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print machine-readable JSON")
    public boolean json;

    @Option(names = {"-y", "--yes"}, scope = ScopeType.INHERIT, description = "Do not ask for confirmation")
    public boolean yes;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Show each command run on a host as [#] ... (secrets hidden), and every peer in results, "
                    + "not only those that are not ok")
    public boolean verbose;

    @Option(names = {"-f", "--forks"}, paramLabel = "N", scope = ScopeType.INHERIT,
            description = "How many workers to work on at once, as Ansible's forks (default: ${DEFAULT-VALUE})")
    public int forks = dev.wgtui.remote.RemoteWorkerKeys.DEFAULT_FORKS;

    @Option(names = "--known-hosts", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "known_hosts file to verify host keys against (default: ~/.ssh/known_hosts)")
    public Path knownHosts;

    @Option(names = "--control-plane-group", paramLabel = "GROUP", scope = ScopeType.INHERIT,
            description = "Inventory group of the hub (default: ${DEFAULT-VALUE})")
    public String hubGroup = "control_plane";

    @Option(names = "--workers-group", paramLabel = "GROUP", scope = ScopeType.INHERIT,
            description = "Inventory group of the workers (default: ${DEFAULT-VALUE})")
    public String workerGroup = "workers";

    @Option(names = "--turn-off-saveconfig", scope = ScopeType.INHERIT,
            description = "Agree to set SaveConfig = false in a hub config that has SaveConfig = true")
    public boolean turnOffSaveConfig;

    @Option(names = "--theme", paramLabel = "NAME", scope = ScopeType.INHERIT, completionCandidates = Completions.Themes.class,
            description = "Colour theme from themes/ (default, light, high-contrast, mono) for the dashboard and for diffs on a terminal, else theme = NAME in ~/.config/wgtui/config; NO_COLOR gives mono")
    public String theme;

    /**
     * A copy with the same values. A second face of the same process (the shell) starts each
     * line from these instead of the built-in defaults, since picocli resets options per parse.
     */
    public GlobalOptions copy() {
        GlobalOptions c = new GlobalOptions();
        try {
            for (java.lang.reflect.Field f : GlobalOptions.class.getDeclaredFields()) {
                if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                    f.set(c, f.get(this));
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        return c;
    }
}
