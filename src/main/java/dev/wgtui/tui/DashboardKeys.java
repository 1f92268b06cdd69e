package dev.wgtui.tui;

import com.googlecode.lanterna.input.KeyType;
import dev.wgtui.core.plan.PeerStatus;
import dev.wgtui.tui.KeyBinding.DisabledReason;
import dev.wgtui.tui.KeyBinding.Handler;
import dev.wgtui.tui.KeyBinding.Key;
import dev.wgtui.tui.Line.Span;
import dev.wgtui.tui.Theme.Element;

import java.util.ArrayList;
import java.util.List;

/**
 * Every key of the dashboard, as values. The footer shows the hints of the keys that work
 * now, the {@code ?} screen lists them all by context, and the man page reads the same list;
 * none of that needs a terminal.
 */
public final class DashboardKeys {

    private static final Key UP = Key.any("↑/k", Key.of("↑", KeyType.ArrowUp), Key.of('k'));
    private static final Key DOWN = Key.any("↓/j", Key.of("↓", KeyType.ArrowDown), Key.of('j'));
    private static final Key PAGE_UP = Key.of("PgUp", KeyType.PageUp);
    private static final Key PAGE_DOWN = Key.of("PgDn", KeyType.PageDown);
    private static final Key HOME = Key.any("Home/g", Key.of("Home", KeyType.Home), Key.of('g'));
    private static final Key END = Key.any("End/G", Key.of("End", KeyType.End), Key.of('G'));
    private static final Key ENTER = Key.of("enter", KeyType.Enter);
    private static final Key ESC = Key.of("esc", KeyType.Escape);

    private static final Key SHIFT_UP = Key.shift("shift-↑", KeyType.ArrowUp);
    private static final Key SHIFT_DOWN = Key.shift("shift-↓", KeyType.ArrowDown);

    private static final List<KeyBinding> BINDINGS = List.of(
            // everywhere (outside dialogs and prompts)
            global(Key.of('?'), "help", "show or hide this help: every key, generated from the bindings",
                    Dashboard::toggleHelp, DisabledReason.NEVER),
            global(Key.of('/'), "filter",
                    "filter by name, status, address, key prefix or regex such as cm4|s2 (enter keeps, esc clears)",
                    Dashboard::startFilter, DisabledReason.NEVER),
            global(Key.of('d'), "diff",
                    "plan the selection: dry-run summary and diff of the merged config (leaves the preview)",
                    d -> d.writes.showDiff(), Dashboard::whyNoSelection),
            global(Key.of('A'), "apply",
                    "apply the selection: plan in the pane, confirm (peers named), backup, write, reload, validate", d -> d.writes.applySelection(), Dashboard::whyNoSelection),
            global(Key.of('v'), "validate",
                    "check every worker is a peer of the file and interface with the right key and AllowedIPs",
                    d -> d.reports.validate(), Dashboard::whyBusy),
            global(Key.of('b'), "backups", "list the hub's backups; diff one against the current file or restore it",
                    d -> d.reports.showBackups(), Dashboard::whyBusy),
            global(Key.of('p'), "prune", "remove the peers that are not in the inventory (diff, then confirmation)",
                    d -> d.writes.prune(), Dashboard::whyNoPeers),
            global(Key.of('u'), "undo", "undo the last write of this session: restore the backup it made (diff, "
                    + "then confirmation)", d -> d.writes.undo(), Dashboard::whyNothingToUndo),
            global(Key.of('L'), "log", "the command log: every write of this session with its time, backup and "
                    + "outcome", Dashboard::showLog, DisabledReason.NEVER),
            global(Key.of('h'), "health", "handshake age of every peer (P in the pane pings them over the tunnel)",
                    d -> d.reports.showHealth(false), Dashboard::whyBusy),
            global(Key.of('D'), "drift", "compare the running interface with the file (endpoints ignored)",
                    d -> d.reports.showDrift(), Dashboard::whyBusy),
            global(Key.of('r'), "refresh", "read the hub's file and live state again now",
                    d -> d.reports.refresh(), Dashboard::whyBusy),
            new KeyBinding(KeyContext.GLOBAL, Key.of('f'), "freeze",
                    "pause or resume the live refresh (the table reads the hub by itself every few seconds)", false,
                    Dashboard::toggleLive, DisabledReason.NEVER),
            // never disabled: opening the line is harmless, and a `:` refused while the hub works
            // (e.g. the first read at start) would let the rest of the typed command run as keys
            global(Key.of(':'), "command", "run a wgtui command as in the shell (:q quits); typed while the hub "
                    + "works, it runs next", Dashboard::startCommand, DisabledReason.NEVER),
            new KeyBinding(KeyContext.GLOBAL, Key.of("tab", KeyType.Tab), "focus",
                    "move the focus between the peer table and the pane", false,
                    Dashboard::switchFocus, Dashboard::whyNoPane),
            new KeyBinding(KeyContext.GLOBAL, ESC, "back", "close the pane (or cancel a range, or clear the filter)",
                    false, Dashboard::back, Dashboard::whyNothingToClose),
            new KeyBinding(KeyContext.GLOBAL, Key.ctrl('l'), "repaint", "draw the whole screen again", false,
                    Dashboard::repaint, DisabledReason.NEVER),
            global(Key.any("q", Key.of('q'), Key.ctrl('c')), "quit", "quit wgtui (ctrl-c too); asks first "
                    + "while work is running", Dashboard::quit, DisabledReason.NEVER),

            // the peer table
            nav(KeyContext.TABLE, UP, "up", "move the cursor up", d -> d.moveCursor(-1)),
            nav(KeyContext.TABLE, DOWN, "down", "move the cursor down", d -> d.moveCursor(1)),
            nav(KeyContext.TABLE, PAGE_UP, "page up", "move the cursor a page up", d -> d.pageCursor(-1)),
            nav(KeyContext.TABLE, PAGE_DOWN, "page down", "move the cursor a page down", d -> d.pageCursor(1)),
            nav(KeyContext.TABLE, HOME, "first", "move to the first peer", d -> d.cursorToEnd(false)),
            nav(KeyContext.TABLE, END, "last", "move to the last peer", d -> d.cursorToEnd(true)),
            new KeyBinding(KeyContext.TABLE, Key.of(' '), "select", "select or unselect the worker under the cursor "
                    + "(in a range: every worker of the range)", true, d -> d.marks.toggleSelection(),
                    Dashboard::whyNotWorker),
            new KeyBinding(KeyContext.TABLE, Key.of('a'), "all", "select every worker the table shows (the filter "
                    + "counts); again: unselect them", true, d -> d.marks.toggleAll(), Dashboard::whyNoPeers),
            new KeyBinding(KeyContext.TABLE, Key.of('V'), "range", "start marking a range at the cursor; move, then "
                    + "V or space selects its workers (esc cancels)", true, d -> d.marks.range(), Dashboard::whyNoRow),
            nav(KeyContext.TABLE, SHIFT_DOWN, "mark down", "select the worker under the cursor and move down",
                    d -> d.marks.markAndMove(1)),
            nav(KeyContext.TABLE, SHIFT_UP, "mark up", "select the worker under the cursor and move up",
                    d -> d.marks.markAndMove(-1)),
            new KeyBinding(KeyContext.TABLE, Key.of('s'), "sort", "sort by the next column: name, status, "
                    + "handshake, transfer, then as read", true, Dashboard::cycleSort, Dashboard::whyNoPeers),
            new KeyBinding(KeyContext.TABLE, Key.of('n'), "next bad", "jump to the next peer that is not ok "
                    + "(status, or a stale handshake)", true, d -> d.jumpNotOk(1), Dashboard::whyNoRow),
            new KeyBinding(KeyContext.TABLE, Key.of('N'), "previous bad", "jump to the previous peer that is not ok",
                    false, d -> d.jumpNotOk(-1), Dashboard::whyNoRow),
            new KeyBinding(KeyContext.TABLE, ENTER, "detail", "show everything known about the peer under the "
                    + "cursor; the pane follows the cursor", false, Dashboard::showDetail, Dashboard::whyNoRow),

            // any pane
            nav(KeyContext.PANE, UP, "scroll up", "scroll up a line", d -> d.scrollPane(-1)),
            nav(KeyContext.PANE, DOWN, "scroll down", "scroll down a line", d -> d.scrollPane(1)),
            nav(KeyContext.PANE, PAGE_UP, "page up", "scroll a page up", d -> d.pagePane(-1)),
            nav(KeyContext.PANE, PAGE_DOWN, "page down", "scroll a page down", d -> d.pagePane(1)),
            nav(KeyContext.PANE, HOME, "top", "scroll to the top", d -> d.paneToEnd(false)),
            nav(KeyContext.PANE, END, "bottom", "scroll to the bottom", d -> d.paneToEnd(true)),
            new KeyBinding(KeyContext.PANE, ESC, "close", "close the pane", true, Dashboard::back,
                    DisabledReason.NEVER),
            new KeyBinding(KeyContext.PANE, Key.of("tab", KeyType.Tab), "peers", "move the focus to the peer table",
                    true, Dashboard::switchFocus, DisabledReason.NEVER),

            // reports that lead with a verdict
            new KeyBinding(KeyContext.REPORT, Key.of('o'), "all peers", "list every peer, the ok ones too (again: "
                    + "only what is not ok)", true, Dashboard::toggleAllPeers, DisabledReason.NEVER),

            // backups
            new KeyBinding(KeyContext.BACKUPS, UP, "up", "previous backup", false, d -> d.reports.moveBackup(-1),
                    DisabledReason.NEVER),
            new KeyBinding(KeyContext.BACKUPS, DOWN, "down", "next backup", false, d -> d.reports.moveBackup(1),
                    DisabledReason.NEVER),
            new KeyBinding(KeyContext.BACKUPS, Key.any("enter/d", ENTER, Key.of('d')), "diff",
                    "show what restoring the backup would change in the current file", true,
                    d -> d.reports.showBackupDiff(), Dashboard::whyNoBackup),
            new KeyBinding(KeyContext.BACKUPS, Key.of('R'), "restore",
                    "restore the backup: what it changes in the pane, then a confirmation naming the peers", true, d -> d.writes.restoreChosen(), Dashboard::whyNoBackup),
            new KeyBinding(KeyContext.BACKUP_DIFF, Key.any("enter/R", ENTER, Key.of('R')), "restore",
                    "restore this backup (after a confirmation naming the peers)", true, d -> d.writes.restoreChosen(),
                    Dashboard::whyNoBackup),

            // health
            new KeyBinding(KeyContext.HEALTH, Key.of('P'), "ping", "ping every peer over the tunnel from the hub",
                    true, d -> d.reports.showHealth(true), Dashboard::whyBusy),

            // help
            new KeyBinding(KeyContext.HELP, Key.any("q/?/esc", Key.of('q'), Key.of('?'), ESC), "close",
                    "close the help (q here does not quit)", true, Dashboard::back, DisabledReason.NEVER),

            // dialogs
            new KeyBinding(KeyContext.DIALOG, Key.any("y/enter", Key.of('y'), ENTER), "yes",
                    "confirm (ignored in the first " + Dashboard.CONFIRM_GUARD_MILLIS + " ms after the dialog "
                    + "opens, so typed-ahead text cannot confirm it)", true,
                    d -> d.dialogAnswer(true), DisabledReason.NEVER),
            new KeyBinding(KeyContext.DIALOG, Key.any("n/esc", Key.of('n'), ESC), "no", "cancel", true,
                    d -> d.dialogAnswer(false), DisabledReason.NEVER),

            // prompts
            new KeyBinding(KeyContext.FILTER, ENTER, "keep", "keep the filter and go back to the table", true,
                    Dashboard::promptAccept, DisabledReason.NEVER),
            new KeyBinding(KeyContext.FILTER, ESC, "clear", "clear the filter", true,
                    Dashboard::promptCancel, DisabledReason.NEVER),
            new KeyBinding(KeyContext.FILTER, Key.of("backspace", KeyType.Backspace), "erase",
                    "erase the last character", false, Dashboard::promptBackspace, DisabledReason.NEVER),
            new KeyBinding(KeyContext.COMMAND, ENTER, "run", "run the command", true,
                    Dashboard::promptAccept, DisabledReason.NEVER),
            new KeyBinding(KeyContext.COMMAND, ESC, "cancel", "leave the command line", true,
                    Dashboard::promptCancel, DisabledReason.NEVER),
            new KeyBinding(KeyContext.COMMAND, Key.of("↑", KeyType.ArrowUp), "previous", "previous command", false,
                    d -> d.commandHistory(-1), DisabledReason.NEVER),
            new KeyBinding(KeyContext.COMMAND, Key.of("↓", KeyType.ArrowDown), "next", "next command", false,
                    d -> d.commandHistory(1), DisabledReason.NEVER),
            new KeyBinding(KeyContext.COMMAND, Key.of("backspace", KeyType.Backspace), "erase",
                    "erase the last character (on an empty line: leave)", false, Dashboard::promptBackspace,
                    DisabledReason.NEVER));

    private DashboardKeys() {
    }

    /** All bindings, in the order the footer and the help show them. */
    public static List<KeyBinding> bindings() {
        return BINDINGS;
    }

    /** The bindings of one context. */
    public static List<KeyBinding> bindings(KeyContext context) {
        return BINDINGS.stream().filter(b -> b.context() == context).toList();
    }

    private static KeyBinding global(Key key, String name, String description, Handler handler, DisabledReason why) {
        return new KeyBinding(KeyContext.GLOBAL, key, name, description, true, handler, why);
    }

    private static KeyBinding nav(KeyContext context, Key key, String name, String description, Handler handler) {
        return new KeyBinding(context, key, name, description, false, handler, DisabledReason.NEVER);
    }

    /** The help screen: every binding by context, then what the markers mean. */
    static List<Line> helpLines(boolean unicode) {
        List<Line> out = new ArrayList<>();
        int w = BINDINGS.stream().mapToInt(b -> Canvas.width(b.key().label())).max().orElse(4);
        for (KeyContext c : KeyContext.values()) {
            List<KeyBinding> list = bindings(c);
            if (list.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.add(Line.blank());
            }
            out.add(Line.of(c.title(), Element.PANE_HEADING));
            for (KeyBinding b : list) {
                out.add(Line.of(new Span("  " + Canvas.pad(b.key().label(), w) + "  ", Element.FOOTER_KEY),
                        new Span(b.description(), Element.PANE_TEXT)));
            }
        }
        out.add(Line.blank());
        out.add(Line.of("Markers", Element.PANE_HEADING));
        for (PeerStatus s : PeerStatus.values()) {
            out.add(Line.of(new Span("  " + Canvas.pad(s.marker(unicode) + " " + s.word(), w + 8), Reports.marker(s)),
                    new Span(meaning(s), Element.PANE_TEXT)));
        }
        out.add(Line.of(new Span("  " + Canvas.pad("stale", w + 8), Element.LIVE_STALE),
                new Span("the last handshake is older than 3 minutes (or there was none)", Element.PANE_TEXT)));
        return out;
    }

    private static String meaning(PeerStatus s) {
        return switch (s) {
            case OK -> "configured; key and AllowedIPs match the inventory";
            case CHANGED -> "configured, but the key or AllowedIPs differ from the inventory or worker";
            case NEW -> "selected, not yet on the hub: apply adds it";
            case MISSING -> "in the inventory, not on the hub";
            case EXTRA -> "on the hub, not in the inventory: preserved (only prune removes it)";
        };
    }
}
