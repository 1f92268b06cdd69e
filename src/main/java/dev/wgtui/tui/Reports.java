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

    static List<Line> outcome(ApplyOutcome o) {
        List<Line> out = new ArrayList<>();
        Plan p = o.plan();
        if (!o.written()) {
            out.add(Line.of("Nothing written: " + p.node() + ":" + p.targetFile() + " already matched.",
                    Element.STATUS_OK));
        } else {
            out.add(Line.of(new Span(Canvas.pad("Written:", 15), Element.PANE_HEADING),
                    new Span(p.node() + ":" + p.targetFile(), Element.PANE_TEXT)));
            out.add(Line.of(new Span(Canvas.pad("Backup:", 15), Element.PANE_HEADING),
                    new Span(o.backupName() == null ? "(none: the file was new)" : o.backupName(), Element.PANE_TEXT)));
            out.add(Line.of(new Span(Canvas.pad("Change:", 15), Element.PANE_HEADING),
                    new Span(p.summary().change(), Element.PANE_TEXT)));
        }
        if (o.rolledBack()) {
            out.add(Line.of("Validation FAILED: rolled back to " + o.backupName() + " and reloaded.",
                    Element.STATUS_ERROR));
        }
        out.add(Line.blank());
        out.addAll(validation(o.validation()));
        return out;
    }

    static List<Line> validation(Validation.Report report) {
        List<Line> out = new ArrayList<>();
        for (Validation.Finding f : report.findings()) {
            Element e = switch (f.kind()) {
                case OK -> Element.MARKER_OK;
                case MISSING, MISMATCH -> Element.MARKER_MISSING;
                case EXTRA -> Element.MARKER_EXTRA;
            };
            out.add(Line.of(f.toString(), e));
        }
        out.add(Line.blank());
        out.add(Line.of(report.summary(), report.passed() ? Element.STATUS_OK : Element.STATUS_ERROR));
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
            Line l = Line.of((i == cursor ? "▸ " : "  ") + Canvas.pad(b.name(), w) + "  "
                    + Canvas.pad(Format.time(b.time()), 22) + "  " + Canvas.pad(Format.age(age), 8) + "  "
                    + Canvas.padLeft(String.valueOf(b.peers()), 5), Element.PANE_TEXT);
            out.add(i == cursor ? l.highlighted() : l);
        }
        return out;
    }

    static List<Line> health(List<PeerHealth> list) {
        List<Line> out = new ArrayList<>();
        if (list.isEmpty()) {
            out.add(Line.of("The hub has no peers (or no file yet).", Element.DIM));
            return out;
        }
        int nw = Math.max(4, list.stream().mapToInt(h -> Canvas.width(h.name())).max().orElse(4));
        int aw = Math.max(7, list.stream().mapToInt(h -> Canvas.width(h.address())).max().orElse(7));
        out.add(Line.of(Canvas.pad("NAME", nw) + "  " + Canvas.pad("ADDRESS", aw) + "  " + Canvas.pad("HANDSHAKE", 12)
                + "  " + Canvas.pad("PING", 6) + "  DETAIL", Element.TABLE_HEADER));
        for (PeerHealth h : list) {
            String hs = h.handshakeAgeSeconds().map(a -> Format.age(a) + " ago").orElse("never");
            Element he = h.stale() ? Element.LIVE_STALE : Element.LIVE_FRESH;
            String ping = h.pingOk().map(ok -> ok ? "ok" : "lost").orElse("-");
            Element pe = h.pingOk().map(ok -> ok ? Element.MARKER_OK : Element.MARKER_MISSING).orElse(Element.DIM);
            out.add(Line.of(
                    new Span(Canvas.pad(h.name(), nw) + "  " + Canvas.pad(h.address(), aw) + "  ", Element.PANE_TEXT),
                    new Span(Canvas.pad(h.stale() ? hs + " !" : hs, 12), he), new Span("  ", Element.PANE_TEXT),
                    new Span(Canvas.pad(ping, 6), pe), new Span("  " + h.detail(), Element.DIM)));
        }
        out.add(Line.blank());
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
            out.add(Line.of(c.toString(), e));
        }
        out.add(Line.blank());
        out.add(Line.of("+ added at runtime (wg set), - in the file only, ~ differs. Apply or restore to settle it.",
                Element.DIM));
        return out;
    }

    /** Everything known about one row: inventory, hub and live. */
    static List<Line> detail(PeerRow row, long now) {
        List<Line> out = new ArrayList<>();
        out.add(field("Name", row.name() + (row.named() ? "" : " (unnamed on the hub; name derived from its key)"),
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
                out.add(field("  Host", String.valueOf(host), Element.PANE_TEXT));
            }
            out.add(field("  Address", w.wireguardIp(), Element.PANE_TEXT));
            out.add(field("  AllowedIPs", String.join(", ", w.allowedIps()), Element.PANE_TEXT));
            out.add(field("  PublicKey", w.publicKey().orElse("(from the worker over SSH)"), Element.PANE_TEXT));
            if (w.endpoint() != null) {
                out.add(field("  Endpoint", w.endpoint(), Element.PANE_TEXT));
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
                out.add(field("  Endpoint", p.endpoint(), Element.PANE_TEXT));
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
            out.add(field("  Endpoint", lp.endpoint() == null ? "(none)" : lp.endpoint(), Element.PANE_TEXT));
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
