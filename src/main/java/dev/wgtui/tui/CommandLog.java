package dev.wgtui.tui;

import dev.wgtui.core.session.ApplyOutcome;
import dev.wgtui.core.session.Session;
import dev.wgtui.core.text.Printable;
import dev.wgtui.tui.Line.Span;
import dev.wgtui.tui.Theme.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every write of this session (lazygit's command log): when, what, the backup it made and how
 * it ended. {@code u} undoes the last one by restoring its backup.
 */
final class CommandLog {

    private final List<Session.Write> writes = new ArrayList<>();

    void add(Session.Write w) {
        writes.add(w);
    }

    List<Session.Write> writes() {
        return List.copyOf(writes);
    }

    /** The last write that left a backup: what {@code u} puts back. */
    Optional<Session.Write> lastUndoable() {
        for (int i = writes.size() - 1; i >= 0; i--) {
            if (writes.get(i).outcome().backupName() != null) {
                return Optional.of(writes.get(i));
            }
        }
        return Optional.empty();
    }

    static String outcome(ApplyOutcome o) {
        if (o.rolledBack()) {
            return "validation failed, rolled back";
        }
        return o.ok() ? "validation passed" : "written; " + o.validation().summary();
    }

    /** One line per write, newest last; {@code now} is epoch seconds for the ages. */
    List<Line> lines(long now) {
        List<Line> out = new ArrayList<>();
        if (writes.isEmpty()) {
            out.add(Line.of("No writes yet in this session. Every apply, prune, restore and undo is listed here",
                    Element.DIM));
            out.add(Line.of("with its time, the backup it made and its outcome; u undoes the last one.", Element.DIM));
            return out;
        }
        out.add(Line.of(Canvas.pad("TIME", 10) + "  " + Canvas.pad("AGE", 7) + "  " + Canvas.pad("WHAT", 8) + "  "
                + Canvas.pad("CHANGE", 22) + "  BACKUP · OUTCOME", Element.TABLE_HEADER));
        for (Session.Write w : writes) {
            ApplyOutcome o = w.outcome();
            String change = o.plan().summary().change();
            Element e = o.ok() ? Element.MARKER_OK : Element.MARKER_MISSING;
            out.add(Line.of(
                    new Span(Canvas.pad(Format.clock(w.at().getEpochSecond()), 10) + "  "
                            + Canvas.pad(Format.age(Math.max(0, now - w.at().getEpochSecond())), 7) + "  "
                            + Canvas.pad(w.verb(), 8) + "  " + Canvas.pad(change, 22) + "  ", Element.PANE_TEXT),
                    new Span(Printable.of(o.backupName() == null ? "(no backup: the file was new)" : o.backupName()),
                            Element.PANE_TEXT),
                    new Span(" · " + outcome(o), e)));
        }
        out.add(Line.blank());
        out.add(Line.of("u undoes the last write: it restores that write's backup, after the same diff and "
                + "confirmation.", Element.DIM));
        return out;
    }
}
