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

/** The dashboard's looks at the hub that write nothing: validate, backups, health, drift, a read. */
final class HubReports {

    private final Dashboard d;

    HubReports(Dashboard d) {
        this.d = d;
    }


    void validate() {
        d.start("validating " + d.session.hub().node(), d.thenRead(d.session::validate), r -> {
            d.show(r.snapshot());
            Validation.Report report = r.value();
            d.panes.open(Pane.live(Pane.Kind.VALIDATION, "Validation · " + d.session.hub().node() + " · against the "
                    + "inventory", (now, all) -> Reports.validation(report, all), true));
            d.say(report.passed() ? Tone.OK : Tone.ERROR, report.summary());
        });
    }

    void showBackups() {
        d.start("listing backups on " + d.session.hub().node(), d.session::backups, list -> {
            Pane p = new Pane(Pane.Kind.BACKUPS, "Backups · " + Printable.of(d.session.hub().configPath()), List.of());
            p.backups = List.copyOf(list);
            // the ages count from the time the list is drawn, not from when it was read
            p.content((now, all) -> Reports.backups(p.backups, p.backupCursor, now));
            d.panes.open(p);
            d.say(Tone.INFO, list.isEmpty() ? "no backups yet: every apply makes one"
                    : list.size() + " backup(s) · enter shows what restoring would change · R restores");
        });
    }

    void moveBackup(int delta) {
        Pane p = d.pane();
        if (p.backups.isEmpty()) {
            return;
        }
        p.backupCursor = Math.max(0, Math.min(p.backups.size() - 1, p.backupCursor + delta));
        p.invalidate();
        p.reveal(p.backupCursor + 1);
    }

    void showBackupDiff() {
        Backup b = d.writes.chosenBackup().orElseThrow();
        List<Backup> all = d.pane().backups;
        d.start("comparing " + b.name() + " with the current file", () -> d.session.backupDiff(b.name()), diff -> {
            List<Line> lines = new ArrayList<>();
            lines.add(Line.of("What restoring this backup would change in the current file", Element.PANE_HEADING));
            lines.add(Line.of(Printable.of(b.name()) + " · taken " + Format.time(b.time()) + " · " + b.peers()
                    + " peers", Element.DIM));
            lines.add(Line.blank());
            if (diff.isEmpty()) {
                lines.add(Line.of("Nothing: the backup is the same as the current file.", Element.PANE_TEXT));
            } else {
                lines.addAll(Line.diff(diff));
            }
            Pane p = new Pane(Pane.Kind.BACKUP_DIFF, "Backup · " + Printable.of(b.name()), lines);
            p.backupName = b.name();
            p.backups = all;
            d.panes.push(p);
        });
    }

    void showHealth(boolean ping) {
        d.start(ping ? "pinging every peer over the tunnel" : "reading handshakes", () -> d.session.health(ping), list -> {
            Pane p = Pane.live(Pane.Kind.HEALTH, "Health · " + d.session.hub().node() + (ping ? " · ping" : ""),
                    (now, all) -> Reports.health(list, ping, all), true);
            p.pinged = ping;
            d.panes.open(p);
            long stale = list.stream().filter(PeerHealth::stale).count();
            boolean noPing = ping && list.stream().allMatch(h -> h.pingOk().isEmpty());
            if (noPing && !list.isEmpty()) {
                d.say(Tone.WARN, "this hub cannot ping over the tunnel (a local file has no interface)");
            } else {
                long down = list.stream().filter(h -> h.pingOk().map(ok -> !ok).orElse(false)).count();
                d.say(stale > 0 || down > 0 ? Tone.WARN : Tone.OK, list.size() + " peers · " + stale + " stale"
                        + (ping ? " · " + down + " not answering ping" : " · P pings them"));
            }
        });
    }

    void showDrift() {
        d.start("comparing the running interface with the file", d.session::drift, drift -> {
            d.panes.open(new Pane(Pane.Kind.DRIFT, "Drift · " + d.session.hub().node(), Reports.drift(drift)));
            if (drift.isEmpty()) {
                d.say(Tone.WARN, "no running interface to compare with");
            } else if (drift.get().isEmpty()) {
                d.say(Tone.OK, "no drift: the running interface matches the file");
            } else {
                d.say(Tone.WARN, drift.get().size() + " peer(s) differ at runtime");
            }
        });
    }

    void refresh() {
        int version = d.selectionVersion;
        d.start("reading " + d.session.hub().node(), () -> {
            d.session.refresh();
            return d.readSnapshot(version);
        }, s -> {
            d.show(s);
            d.say(Tone.INFO, "read " + d.session.hub().node() + " at " + Format.clock(s.readAt()) + " · "
                    + s.rows().size() + " peers");
        });
    }

}
