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
 * The {@code :} line: a command typed while the hub works waits for it; what a command prints
 * goes to the pane (or the status line when it is one line), its errors to the status line; a
 * write it made is reported as a key's write is; {@code :q} quits.
 */
final class CommandPrompt {

    private final Dashboard d;

    CommandPrompt(Dashboard d) {
        this.d = d;
    }

    void run(String line) {
        String command = line.strip();
        if (command.isEmpty()) {
            return;
        }
        d.prompt.remember(command);
        if (d.work.busy() != null) {
            // the hub is working (at start: its first read); the command waits for it, not lost
            d.pendingCommand = command;
            d.say(Tone.INFO, ":" + command + " runs when " + d.work.busy() + " finishes");
            return;
        }
        launch(command);
    }

    void runPending() {
        if (d.work.busy() == null && d.pendingCommand != null) {
            String command = d.pendingCommand;
            d.pendingCommand = null;
            launch(command);
        }
    }

    private void launch(String command) {
        d.commandWrites.clear();
        d.commandShowedPlan = false;
        int version = d.selectionVersion;
        d.start("running :" + command, () -> {
            Commands.Result r = d.commands.run(command);
            return new Dashboard.WithRows<>(r, d.readSnapshot(version));
        }, r -> {
            // a command may have changed the selection (select): the marks follow the session
            d.selectionVersion++;
            d.table.setRows(r.snapshot().rows(), r.snapshot().readAt(), true);
            d.liveUp = r.snapshot().liveUp();
            d.loaded = true;
            showCommandResult(command, r.value());
        });
    }

    /** What a {@code :} line printed: in the pane, or the status line when it is one line. */
    private void showCommandResult(String command, Commands.Result r) {
        if (r.quit()) {
            d.quit();
            return;
        }
        List<Line> out = r.out().contains("\n@@ ") ? Line.diff(r.out().strip()) : Line.text(r.out().strip(),
                Element.PANE_TEXT);
        List<Line> err = Line.text(r.err().strip(), Element.STATUS_WARN);
        String firstErr = err.isEmpty() ? null : err.get(0).text().replaceFirst("^wgtui: ", "");
        Tone errTone = r.exitCode() == 0 ? Tone.WARN : Tone.ERROR;
        if (!d.commandWrites.isEmpty()) {
            Session.Write w = d.commandWrites.get(d.commandWrites.size() - 1);
            d.writes.showOutcome(capitalized(w.verb()), w.outcome(), w.verb().equals("restore"));
            if (firstErr != null) {
                d.say(errTone, firstErr);
            }
            return;
        }
        if (d.commandShowedPlan) {
            // the plan is in the pane already; the answer (refused, or an error) goes to the status line
            d.say(firstErr != null ? errTone : Tone.INFO, firstErr != null ? firstErr : ":" + command + " done");
            return;
        }
        List<Line> all = new ArrayList<>(out);
        all.addAll(err);
        if (all.size() > 1) {
            d.panes.open(new Pane(Pane.Kind.COMMAND, ":" + command, all));
            d.say(firstErr != null ? errTone : Tone.INFO, firstErr != null ? firstErr
                    : ":" + command + " · " + all.size() + " lines below");
        } else if (firstErr != null) {
            d.say(errTone, firstErr);
        } else {
            String text = all.isEmpty() ? ":" + command + " done" : all.get(0).text();
            d.say(text.startsWith("unknown command") ? Tone.WARN : Tone.INFO, text);
        }
    }

    private static String capitalized(String verb) {
        return verb.isEmpty() ? verb : Character.toUpperCase(verb.charAt(0)) + verb.substring(1);
    }

}
