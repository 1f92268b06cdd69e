package dev.wgtui.tui;

import dev.wgtui.core.cluster.Node;
import dev.wgtui.core.hub.Backup;
import dev.wgtui.core.live.LiveState.LivePeer;
import dev.wgtui.core.plan.Drift;
import dev.wgtui.core.plan.DryRunSummary;
import dev.wgtui.core.plan.PeerRow;
import dev.wgtui.core.plan.PeerStatus;
import dev.wgtui.core.plan.Plan;
import dev.wgtui.core.plan.Validation;
import dev.wgtui.core.session.ApplyOutcome;
import dev.wgtui.core.session.PeerHealth;
import dev.wgtui.core.text.Printable;
import dev.wgtui.tui.Line.Span;
import dev.wgtui.tui.Theme.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the pane shows for each result, as coloured lines. */
final class Reports {

    private Reports() {
    }

    static Element marker(PeerStatus status) {
        return switch (status) {
            case OK -> Element.MARKER_OK;
            case CHANGED -> Element.MARKER_CHANGED;
            case NEW -> Element.MARKER_NEW;
            case MISSING -> Element.MARKER_MISSING;
            case EXTRA -> Element.MARKER_EXTRA;
        };
    }

    /** The dry-run summary as the seed prints it, labels set apart from values. */
    static List<Line> summary(DryRunSummary s) {
        List<Line> out = new ArrayList<>();
        for (Line l : Line.text(s.render(), Element.PANE_TEXT)) {
            String t = l.text();
            int colon = t.indexOf(": ");
            if (colon < 0) {
                out.add(l);
                continue;
            }
            String label = t.substring(0, colon + 1);
            String value = t.substring(colon + 2);
            Element v = Element.PANE_TEXT;
            if (label.equals("Status:")) {
                v = s.status() == DryRunSummary.Status.NO_CHANGE ? Element.MARKER_OK : Element.MARKER_CHANGED;
            } else if (label.equals("Added:")) {
                v = Element.DIFF_ADD;
            } else if (label.equals("Removed:")) {
                v = Element.DIFF_REMOVE;
            } else if (label.equals("Updated:")) {
                v = Element.MARKER_CHANGED;
            }
            out.add(Line.of(new Span(Canvas.pad(label, 15), Element.PANE_HEADING), new Span(value, v)));
        }
        return out;
    }

    /** Summary, then the coloured diff (already redacted by the plan). */
    static List<Line> plan(Plan plan, boolean nothingSelected) {
        List<Line> out = new ArrayList<>(summary(plan.summary()));
        out.add(Line.blank());
        String diff = plan.unifiedDiff();
        if (diff.isEmpty()) {
            out.add(Line.of("No change: the hub's file already has every selected peer as the inventory says.",
                    Element.DIM));
            if (nothingSelected) {
                out.add(Line.of("Select workers with space (or a for all) to plan changes.", Element.DIM));
            }
        } else {
            out.addAll(Line.diff(diff));
        }
        return out;
    }

    /** At most this many names of one kind (added, updated, removed) are listed; the rest are counted. */
    static final int NAMES = 8;

    /** Names as a list that stays short on a big hub: the first few, then how many more. */
    static String names(List<String> names) {
        List<String> shown = names.stream().limit(NAMES).map(Printable::of).toList();
        String out = String.join(", ", shown);
        return names.size() > NAMES ? out + " and " + (names.size() - NAMES) + " more" : out;
    }

    /**
     * The confirmation dialog of a write: what it changes, with the peers by name, then the
     * question, so the operator reads what they agree to before they are asked.
     */
    static List<Line> confirmation(Plan plan, String question, boolean reloads, String guard) {
        DryRunSummary s = plan.summary();
        List<Line> out = new ArrayList<>();
        out.add(Line.of(Printable.of(plan.node() + ":" + plan.targetFile()) + " · " + s.change(), Element.DIALOG_TEXT));
        peerLine(out, "added", s.added(), Element.DIFF_ADD);
        peerLine(out, "updated", s.updated(), Element.MARKER_CHANGED);
        peerLine(out, "removed", s.removed(), Element.DIFF_REMOVE);
        out.add(Line.blank());
        out.add(Line.of(guard, Element.DIALOG_TEXT));
        if (!reloads) {
            out.add(Line.of("A local file: it is written, no interface is reloaded.", Element.DIALOG_TEXT));
        }
        out.add(Line.blank());
        out.add(Line.of(question, Element.DIALOG_KEY));
        return out;
    }

    private static void peerLine(List<Line> out, String label, List<String> names, Element e) {
        if (!names.isEmpty()) {
            out.add(Line.of(new Span("  " + Canvas.pad(label + " (" + names.size() + ")", 14), Element.DIALOG_TEXT),
                    new Span(names(names), e)));
        }
    }

    /** The verdict of a write in one line, as the status line says it. */
    static String verdict(String what, ApplyOutcome o, boolean reloads) {
        Plan p = o.plan();
        String where = p.node() + ":" + p.targetFile();
        if (o.rolledBack()) {
            return what + " rolled back: validation failed after writing " + where + "; " + o.backupName()
                    + " is back";
        }
        if (!o.written()) {
            return "nothing written: " + where + " already matched";
        }
        String file = reloads ? "" : " · file written, interface not reloaded";
        if (o.ok()) {
            return what + " done · validation passed · " + p.summary().change() + file
                    + (o.backupName() == null ? "" : " · backup " + o.backupName());
        }
        return what + " written" + file + ", but " + o.validation().summary();
    }

    /**
     * What a write did, the verdict first: then the file, backup and named changes, what the
     * validation checked against, and only the findings that are not ok (all when {@code all}).
     * After a restore, {@code inventory} is the check against the inventory (null before it ran).
     */
    static List<Line> outcome(String what, ApplyOutcome o, boolean reloads, boolean all,
                              Validation.Report inventory, boolean restore) {
        List<Line> out = new ArrayList<>();
        Plan p = o.plan();
        boolean good = o.ok() || !o.written();
        out.add(Line.of((good ? "✓ " : "✗ ") + Printable.of(verdict(what, o, reloads)),
                good ? Element.STATUS_OK : Element.STATUS_ERROR));
        if (o.written() && !reloads) {
            out.add(Line.of("The file is written; no interface was reloaded (a local file). On the hub: "
                    + "wg syncconf <if> <(wg-quick strip <if>)", Element.STATUS_WARN));
        }
        out.add(Line.blank());
        if (o.written()) {
            out.add(field("Written", Printable.of(p.node() + ":" + p.targetFile()), Element.PANE_TEXT));
            out.add(field("Backup", o.backupName() == null ? "(none: the file was new)" : Printable.of(o.backupName()),
                    Element.PANE_TEXT));
            out.add(field("Change", p.summary().change(), Element.PANE_TEXT));
            DryRunSummary s = p.summary();
            if (!s.added().isEmpty()) {
                out.add(field("Added", names(s.added()), Element.DIFF_ADD));
            }
            if (!s.updated().isEmpty()) {
                out.add(field("Updated", names(s.updated()), Element.MARKER_CHANGED));
            }
            if (!s.removed().isEmpty()) {
                out.add(field("Removed", names(s.removed()), Element.DIFF_REMOVE));
            }
        }
        if (o.rolledBack()) {
            out.add(Line.of("Validation FAILED: rolled back to " + Printable.of(o.backupName()) + " and reloaded.",
                    Element.STATUS_ERROR));
        }
        out.add(Line.blank());
        int peers = p.proposed().peers().size();
        out.add(Line.of(restore ? "Checked against the backup: the file and interface hold its " + peers
                + " peer(s), as restored" : "Checked against the plan: the " + peers + " peer(s) it wrote",
                Element.PANE_HEADING));
        out.addAll(validation(o.validation(), all));
        if (restore) {
            out.add(Line.blank());
            out.add(Line.of("Checked against the inventory (what v checks)", Element.PANE_HEADING));
            if (inventory == null) {
                out.add(Line.of("checking…", Element.DIM));
            } else {
                out.addAll(validation(inventory, all));
                if (!inventory.passed()) {
                    out.add(Line.of("The backup is not what the inventory says; select the workers and apply to "
                            + "bring the hub in line.", Element.DIM));
                }
            }
        }
        return out;
    }

    /** A few extra peers are listed; more than this are counted in one line (o lists them). */
    static final int EXTRAS = 20;

    /** The summary first, then what is not ok (all findings when {@code all}). */
    static List<Line> validation(Validation.Report report, boolean all) {
        List<Line> out = new ArrayList<>();
        out.add(Line.of(report.summary(), report.passed() ? Element.STATUS_OK : Element.STATUS_ERROR));
        long okCount = report.count(Validation.Finding.Kind.OK);
        long extras = report.count(Validation.Finding.Kind.EXTRA);
        boolean countExtras = !all && extras > EXTRAS;
        for (Validation.Finding f : report.findings()) {
            if (!all && f.kind() == Validation.Finding.Kind.OK) {
                continue;
            }
            if (countExtras && f.kind() == Validation.Finding.Kind.EXTRA) {
                continue;
            }
            Element e = switch (f.kind()) {
                case OK -> Element.MARKER_OK;
                case MISSING, MISMATCH -> Element.MARKER_MISSING;
                case EXTRA -> Element.MARKER_EXTRA;
            };
            out.add(Line.of("  " + Printable.of(f.toString()), e));
        }
        if (countExtras) {
            out.add(Line.of("  ? " + extras + " peers not in the inventory, preserved", Element.MARKER_EXTRA));
        }
        if (!all && (okCount > 0 || countExtras)) {
            out.add(Line.of("  (" + okCount + " ok not listed; o lists every peer)", Element.DIM));
        } else if (all && report.findings().size() > 0) {
            out.add(Line.of("  (o lists only what is not ok)", Element.DIM));
        }
        return out;
    }

    static List<Line> backups(List<Backup> backups, int cursor, long now) {
        List<Line> out = new ArrayList<>();
        if (backups.isEmpty()) {
            out.add(Line.of("No backups yet. Every apply and restore backs the file up first.", Element.DIM));
            return out;
        }
        int w = backups.stream().mapToInt(b -> Canvas.width(b.name())).max().orElse(4);
        out.add(Line.of("  " + Canvas.pad("BACKUP", w) + "  " + Canvas.pad("TAKEN", 22) + "  " + Canvas.pad("AGE", 8)
                + "  PEERS", Element.TABLE_HEADER));
        for (int i = 0; i < backups.size(); i++) {
            Backup b = backups.get(i);
            long age = Math.max(0, now - b.time().getEpochSecond());
            Line l = Line.of((i == cursor ? "▸ " : "  ") + Canvas.pad(Printable.of(b.name()), w) + "  "
                    + Canvas.pad(Format.time(b.time()), 22) + "  " + Canvas.pad(Format.age(age), 8) + "  "
                    + Canvas.padLeft(String.valueOf(b.peers()), 5), Element.PANE_TEXT);
            out.add(i == cursor ? l.highlighted() : l);
        }
        return out;
    }

    /** The verdict (peers, stale, not answering), then the peers that are not ok; all of them when {@code all}. */
    static List<Line> health(List<PeerHealth> list, boolean pinged, boolean all) {
        List<Line> out = new ArrayList<>();
        if (list.isEmpty()) {
            out.add(Line.of("The hub has no peers (or no file yet).", Element.DIM));
            return out;
        }
        long stale = list.stream().filter(PeerHealth::stale).count();
        long down = list.stream().filter(h -> h.pingOk().map(ok -> !ok).orElse(false)).count();
        boolean good = stale == 0 && down == 0;
        out.add(Line.of((good ? "✓ " : "! ") + list.size() + " peers · " + stale + " stale"
                + (pinged ? " · " + down + " not answering ping" : ""), good ? Element.STATUS_OK : Element.STATUS_WARN));
        out.add(Line.blank());
        List<PeerHealth> shown = all ? list : list.stream()
                .filter(h -> h.stale() || h.pingOk().map(ok -> !ok).orElse(false)).toList();
        int nw = Math.max(4, shown.stream().mapToInt(h -> Canvas.width(Printable.of(h.name()))).max().orElse(4));
        int aw = Math.max(7, shown.stream().mapToInt(h -> Canvas.width(h.address())).max().orElse(7));
        if (!shown.isEmpty()) {
            out.add(Line.of(Canvas.pad("NAME", nw) + "  " + Canvas.pad("ADDRESS", aw) + "  "
                    + Canvas.pad("HANDSHAKE", 12) + "  " + Canvas.pad("PING", 6) + "  DETAIL", Element.TABLE_HEADER));
        }
        for (PeerHealth h : shown) {
            String hs = h.handshakeAgeSeconds().map(a -> Format.age(a) + " ago").orElse("never");
            Element he = h.stale() ? Element.LIVE_STALE : Element.LIVE_FRESH;
            String ping = h.pingOk().map(ok -> ok ? "ok" : "lost").orElse("-");
            Element pe = h.pingOk().map(ok -> ok ? Element.MARKER_OK : Element.MARKER_MISSING).orElse(Element.DIM);
            out.add(Line.of(
                    new Span(Canvas.pad(Printable.of(h.name()), nw) + "  " + Canvas.pad(h.address(), aw) + "  ",
                            Element.PANE_TEXT),
                    new Span(Canvas.pad(h.stale() ? hs + " !" : hs, 12), he), new Span("  ", Element.PANE_TEXT),
                    new Span(Canvas.pad(ping, 6), pe), new Span("  " + h.detail(), Element.DIM)));
        }
        out.add(Line.blank());
        if (!all) {
            out.add(Line.of((shown.isEmpty() ? "Every peer is fine. " : "") + "o lists every peer ("
                    + (list.size() - shown.size()) + " fine not listed).", Element.DIM));
        }
        out.add(Line.of("A handshake older than 3 minutes is stale (!). P pings every peer over the tunnel.",
                Element.DIM));
        return out;
    }

    static List<Line> drift(Optional<List<Drift.Change>> drift) {
        List<Line> out = new ArrayList<>();
        if (drift.isEmpty()) {
            out.add(Line.of("The interface is not running (or the hub is a local file): nothing to compare.",
                    Element.DIM));
            return out;
        }
        if (drift.get().isEmpty()) {
            out.add(Line.of("No drift: the running interface matches the file (endpoints ignored, they roam).",
                    Element.STATUS_OK));
            return out;
        }
        for (Drift.Change c : drift.get()) {
            Element e = switch (c.kind()) {
                case ADDED_AT_RUNTIME -> Element.DIFF_ADD;
                case REMOVED_AT_RUNTIME -> Element.DIFF_REMOVE;
                case CHANGED -> Element.MARKER_CHANGED;
            };
            out.add(Line.of(Printable.of(c.toString()), e));
        }
        out.add(Line.blank());
        out.add(Line.of("+ added at runtime (wg set), - in the file only, ~ differs. Apply or restore to settle it.",
                Element.DIM));
        return out;
    }

    /** Everything known about one row: inventory, hub and live. */
    static List<Line> detail(PeerRow row, long now) {
        List<Line> out = new ArrayList<>();
        out.add(field("Name", Printable.of(row.name()) + (row.named() ? "" : " (unnamed on the hub; name derived from its key)"),
                Element.PANE_TEXT));
        out.add(field("Status", row.status().label() + (row.differences().isEmpty() ? ""
                : " · " + String.join("; ", row.differences())), marker(row.status())));
        out.add(field("Selected", row.worker().isEmpty() ? "- (not a worker)" : row.selected() ? "yes" : "no",
                Element.PANE_TEXT));
        out.add(Line.blank());
        out.add(Line.of("Inventory", Element.PANE_HEADING));
        if (row.worker().isEmpty()) {
            out.add(Line.of("  not in the inventory: kept as it is; only prune removes it", Element.DIM));
        } else {
            Node w = row.worker().get();
            Object host = w.vars().get("ansible_host");
            if (host != null) {
                out.add(field("  Host", Printable.of(String.valueOf(host)), Element.PANE_TEXT));
            }
            out.add(field("  Address", w.wireguardIp(), Element.PANE_TEXT));
            out.add(field("  AllowedIPs", String.join(", ", w.allowedIps()), Element.PANE_TEXT));
            out.add(field("  PublicKey", w.publicKey().orElse("(from the worker over SSH)"), Element.PANE_TEXT));
            if (w.endpoint() != null) {
                out.add(field("  Endpoint", Printable.of(w.endpoint()), Element.PANE_TEXT));
            }
            if (w.persistentKeepalive() != null) {
                out.add(field("  Keepalive", w.persistentKeepalive() + "s", Element.PANE_TEXT));
            }
        }
        out.add(Line.blank());
        out.add(Line.of("Hub file", Element.PANE_HEADING));
        if (row.onHub().isEmpty()) {
            out.add(Line.of("  not a peer in the file yet", Element.DIM));
        } else {
            var p = row.onHub().get();
            out.add(field("  PublicKey", p.publicKey() == null ? "-" : p.publicKey(), Element.PANE_TEXT));
            out.add(field("  AllowedIPs", p.allowedIpsText(), Element.PANE_TEXT));
            if (p.endpoint() != null) {
                out.add(field("  Endpoint", Printable.of(p.endpoint()), Element.PANE_TEXT));
            }
            if (p.persistentKeepalive() != null) {
                out.add(field("  Keepalive", p.persistentKeepalive() + "s", Element.PANE_TEXT));
            }
        }
        out.add(Line.blank());
        out.add(Line.of("Running interface", Element.PANE_HEADING));
        if (row.live().isEmpty()) {
            out.add(Line.of("  not running, or not a peer of the running interface", Element.DIM));
        } else {
            LivePeer lp = row.live().get();
            out.add(field("  Endpoint", lp.endpoint() == null ? "(none)" : Printable.of(lp.endpoint()),
                    Element.PANE_TEXT));
            boolean stale = lp.stale(now);
            out.add(field("  Handshake", lp.handshakeAge(now).map(a -> Format.age(a) + " ago").orElse("never")
                    + (stale ? " · stale (older than 3 minutes)" : ""),
                    stale ? Element.LIVE_STALE : Element.LIVE_FRESH));
            out.add(field("  Transfer",
                    Format.bytes(lp.rxBytes()) + " received, " + Format.bytes(lp.txBytes()) + " sent",
                    Element.PANE_TEXT));
            out.add(field("  AllowedIPs", String.join(", ", lp.allowedIps()), Element.PANE_TEXT));
        }
        return out;
    }

    private static Line field(String label, String value, Element valueElement) {
        return Line.of(new Span(Canvas.pad(label, 14), Element.PANE_HEADING), new Span(value, valueElement));
    }
}
