package dev.wgtui.core.live;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiveStateTest {

    static final String DUMP = "(hidden)\tHUBPUBLIC=\t51820\toff\n"
            + "KEYA=\t(none)\t192.168.77.3:51820\t10.0.0.3/32\t1764126800\t1200\t3400\t25\n"
            + "KEYB=\tPSK=\t(none)\t10.0.0.4/32,10.0.9.0/24\t0\t0\t0\toff\n";

    @Test
    void parsesInterfaceAndPeers() {
        LiveState s = LiveState.parse(DUMP);
        assertThat(s.publicKey()).isEqualTo("HUBPUBLIC=");
        assertThat(s.listenPort()).isEqualTo(51820);
        assertThat(s.peers()).hasSize(2);
        LiveState.LivePeer a = s.peer("KEYA=").orElseThrow();
        assertThat(a.endpoint()).isEqualTo("192.168.77.3:51820");
        assertThat(a.handshakeAge(1764126860)).contains(60L);
        assertThat(a.stale(1764126860)).isFalse();
        assertThat(a.stale(1764126800 + 181)).isTrue();
        LiveState.LivePeer b = s.peer("KEYB=").orElseThrow();
        assertThat(b.hasPresharedKey()).isTrue();
        assertThat(b.endpoint()).isNull();
        assertThat(b.allowedIps()).containsExactly("10.0.0.4/32", "10.0.9.0/24");
        assertThat(b.handshakeAge(1764126860)).isEmpty();
        assertThat(b.stale(1764126860)).isTrue();
        assertThat(s.toString()).doesNotContain("(hidden)\t");
    }

    @Test
    void rejectsWhatIsNotADump() {
        assertThatThrownBy(() -> LiveState.parse("interface: wg0\n  public key: x\n"))
                .hasMessageContaining("line 1: expected 4 fields");
        assertThatThrownBy(() -> LiveState.parse("a\tb\tc\td\nshort\tline\n"))
                .hasMessageContaining("line 2: expected 8 fields");
    }
}
