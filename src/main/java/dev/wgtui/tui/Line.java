package dev.wgtui.tui;

import dev.wgtui.core.config.Redaction;
import dev.wgtui.core.text.Printable;
import dev.wgtui.tui.Theme.Element;

import java.util.ArrayList;
import java.util.List;

/** One line of pane or dialog text: coloured spans, optionally drawn as the highlighted row. */
record Line(List<Span> spans, boolean highlight) {

    /** A run of text in one theme element. */
    record Span(String text, Element element) {
    }

    Line {
        spans = List.copyOf(spans);
    }

    static Line of(String text, Element element) {
        return new Line(List.of(new Span(text, element)), false);
    }

    static Line blank() {
        return new Line(List.of(), false);
    }

    static Line of(Span... spans) {
        return new Line(List.of(spans), false);
    }

    Line highlighted() {
        return new Line(spans, true);
    }

    String text() {
        StringBuilder out = new StringBuilder();
        spans.forEach(s -> out.append(s.text()));
        return out.toString();
    }

    /** Plain text, one line per text line, each passed through {@link Redaction} for safety. */
    static List<Line> text(String text, Element element) {
        List<Line> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String l : text.split("\r?\n", -1)) {
            out.add(of(Printable.of(Redaction.line(l).replace("\t", "    ")), element));
        }
        if (!out.isEmpty() && out.get(out.size() - 1).text().isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** A unified diff, coloured by line kind. */
    static List<Line> diff(String unified) {
        List<Line> out = new ArrayList<>();
        for (Line l : text(unified, Element.PANE_TEXT)) {
            String t = l.text();
            Element e = t.startsWith("+++") || t.startsWith("---") ? Element.DIFF_FILE
                    : t.startsWith("@@") ? Element.DIFF_HUNK
                    : t.startsWith("+") ? Element.DIFF_ADD
                    : t.startsWith("-") ? Element.DIFF_REMOVE
                    : Element.PANE_TEXT;
            out.add(of(t, e));
        }
        return out;
    }
}
