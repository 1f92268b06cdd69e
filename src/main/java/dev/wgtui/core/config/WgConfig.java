package dev.wgtui.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A wg0.conf as a list of lines, with the peers found in it. Immutable; {@link #render()}
 * gives back the exact text it was parsed from.
 */
public final class WgConfig {

    private final String source;
    private final List<ConfigLine> lines;
    private final int preambleEnd;
    private final List<PeerBlock> peers;

    private WgConfig(String source, List<ConfigLine> lines) {
        this.source = source;
        this.lines = Collections.unmodifiableList(lines);
        List<PeerBlock> found = new ArrayList<>();
        List<Integer> starts = blockStarts(lines);
        this.preambleEnd = starts.isEmpty() ? lines.size() : starts.get(0);
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : lines.size();
            found.add(PeerBlock.of(this.lines.subList(starts.get(i), end)));
        }
        this.peers = Collections.unmodifiableList(found);
    }

    /** Parses {@code text}; never fails: problems are reported by {@link ConfigCheck}. */
    public static WgConfig parse(String source, String text) {
        return new WgConfig(source, ConfigParser.parse(text));
    }

    /** A config made of these lines (used by merge and prune). */
    static WgConfig of(String source, List<ConfigLine> lines) {
        return new WgConfig(source, new ArrayList<>(lines));
    }

    /** The same config named after another file (a preview), sharing its lines. */
    public WgConfig withSource(String newSource) {
        return new WgConfig(newSource, this);
    }

    private WgConfig(String source, WgConfig same) {
        this.source = source;
        this.lines = same.lines;
        this.preambleEnd = same.preambleEnd;
        this.peers = same.peers;
    }

    /** Where the config came from, for messages: a path or {@code host:path}. */
    public String source() {
        return source;
    }

    public List<ConfigLine> lines() {
        return lines;
    }

    /** Everything before the first peer: the [Interface] section and what surrounds it. */
    public List<ConfigLine> preamble() {
        return lines.subList(0, preambleEnd);
    }

    public List<PeerBlock> peers() {
        return peers;
    }

    public Optional<PeerBlock> peer(String name) {
        return peers.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The value of an [Interface] key, e.g. {@code ListenPort}. */
    public Optional<String> interfaceValue(String key) {
        boolean inInterface = false;
        for (ConfigLine line : preamble()) {
            if (line instanceof ConfigLine.Section s) {
                inInterface = s.is("Interface");
            } else if (inInterface && line instanceof ConfigLine.Entry e && e.is(key)) {
                return Optional.of(e.value());
            }
        }
        return Optional.empty();
    }

    /** The line ending this file mostly uses; {@code "\n"} for an empty file. */
    public String lineEnding() {
        int crlf = 0;
        int lf = 0;
        for (ConfigLine line : lines) {
            if (line.eol().equals("\r\n")) {
                crlf++;
            } else if (line.eol().equals("\n")) {
                lf++;
            }
        }
        return crlf > lf ? "\r\n" : "\n";
    }

    /** The exact text: parse then render is the identity. */
    public String render() {
        StringBuilder out = new StringBuilder(lines.size() * 40);
        for (ConfigLine line : lines) {
            out.append(line.raw()).append(line.eol());
        }
        return out.toString();
    }

    /**
     * A peer block starts at its {@code [Peer]} line, or one line earlier at a name comment right
     * above it ({@code # cm4}), one of the naming conventions we read. Other comments stay where
     * they are, with the section above.
     */
    private static List<Integer> blockStarts(List<ConfigLine> lines) {
        List<Integer> starts = new ArrayList<>();
        int floor = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) instanceof ConfigLine.Section s && s.is("Peer")) {
                int start = i;
                if (start - 1 >= floor && lines.get(start - 1) instanceof ConfigLine.Comment c
                        && PeerBlock.nameIn(c.text()).isPresent()) {
                    start--;
                }
                starts.add(start);
                floor = i + 1;
            } else if (lines.get(i) instanceof ConfigLine.Section) {
                floor = i + 1;
            }
        }
        return starts;
    }
}
