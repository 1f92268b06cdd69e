package dev.wgtui.tui;

import dev.wgtui.core.plan.PeerRow;
import dev.wgtui.core.text.Printable;
import dev.wgtui.tui.StatusLine.Tone;

import java.util.Collection;
import java.util.List;

/**
 * The selection as keys make it: space, {@code a} (the rows shown), a range ({@code V}) and
 * shift-moves mark rows in the table at once and tell the session in its queue; only these
 * change the selection. An open diff is planned again for the new selection.
 */
final class Marks {

    private final Dashboard d;

    Marks(Dashboard d) {
        this.d = d;
    }

    void toggleSelection() {
        if (d.table.anchor().isPresent()) {
            markRange();
            return;
        }
        PeerRow row = d.table.current().orElseThrow();
        boolean on = !d.table.marked(row);
        setMarks(List.of(row.name()), on, Printable.of(row.name()) + (on ? " selected" : " unselected"));
    }

    /** {@code a}: every worker the table shows now, the filter counting; again: none of them. */
    void toggleAll() {
        List<String> names = d.table.visibleWorkers();
        if (names.isEmpty()) {
            d.say(Tone.WARN, "no workers among the rows shown" + filterNote());
            return;
        }
        boolean allMarked = true;
        for (String n : names) {
            if (!d.table.isMarked(n)) {
                allMarked = false;
                break;
            }
        }
        setMarks(names, !allMarked, (allMarked ? "unselected " : "selected ") + names.size() + " worker(s) shown"
                + filterNote());
    }

    private String filterNote() {
        return d.table.filter().isEmpty() ? "" : " (filter /" + Printable.of(d.table.filter().text()) + ")";
    }

    /** {@code V}: starts a range at the cursor, or selects the range's workers. */
    void range() {
        if (d.table.anchor().isPresent()) {
            markRange();
            return;
        }
        d.table.startRange();
        d.say(Tone.INFO, "range from " + Printable.of(d.table.cursorName()) + ": move, then V or space selects its "
                + "workers; esc cancels");
    }

    private void markRange() {
        List<String> names = d.table.range().stream().filter(r -> r.worker().isPresent()).map(PeerRow::name).toList();
        d.table.cancelRange();
        if (names.isEmpty()) {
            d.say(Tone.WARN, "no workers in the range");
            return;
        }
        boolean allMarked = names.stream().allMatch(d.table::isMarked);
        setMarks(names, !allMarked, (allMarked ? "unselected " : "selected ") + names.size()
                + " worker(s) of the range");
    }

    /** shift-↓/↑: select the worker under the cursor and move on. */
    void markAndMove(int delta) {
        d.table.current().filter(r -> r.worker().isPresent()).ifPresent(r -> {
            if (!d.table.marked(r)) {
                setMarks(List.of(r.name()), true, Printable.of(r.name()) + " selected");
            }
        });
        d.table.move(delta);
    }

    private void setMarks(Collection<String> names, boolean on, String what) {
        List<String> changed = d.table.setMarked(names, on);
        if (!changed.isEmpty()) {
            d.selectionVersion++;
            d.work.quiet(() -> d.session.setSelected(changed, on), n -> { }, d::fail);
        }
        int hidden = d.table.hiddenMarks();
        d.say(Tone.INFO, what + " · " + d.table.markedCount() + " of " + d.table.workerCount() + " workers selected"
                + (hidden > 0 ? " (" + hidden + " hidden by the filter)" : ""));
        replanIfShowingDiff();
    }

    void replanIfShowingDiff() {
        Pane top = d.panes.top();
        if (top != null && top.kind == Pane.Kind.DIFF && d.dialogs.isEmpty() && d.work.busy() == null) {
            Panes.Focus keep = d.panes.focus();
            if (d.table.markedCount() == 0) {
                d.panes.back();
            } else {
                d.writes.showDiff();
            }
            d.panes.focus(keep);
        }
    }

}
