package dev.wgtui.tui;

import dev.wgtui.core.hub.Backup;
import dev.wgtui.core.plan.Plan;

import java.util.ArrayList;
import java.util.List;

/** What the pane below (or beside) the table shows: a diff, a list, a report; scrollable. */
final class Pane {

    enum Kind {
        DIFF, PRUNE, DETAIL, VALIDATION, BACKUPS, BACKUP_DIFF, HEALTH, DRIFT, OUTCOME, COMMAND, ERROR, HELP, LOG
    }

    /**
     * Lines made when the pane is drawn: ages that tick ({@code now}, epoch seconds) and a report
     * that shows only what is not ok unless {@code all} is asked for.
     */
    @FunctionalInterface
    interface Content {
        List<Line> lines(long now, boolean all);
    }

    final Kind kind;
    final String title;
    List<Line> lines;
    int scroll;
    /** Rows of the pane that are visible, set by the view on every draw (for paging). */
    int visibleRows = 10;

    private Content content;
    private long madeAt = Long.MIN_VALUE;
    private boolean madeAll;
    /** Whether the report shows every peer, the ok ones too ({@code o}). */
    boolean all;
    /** Whether {@link #all} changes anything (a report with a verdict). */
    boolean hasAll;

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

    /** A pane whose lines are made as it is drawn. */
    static Pane live(Kind kind, String title, Content content, boolean hasAll) {
        Pane p = new Pane(kind, title, List.of());
        p.content = content;
        p.hasAll = hasAll;
        return p;
    }

    void content(Content c) {
        this.content = c;
        invalidate();
    }

    /** Makes the lines again when the second or the all/not-ok choice changed. */
    void refresh(long now) {
        if (content != null && (now != madeAt || all != madeAll)) {
            lines = content.lines(now, all);
            madeAt = now;
            madeAll = all;
        }
    }

    /** Makes the lines again at the next draw (what they show changed). */
    void invalidate() {
        madeAt = Long.MIN_VALUE;
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
