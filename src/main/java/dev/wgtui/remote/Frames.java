package dev.wgtui.remote;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The output of a remote script: frames that each start with a line {@code <boundary>:<name>}
 * after a newline. The boundary is random per call, so no file content can fake a frame; the
 * newline before each frame line belongs to the frame, so bodies come back byte for byte.
 */
final class Frames {

    /** One frame: its name and body. */
    record Frame(String name, String body) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<Frame> frames;

    private Frames(List<Frame> frames) {
        this.frames = List.copyOf(frames);
    }

    /** A fresh random boundary: {@code wgtui-} and 32 hex digits. */
    static String newBoundary() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return "wgtui-" + HexFormat.of().formatHex(b);
    }

    /** The frames in {@code out}; anything before the first frame (a login banner) is ignored. */
    static Frames parse(String out, String boundary) {
        String sep = "\n" + boundary + ":";
        List<Frame> list = new ArrayList<>();
        int at = out.indexOf(sep);
        while (at >= 0) {
            int nameStart = at + sep.length();
            int nameEnd = out.indexOf('\n', nameStart);
            if (nameEnd < 0) {
                list.add(new Frame(out.substring(nameStart), ""));
                break;
            }
            int next = out.indexOf(sep, nameEnd);
            String body = out.substring(nameEnd + 1, next < 0 ? out.length() : next);
            list.add(new Frame(out.substring(nameStart, nameEnd), body));
            at = next;
        }
        return new Frames(list);
    }

    List<Frame> all() {
        return frames;
    }

    /** True when the script got to its last frame, {@code end}. */
    boolean complete() {
        return !frames.isEmpty() && frames.get(frames.size() - 1).name().equals("end");
    }

    boolean has(String name) {
        return first(name).isPresent();
    }

    Optional<Frame> first(String name) {
        return frames.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    List<Frame> all(String name) {
        return frames.stream().filter(f -> f.name().equals(name)).toList();
    }

    /** The script's own report of a failed step, when it made one. */
    Optional<ScriptFailure> failure() {
        return first("fail").map(f -> ScriptFailure.parse(f.body()));
    }
}
