package dev.wgtui.cli;

import dev.wgtui.tui.DashboardKeys;
import dev.wgtui.tui.KeyContext;

import java.util.List;

/**
 * One key of the dashboard and what it does, as the help screen, the footer and the man page's
 * KEYS section show it.
 */
public record KeyHelp(String key, String description) {

    /** The dashboard's key bindings, the same list its footer and help screen are made from. */
    public static List<KeyHelp> dashboard() {
        return DashboardKeys.bindings().stream()
                .map(b -> new KeyHelp(b.key().label(), b.description()
                        + (b.context() == KeyContext.GLOBAL || b.context() == KeyContext.TABLE ? ""
                        : " (" + b.context().title() + ")")))
                .distinct()
                .toList();
    }
}
