package dev.wgtui.cli;

import java.util.List;

/**
 * One key of the dashboard and what it does, as the help screen, the footer and the man page's
 * KEYS section show it.
 */
public record KeyHelp(String key, String description) {

    /**
     * The dashboard's keys as SPEC.md lists them. The man page uses these until the dashboard's
     * own bindings are connected with {@code ManPage.keys(...)} (see GenerateDocs).
     */
    public static final List<KeyHelp> SPEC_DASHBOARD_KEYS = List.of(
            new KeyHelp("?", "help: every key and what it does"),
            new KeyHelp("/", "filter the peer table"),
            new KeyHelp("space", "select or unselect the worker under the cursor"),
            new KeyHelp("a", "select all workers"),
            new KeyHelp("d", "diff: preview the merged config for the selection (dry-run)"),
            new KeyHelp("A", "apply the selection, after confirmation"),
            new KeyHelp("v", "validate"),
            new KeyHelp("b", "backups; restore one"),
            new KeyHelp("p", "prune peers that are not in the inventory, after confirmation"),
            new KeyHelp("h", "health: handshake age per peer"),
            new KeyHelp("D", "drift: the running interface against the file"),
            new KeyHelp("r", "refresh from the hub"),
            new KeyHelp(":", "command line: any shell command, e.g. :apply cm4"),
            new KeyHelp("q, esc", "back; quit from the peer table"));
}
