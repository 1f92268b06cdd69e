package dev.wgtui.core.config;

import dev.wgtui.core.host.ExecResult;
import dev.wgtui.testbed.Testbed;
import dev.wgtui.testbed.TestbedExtension;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeded random hubs of {@link PeerOwnershipPropertyTest} (every naming convention, comment
 * blocks, CRLF, tabs, PiVPN's disabled clients) after random add, update and prune steps, loaded
 * for real: {@code wg-quick strip} of the written file, {@code wg syncconf} into a running
 * interface on the testbed's hub, and {@code wg show dump}. The interface must hold exactly the
 * peers wgtui reads from the file, each with its AllowedIPs: the merged text means to wg what it
 * means to wgtui, disabled clients are not loaded, and no planned peer is missing.
 */
@Tag("testbed")
@ExtendWith(TestbedExtension.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class RandomHubsTestbedTest {

    private static final long BASE_SEED = 0x73747269L;
    private static final int FILES = 40;

    private static Testbed bed;

    @BeforeAll
    static void interfaceUp(Testbed testbed) {
        bed = testbed;
        bed.resetWireGuard();
        bed.exec("k8s", "mkdir -p /etc/wireguard && umask 077 && printf '[Interface]\\nListenPort = 51820\\n' "
                + "> /etc/wireguard/wg0.conf", new byte[0], Testbed.EXEC_TIMEOUT);
        bed.execOk("k8s", "wg-quick up wg0 >/dev/null 2>&1");
    }

    @AfterAll
    static void interfaceDown() {
        if (bed != null) {
            bed.resetWireGuard();
        }
    }

    @Test
    void wgLoadsExactlyThePeersWgtuiReadsFromEveryMergedFile() {
        for (int i = 0; i < FILES; i++) {
            long seedValue = BASE_SEED + i;
            Random rnd = new Random(seedValue);
            String seed = "seed " + seedValue;
            WgConfig config = WgConfig.parse("hub", RandomHubs.generate(rnd).text());
            for (int step = 0; step < 2; step++) {
                config = WgConfig.parse("hub", randomStep(rnd, config).config().render());
                assertThat(bed.exec("k8s", "cat > /etc/wireguard/wg0.conf",
                        config.render().getBytes(StandardCharsets.UTF_8), Testbed.EXEC_TIMEOUT).ok()).isTrue();
                ExecResult loaded = bed.exec("k8s", "wg-quick strip wg0 > /tmp/stripped.conf "
                        + "&& wg syncconf wg0 /tmp/stripped.conf && wg show wg0 dump", new byte[0], Duration.ofSeconds(30));
                assertThat(loaded.ok()).as("%s step %d: %s%n%s", seed, step, loaded.err(), config.render()).isTrue();
                assertThat(peersOfDump(loaded.out())).as("%s step %d:%n%s", seed, step, config.render())
                        .isEqualTo(peersWgtuiReads(config));
            }
        }
    }

    /** An add/update of random peers, or a prune of some: as PeerOwnershipPropertyTest steps. */
    private static PeerMerge.Result randomStep(Random rnd, WgConfig before) {
        if (rnd.nextInt(3) == 0 && !before.peers().isEmpty()) {
            Set<String> keep = new HashSet<>();
            before.peers().stream().filter(p -> rnd.nextInt(3) > 0).forEach(p -> keep.add(p.name()));
            return PeerMerge.prune(before, keep);
        }
        List<PeerSpec> selected = new ArrayList<>();
        int next = rnd.nextInt(200);
        for (PeerBlock p : before.peers()) {
            if (p.named() && NameStyle.isWord(p.name()) && rnd.nextInt(4) == 0) {
                selected.add(new PeerSpec(p.name(), RandomHubs.key(rnd), List.of(RandomHubs.address(900 + next++)),
                        rnd.nextBoolean() ? "198.51.100.7:51820" : null, null));
            }
        }
        for (int i = 0, n = 1 + rnd.nextInt(2); i < n; i++) {
            String name = "new" + rnd.nextInt(100_000);
            if (before.peer(name).isEmpty()) {
                selected.add(new PeerSpec(name, RandomHubs.key(rnd), List.of(RandomHubs.address(2000 + next++)), null, 25));
            }
        }
        return PeerMerge.merge(before, selected);
    }

    /** Public key → AllowedIPs of every active peer wgtui reads from the file. */
    private static Map<String, Set<String>> peersWgtuiReads(WgConfig config) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (PeerBlock p : config.peers()) {
            out.put(p.publicKey().orElseThrow(), new TreeSet<>(p.allowedIps()));
        }
        return out;
    }

    /** Public key → AllowedIPs of every peer of the running interface ({@code wg show dump}). */
    private static Map<String, Set<String>> peersOfDump(String dump) {
        Map<String, Set<String>> out = new TreeMap<>();
        List<String> lines = dump.lines().filter(l -> !l.isBlank()).toList();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            out.put(f[0], f[3].equals("(none)") ? new TreeSet<>() : new TreeSet<>(List.of(f[3].split(","))));
        }
        return out;
    }
}
