package dev.wgtui.tui;

import dev.wgtui.core.hub.Backup;
import dev.wgtui.core.plan.Plan;

import java.util.ArrayList;
import java.util.List;

/** What the pane below (or beside) the table shows: a diff, a list, a report; scrollable. */
final class Pane {

    enum Kind { DIFF, PRUNE, DETAIL, VALIDATION, BACKUPS, BACKUP_DIFF, HEALTH, DRIFT, OUTCOME, COMMAND, ERROR, HELP }

    final Kind kind;
    final String title;
    List<Line> lines;
    int scroll;
    /** Rows of the pane that are visible, set by the view on every draw (for paging). */
    int visibleRows = 10;

    Plan plan;
    List<Backup> backups = List.of();
    int backupCursor;
    String backupName;
    boolean pinged;

    Pane(Kind kind, String title, List<Line> lines) {
        this.kind = kind;
        this.title = title;
        this.lines = new ArrayList<>(lines);
    }

    int maxScroll() {
        return Math.max(0, lines.size() - visibleRows);
    }

    void scrollBy(int delta) {
        scroll = Math.max(0, Math.min(maxScroll(), scroll + delta));
    }

    void scrollTo(int line) {
        scroll = Math.max(0, Math.min(maxScroll(), line));
    }

    /** Keeps line {@code index} in view. */
    void reveal(int index) {
        if (index < scroll) {
            scroll = index;
        } else if (index >= scroll + visibleRows) {
            scroll = index - visibleRows + 1;
        }
        scroll = Math.max(0, Math.min(maxScroll(), scroll));
    }
}
