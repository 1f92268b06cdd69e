package dev.wgtui.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;

/** Options every command takes; they may stand before or after the command name. */
public final class GlobalOptions {

    @Option(names = {"-i", "--inventory"}, paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Ansible inventory: YAML, INI or the JSON of ansible-inventory --list (default: ${DEFAULT-VALUE})")
    public Path inventory = Path.of("inventory.yml");

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
