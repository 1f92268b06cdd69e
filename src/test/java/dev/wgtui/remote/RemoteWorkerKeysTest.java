package dev.wgtui.remote;

import dev.wgtui.core.cluster.Node;
import dev.wgtui.core.config.Keys;
import dev.wgtui.core.host.ExecResult;
import dev.wgtui.core.host.HostException;
import dev.wgtui.core.host.HostShell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Workers' keys from the real worker-key script, each worker a temp dir with fake wg tools. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RemoteWorkerKeysTest {

    @TempDir
    Path root;

    final Map<String, FakeHubHost> hosts = new HashMap<>();

    static Node worker(String name, Map<String, Object> vars) {
        return new Node(name, "10.0.0.3", List.of("10.0.0.3/32"), Optional.empty(), null, null, 51820, "wg0", false, vars);
    }

    FakeHubHost host(String name) {
        return hosts.computeIfAbsent(name, n -> {
            try {
                return new FakeHubHost(Files.createDirectories(root.resolve(n)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    RemoteWorkerKeys keys() {
        return new RemoteWorkerKeys(n -> host(n.name()).shell, 5, Duration.ofSeconds(20),
                n -> RemoteHub.Layout.under(host(n.name()).etc.toString(), host(n.name()).tmp.toString(), "wg0"), l -> {
                });
    }

    static String pubkey(String privateKey) throws Exception {
        Process p = new ProcessBuilder("wg", "pubkey").start();
        p.getOutputStream().write((privateKey + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private void etc(FakeHubHost h) throws Exception {
        Files.createDirectories(h.etc);
    }

    @Test
    void derivedFromThePrivateKeyFileOnTheWorker() throws Exception {
        String priv = FakeHubHost.key();
        FakeHubHost cm4 = host("cm4");
        etc(cm4);
        FakeHubHost.write(cm4.etc.resolve("privatekey"), priv + "\n");
        RemoteWorkerKeys keys = keys();

        List<RemoteWorkerKeys.Result> r = keys.lookUp(List.of(worker("cm4", Map.of())));

        assertThat(r.get(0).publicKey()).contains(pubkey(priv));
        assertThat(r.get(0).source()).contains(RemoteWorkerKeys.Source.KEY_FILE);
        assertThat(cm4.allOutput()).doesNotContain(priv);
        assertThat(keys.roundTrips()).isEqualTo(1);
    }

    @Test
    void readFromThePublicKeyFileWhenThereIsNoPrivateKeyFile() throws Exception {
        String pub = FakeHubHost.key();
        FakeHubHost cm4 = host("cm4");
        etc(cm4);
        FakeHubHost.write(cm4.etc.resolve("publickey"), pub + "\n");

        assertThat(keys().publicKeys(List.of(worker("cm4", Map.of())))).containsEntry("cm4", pub);
    }

    @Test
    void derivedFromTheConfigsPrivateKeyWhichNeverLeavesTheWorker() throws Exception {
        String priv = FakeHubHost.key();
        FakeHubHost cm4 = host("cm4");
        cm4.writeConf("[Interface]\nAddress = 10.0.0.3/24\nPrivateKey = " + priv + " # the key\n");

        List<RemoteWorkerKeys.Result> r = keys().lookUp(List.of(worker("cm4", Map.of())));

        assertThat(r.get(0).publicKey()).contains(pubkey(priv));
        assertThat(r.get(0).source()).contains(RemoteWorkerKeys.Source.CONFIG);
        assertThat(cm4.allOutput()).doesNotContain(priv);
    }

    @Test
    void aPlannerGetsTheKeyAndTheConfigInOneRoundTripAndTheNextLookupAsksNoMore() throws Exception {
        String priv = FakeHubHost.key();
        FakeHubHost cm4 = host("cm4");
        String conf = "[Interface]\nAddress = 10.0.0.3/24\nPrivateKey = " + priv + "\n";
        cm4.writeConf(conf);
        RemoteWorkerKeys keys = keys();
        Node worker = worker("cm4", Map.of());
        RemoteHub on = new RemoteHub(worker, cm4.shell, RemoteHub.Layout.under(cm4.etc.toString(), cm4.tmp.toString(), "wg0"),
                RemoteHub.Settings.defaults().withBecome(true));

        RemoteWorkerKeys.Looked looked = keys.lookUpAndRead(worker, on);

        assertThat(looked.key().publicKey()).contains(pubkey(priv));
        assertThat(looked.key().source()).contains(RemoteWorkerKeys.Source.CONFIG);
        assertThat(looked.state().text()).isEqualTo(conf);
        assertThat(looked.state().live()).isEmpty();
        assertThat(cm4.shell.runs).hasSize(1);
        assertThat(keys.existingKeys(List.of(worker))).containsEntry("cm4", pubkey(priv));
        assertThat(cm4.shell.runs).hasSize(1);
    }

    @Test
    void readFromTheRunningInterface() throws Exception {
        String priv = FakeHubHost.key();
        FakeHubHost cm4 = host("cm4");
        cm4.up(priv, "[Interface]\n");

        List<RemoteWorkerKeys.Result> r = keys().lookUp(List.of(worker("cm4", Map.of())));

        assertThat(r.get(0).publicKey()).contains(pubkey(priv));
        assertThat(r.get(0).source()).contains(RemoteWorkerKeys.Source.RUNNING);
    }

    @Test
    void aWorkerWithNoKeyGetsAPairGeneratedThere() throws Exception {
        FakeHubHost cm4 = host("cm4");

        List<RemoteWorkerKeys.Result> r = keys().lookUp(List.of(worker("cm4", Map.of())));

        assertThat(r.get(0).source()).contains(RemoteWorkerKeys.Source.GENERATED);
        String priv = FakeHubHost.read(cm4.etc.resolve("privatekey")).strip();
        assertThat(r.get(0).publicKey()).contains(pubkey(priv));
        assertThat(FakeHubHost.read(cm4.etc.resolve("publickey")).strip()).isEqualTo(r.get(0).publicKey().get());
        assertThat(FakeHubHost.mode(cm4.etc.resolve("privatekey"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(FakeHubHost.mode(cm4.etc)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(cm4.allOutput()).doesNotContain(priv);

        // asked again, the same key: generated once
        assertThat(keys().lookUp(List.of(worker("cm4", Map.of()))).get(0).publicKey()).isEqualTo(r.get(0).publicKey());
    }

    @Test
    void aRotatedKeyIsPickedUp() throws Exception {
        FakeHubHost cm4 = host("cm4");
        String before = keys().publicKeys(List.of(worker("cm4", Map.of()))).get("cm4");
        String rotated = FakeHubHost.key();
        FakeHubHost.write(cm4.etc.resolve("privatekey"), rotated + "\n");

        String after = keys().publicKeys(List.of(worker("cm4", Map.of()))).get("cm4");

        assertThat(after).isNotEqualTo(before).isEqualTo(pubkey(rotated));
    }

    @Test
    void aPublicKeyFileWithGarbageIsAnErrorNamingTheWorker() throws Exception {
        FakeHubHost cm4 = host("cm4");
        etc(cm4);
        FakeHubHost.write(cm4.etc.resolve("publickey"), "not a key\n");
        host("s2204");

        assertThatThrownBy(() -> keys().publicKeys(List.of(worker("cm4", Map.of()), worker("s2204", Map.of()))))
                .isInstanceOf(RemoteWorkerKeys.WorkerKeysException.class)
                .hasMessageStartingWith("cm4: ")
                .hasMessageContaining("not a WireGuard key")
                .satisfies(e -> assertThat(((RemoteWorkerKeys.WorkerKeysException) e).found()).containsKey("s2204"));
    }

    @Test
    void becomeFollowsAnsibleBecome() throws Exception {
        FakeHubHost cm4 = host("cm4");

        keys().lookUp(List.of(worker("cm4", Map.of("ansible_become", true))));

        assertThat(cm4.shell.runs.get(0).command()).startsWith("sudo -n sh -c ");
    }

    @Test
    void workersAreAskedInParallelButNoMoreThanForksAtOnce() throws Exception {
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Node> workers = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            workers.add(worker("w" + i, Map.of()));
        }
        RemoteWorkerKeys keys = new RemoteWorkerKeys(n -> new SlowKeyShell(n.name(), now, most), 3,
                Duration.ofSeconds(20), n -> RemoteHub.Layout.standard("wg0"), l -> {
        });

        Map<String, String> found = keys.publicKeys(workers);

        assertThat(found).hasSize(7);
        assertThat(most.get()).isEqualTo(3);
        assertThat(keys.roundTrips()).isEqualTo(7);
    }

    @Test
    void aWorkerThatDoesNotAnswerTimesOutAndIsNamed() {
        RemoteWorkerKeys keys = new RemoteWorkerKeys(n -> new HangingShell(n.name()), 5, Duration.ofSeconds(1),
                n -> RemoteHub.Layout.standard("wg0"), l -> {
        });

        assertThatThrownBy(() -> keys.publicKeys(List.of(worker("cm4", Map.of()))))
                .hasMessageStartingWith("cm4")
                .hasMessageContaining("1 s");
    }

    @Test
    void aWorkerThatCannotBeReachedIsNamed() {
        RemoteWorkerKeys keys = new RemoteWorkerKeys(n -> {
            throw new IllegalStateException(new HostException(HostException.Kind.CONNECT, n.name(), "connection refused"));
        });

        assertThatThrownBy(() -> keys.publicKeys(List.of(worker("cm4", Map.of()))))
                .hasMessage("cm4: connection refused");
    }

    @Test
    void keysReadAheadAnswerTheNextLookupOnceWithoutAskingAgain() throws Exception {
        Map<String, String> issued = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger asked = new AtomicInteger();
        RemoteWorkerKeys keys = new RemoteWorkerKeys(n -> new FixedKeyShell(n.name(), issued, asked), 4,
                Duration.ofSeconds(20), n -> RemoteHub.Layout.standard("wg0"), l -> {
        });
        List<Node> ws = List.of(worker("w1", Map.of()), worker("w2", Map.of()), worker("w3", Map.of()));

        assertThat(keys.prefetch(ws, false)).isEmpty();
        assertThat(asked.get()).isEqualTo(3);
        assertThat(keys.existingKeys(ws)).isEqualTo(issued);
        assertThat(asked.get()).as("answered from what was read ahead").isEqualTo(3);
        assertThat(keys.existingKeys(ws)).isEqualTo(issued);
        assertThat(asked.get()).as("each answer read ahead is used once").isEqualTo(6);
    }

    @Test
    void aPrefetchNamesTheWorkersThatFailedAndWhyTheOthersGoOn() throws Exception {
        Map<String, String> issued = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger asked = new AtomicInteger();
        List<String> progress = java.util.Collections.synchronizedList(new ArrayList<>());
        RemoteWorkerKeys keys = new RemoteWorkerKeys(n -> {
            if (n.name().equals("w2")) {
                throw new IllegalStateException(new HostException(HostException.Kind.CONNECT, "w2",
                        "cannot connect to 192.0.2.9:22: No route to host"));
            }
            if (n.name().equals("w3")) {
                throw new IllegalStateException(new HostException(HostException.Kind.HOST_KEY, "w3", "host key changed"));
            }
            return new FixedKeyShell(n.name(), issued, asked);
        }, 2, Duration.ofSeconds(20), n -> RemoteHub.Layout.standard("wg0"), l -> {
        }, (step, done, total) -> progress.add(step + " " + done + "/" + total));
        List<Node> ws = List.of(worker("w1", Map.of()), worker("w2", Map.of()), worker("w3", Map.of()),
                worker("w4", Map.of()));

        List<dev.wgtui.core.session.WorkerFailure> failed = keys.prefetch(ws, false);

        assertThat(failed).extracting(dev.wgtui.core.session.WorkerFailure::worker).containsExactly("w2", "w3");
        assertThat(failed.get(0).kind()).isEqualTo(dev.wgtui.core.session.WorkerFailure.Kind.HOST);
        assertThat(failed.get(0).reason()).isEqualTo("w2: cannot connect to 192.0.2.9:22: No route to host");
        assertThat(failed.get(1).kind()).isEqualTo(dev.wgtui.core.session.WorkerFailure.Kind.HOST_KEY);
        assertThat(keys.existingKeys(List.of(ws.get(0), ws.get(3)))).containsOnlyKeys("w1", "w4");
        assertThat(asked.get()).isEqualTo(2);
        assertThat(progress).startsWith("reading keys 0/4").contains("reading keys 4/4").hasSize(5);
    }

    /** A worker with a key file: the same key for a host every time, counting the calls. */
    private record FixedKeyShell(String hostName, Map<String, String> issued, AtomicInteger asked) implements HostShell {
        @Override
        public ExecResult exec(String command, byte[] stdin, Duration timeout) {
            asked.incrementAndGet();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(wgtui-[0-9a-f]{32})").matcher(command);
            m.find();
            String b = m.group(1);
            String key = issued.computeIfAbsent(hostName, h -> FakeHubHost.key());
            return new ExecResult(0, ("\n" + b + ":key\nkeyfile\n" + key + "\n\n" + b + ":end\n").getBytes(), new byte[0]);
        }

        @Override
        public void close() {
        }
    }

    /** Answers like a worker with a key file after a short wait, counting concurrent calls. */
    private record SlowKeyShell(String hostName, AtomicInteger now, AtomicInteger most) implements HostShell {
        @Override
        public ExecResult exec(String command, byte[] stdin, Duration timeout) {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                now.decrementAndGet();
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(wgtui-[0-9a-f]{32})").matcher(command);
            m.find();
            String b = m.group(1);
            String key = FakeHubHost.key();
            assertThat(Keys.isValid(key)).isTrue();
            return new ExecResult(0, ("\n" + b + ":key\nkeyfile\n" + key + "\n\n" + b + ":end\n").getBytes(), new byte[0]);
        }

        @Override
        public void close() {
        }
    }

    /** Never answers within the timeout, as a host behind a dead link. */
    private record HangingShell(String hostName) implements HostShell {
        @Override
        public ExecResult exec(String command, byte[] stdin, Duration timeout) throws HostException {
            try {
                Thread.sleep(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new HostException(HostException.Kind.TIMEOUT, hostName, "no answer within " + timeout.toSeconds() + " s");
        }

        @Override
        public void close() {
        }
    }
}
