package dev.wgtui.tui;

import dev.wgtui.core.hub.Backup;
import dev.wgtui.core.plan.DryRunSummary;
import dev.wgtui.core.plan.PeerRow;
import dev.wgtui.core.plan.Plan;
import dev.wgtui.core.plan.Validation;
import dev.wgtui.core.session.ApplyOutcome;
import dev.wgtui.core.session.PeerHealth;
import dev.wgtui.core.session.Session;
import dev.wgtui.core.text.Printable;
import dev.wgtui.tui.BackgroundWork.Job;
import dev.wgtui.tui.StatusLine.Tone;
import dev.wgtui.tui.Theme.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every write of the dashboard on one path: the plan, its diff in the pane, a confirmation that
 * names the peers it adds, updates and removes before the question, then the write and a report
 * that leads with the verdict. Keys (A, p, R, u) and the {@code :} line's writes both end here.
 */
final class WritePath {

    private final Dashboard d;

    WritePath(Dashboard d) {
        this.d = d;
    }


    private String selectionText() {
        List<String> names = d.table.rows().stream().filter(PeerRow::selected).map(PeerRow::name).toList();
        return names.isEmpty() ? "no workers" : Reports.names(names);
    }

    /** The plan for the selection, with its preview left on the hub (a dry-run). */
    private Plan planWithPreview() throws Exception {
        Plan plan = d.session.plan();
        d.session.writePreview(plan);
        return plan;
    }

    Pane planPane(Pane.Kind kind, String title, Plan plan) {
        boolean nothingSelected = d.table.markedCount() == 0;
        Pane p = new Pane(kind, title, Reports.plan(plan, nothingSelected));
        p.plan = plan;
        return p;
    }

    void showDiff() {
        String sel = selectionText();
        // the table read again with the plan: the hub and the workers' keys it just read
        d.start("planning " + sel, d.thenRead(this::planWithPreview), r -> {
            d.show(r.snapshot());
            Plan plan = r.value();
            d.panes.open(planPane(Pane.Kind.DIFF, "Diff · " + sel, plan));
            DryRunSummary s = plan.summary();
            d.say(Tone.INFO, s.status().text() + " · " + s.change() + " · preview left at " + plan.previewFile());
        });
    }

    void applySelection() {
        String sel = selectionText();
        d.start("planning " + sel, d.thenRead(this::planWithPreview), r -> {
            d.show(r.snapshot());
            Plan plan = r.value();
            if (!plan.changed()) {
                d.say(Tone.OK, "nothing to apply: " + plan.node() + " already has " + sel + " as the inventory says");
                return;
            }
            d.panes.open(planPane(Pane.Kind.DIFF, "Diff · " + sel, plan));
            confirmWrite("Confirm apply", plan, "Apply this plan to " + plan.node() + "?", "apply",
                    () -> write("Apply", "applying to " + plan.node(), () -> d.session.apply(plan), false),
                    "apply cancelled; nothing written");
        });
    }

    void prune() {
        d.start("planning a prune", () -> {
            Plan plan = d.session.prunePlan();
            d.session.writePreview(plan);
            return plan;
        }, plan -> {
            if (!plan.changed()) {
                d.say(Tone.OK, "nothing to prune: every peer on " + plan.node() + " is in the inventory");
                return;
            }
            d.panes.open(planPane(Pane.Kind.PRUNE, "Prune · peers not in the inventory", plan));
            confirmWrite("Confirm prune", plan, "Prune " + plan.summary().removed().size() + " peer(s) from "
                            + plan.node() + "?", "prune",
                    () -> write("Prune", "pruning " + plan.node(), () -> d.session.apply(plan), false),
                    "prune cancelled; nothing written");
        });
    }

    Optional<Backup> chosenBackup() {
        for (Pane p : d.panes.all()) {
            if (p.kind == Pane.Kind.BACKUP_DIFF) {
                return p.backups.stream().filter(b -> b.name().equals(p.backupName)).findFirst();
            }
            if (p.kind == Pane.Kind.BACKUPS && !p.backups.isEmpty()) {
                return Optional.of(p.backups.get(p.backupCursor));
            }
        }
        return Optional.empty();
    }

    /** {@code R}: restore the backup chosen in the backups list. */
    void restoreChosen() {
        Backup b = chosenBackup().orElseThrow();
        restoreBackup(b.name(), "Restore", "Restore " + b.name() + " on " + d.session.hub().node() + "?", "restore");
    }

    /** {@code u}: restore the backup the last write of this session made. */
    void undo() {
        Session.Write w = d.log.lastUndoable().orElseThrow();
        String backup = w.outcome().backupName();
        restoreBackup(backup, "Undo", "Undo the " + w.verb() + " of " + Format.clock(w.at().getEpochSecond())
                + ": restore " + backup + "?", "undo");
    }

    private void restoreBackup(String backup, String what, String question, String yes) {
        d.start("planning the restore of " + backup, () -> d.session.restorePlan(backup), plan -> {
            String diff = plan.fileDiff(backup);
            if (diff.isEmpty()) {
                d.say(Tone.OK, "nothing to restore: " + backup + " is the same as the current file");
                return;
            }
            List<Line> lines = new ArrayList<>();
            lines.add(Line.of("What restoring " + Printable.of(backup) + " changes in the current file",
                    Element.PANE_HEADING));
            lines.addAll(Reports.summary(plan.summary()));
            lines.add(Line.blank());
            lines.addAll(Line.diff(diff));
            Pane p = new Pane(Pane.Kind.DIFF, what + " · " + Printable.of(backup), lines);
            p.plan = plan;
            d.panes.open(p);
            confirmWrite("Confirm " + what.toLowerCase(Locale.ROOT), plan, question, yes,
                    () -> write(what, "restoring " + backup, () -> d.session.restore(plan), true),
                    what.toLowerCase(Locale.ROOT) + " cancelled; nothing written");
        });
    }

    /** The dialog of a write: the named peers it adds, updates and removes, then the question. */
    private void confirmWrite(String title, Plan plan, String question, String yes, Runnable onYes, String cancelled) {
        d.openDialog(new Dialog(title, Reports.confirmation(plan, question, d.session.hub().reloads(), Dashboard.WRITE_GUARD), yes,
                "cancel", onYes, () -> d.say(Tone.INFO, cancelled)));
    }

    private void write(String what, String label, Job<ApplyOutcome> job, boolean restore) {
        d.start(label, d.thenRead(job), r -> {
            d.show(r.snapshot());
            showOutcome(what, r.value(), restore);
        });
    }

    /**
     * The report of a write, verdict first. After a restore, the file is also checked against the
     * inventory (what {@code v} checks), so the two checks are told apart, never contradicting.
     */
    void showOutcome(String what, ApplyOutcome o, boolean restore) {
        boolean reloads = d.session.hub().reloads();
        Validation.Report[] inventory = {null};
        Pane p = Pane.live(Pane.Kind.OUTCOME, what + " · " + o.plan().node(),
                (now, all) -> Reports.outcome(what, o, reloads, all, inventory[0], restore), true);
        d.panes.open(p);
        String verdict = Reports.verdict(what.toLowerCase(Locale.ROOT), o, reloads);
        Tone tone = o.ok() || !o.written() ? Tone.OK : Tone.ERROR;
        d.say(tone, verdict);
        if (restore && o.written() && !o.rolledBack()) {
            d.start("checking the restored file against the inventory", d.session::validate, report -> {
                inventory[0] = report;
                p.invalidate();
                d.say(report.passed() ? tone : Tone.WARN, what.toLowerCase(Locale.ROOT) + " done · the backup's peers: "
                        + (o.ok() ? "passed" : "FAILED") + " · against the inventory: "
                        + (report.passed() ? "passed" : "FAILED (v shows it)"));
            });
        }
    }

    /** The session wrote (a key or a {@code :} command): into the command log. */
    void wrote(Session.Write w) {
        d.log.add(w);
        if (d.work.busy() != null && d.work.busy().startsWith("running :")) {
            d.commandWrites.add(w);
        }
        Pane top = d.panes.top();
        if (top != null && top.kind == Pane.Kind.LOG) {
            top.invalidate();
        }
    }

}
