package dev.wgtui.remote;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FramesTest {

    private static final String B = "wgtui-0123456789abcdef0123456789abcdef";

    @Test
    void bodiesComeBackByteForByte() {
        String out = "Welcome to Ubuntu\n" + "\n" + B + ":file\n" + "no newline" + "\n" + B + ":dump\n" + "a\tb\n\n"
                + "\n" + B + ":end\n";

        Frames f = Frames.parse(out, B);

        assertThat(f.complete()).isTrue();
        assertThat(f.first("file").orElseThrow().body()).isEqualTo("no newline");
        assertThat(f.first("dump").orElseThrow().body()).isEqualTo("a\tb\n\n");
        assertThat(f.all()).extracting(Frames.Frame::name).containsExactly("file", "dump", "end");
    }

    @Test
    void anotherBoundaryInABodyIsJustText() {
        String other = "wgtui-ffffffffffffffffffffffffffffffff";
        String body = "\n" + other + ":end\nx" + B + ":end\n";
        String out = "\n" + B + ":file\n" + body + "\n" + B + ":end\n";

        Frames f = Frames.parse(out, B);

        assertThat(f.first("file").orElseThrow().body()).isEqualTo(body);
    }

    @Test
    void outputCutShortIsIncomplete() {
        Frames f = Frames.parse("\n" + B + ":file\n[Interface]\n", B);

        assertThat(f.complete()).isFalse();
        assertThat(Frames.parse("", B).complete()).isFalse();
    }

    @Test
    void aFailureFrameNamesKindStepAndMessage() {
        Frames f = Frames.parse("\n" + B + ":fail\nRELOAD\tsyncconf\twg syncconf wg0 failed: x\ny\n\n" + B + ":end\n", B);

        ScriptFailure failure = f.failure().orElseThrow();
        assertThat(failure.kind()).isEqualTo("RELOAD");
        assertThat(failure.step()).isEqualTo("syncconf");
        assertThat(failure.message()).isEqualTo("wg syncconf wg0 failed: x\ny");
    }

    @Test
    void boundariesAreRandom() {
        assertThat(Frames.newBoundary()).matches("wgtui-[0-9a-f]{32}").isNotEqualTo(Frames.newBoundary());
    }
}
