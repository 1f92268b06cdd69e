package dev.wgtui.core.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CidrTest {

    @Test
    void parsesV4AndV6AndRejectsGarbage() {
        assertThat(Cidr.parse("10.0.0.3/32")).map(Cidr::text).contains("10.0.0.3/32");
        assertThat(Cidr.parse("10.0.0.3")).map(Cidr::text).contains("10.0.0.3/32");
        assertThat(Cidr.parse("fd00:77::5/128")).map(Cidr::text).contains("fd00:77:0:0:0:0:0:5/128");
        assertThat(Cidr.parse("::/0")).isPresent();
        assertThat(Cidr.parse("10.0.0.256/32")).isEmpty();
        assertThat(Cidr.parse("10.0.0.3/33")).isEmpty();
        assertThat(Cidr.parse("10.0.0/24")).isEmpty();
        assertThat(Cidr.parse("fd00::1::2/64")).isEmpty();
        assertThat(Cidr.parse("10.0.0.3/")).isEmpty();
        assertThat(Cidr.parse("hello")).isEmpty();
    }

    @Test
    void overlapIsContainmentWithinAFamily() {
        Cidr net = Cidr.parse("10.0.0.0/24").orElseThrow();
        assertThat(net.overlaps(Cidr.parse("10.0.0.9/32").orElseThrow())).isTrue();
        assertThat(net.overlaps(Cidr.parse("10.0.1.9/32").orElseThrow())).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").orElseThrow().overlaps(Cidr.parse("::/0").orElseThrow())).isFalse();
        assertThat(net.contains(Cidr.parse("10.0.0.0/25").orElseThrow())).isTrue();
    }

    @Test
    void sameCidrsIgnoresOrderAndSpelling() {
        assertThat(PeerMerge.sameCidrs(java.util.List.of("10.0.0.3", "fd00::3/128"),
                java.util.List.of("fd00:0::3/128", "10.0.0.3/32"))).isTrue();
        assertThat(PeerMerge.sameCidrs(java.util.List.of("10.0.0.3/32"), java.util.List.of("10.0.0.4/32"))).isFalse();
    }
}
