package dev.wgtui.tui;

/** Where a key binding works; the help screen groups keys by it. */
public enum KeyContext {
    GLOBAL("Everywhere"),
    TABLE("Peer table"),
    PANE("Pane (diff, detail, validation, health, drift, log)"),
    REPORT("Reports (validation, apply and restore results, health)"),
    BACKUPS("Backups list"),
    BACKUP_DIFF("Backup diff"),
    HEALTH("Health"),
    HELP("Help"),
    DIALOG("Confirmation dialog"),
    FILTER("Filter prompt (/)"),
    COMMAND("Command line (:)");

    private final String title;

    KeyContext(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
