package dev.wgtui.tui;

import dev.wgtui.core.hub.Backup;
import dev.wgtui.core.hub.Commit;
import dev.wgtui.core.hub.Hub;
import dev.wgtui.core.hub.HubException;
import dev.wgtui.core.hub.HubState;
import dev.wgtui.core.hub.RunReport;
import dev.wgtui.core.session.Session;
import dev.wgtui.core.session.WorkerKeys;
import dev.wgtui.local.LocalHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review R5: a commit that ran on the hub while its client was gone is reported by the next
 * read; the dashboard, opened first, tells the operator, once.
 */
class UnreportedCommitsTest {

    @TempDir
    Path dir;

    @Test
    void theDashboardSaysWhatBecameOfACommitWhoseClientWasGoneOnce() throws Exception {
        Path config = dir.resolve("wg0.conf");
        try (InputStream in = DemoCluster.class.getResourceAsStream("demo-wg0.conf")) {
            Files.write(config, in.readAllBytes());
        }
        Clock clock = Clock.fixed(DemoCluster.NOW, ZoneOffset.UTC);
        Hub local = new LocalHub("k8s", config, dir.resolve("wg0.conf.preview"), clock);
        RunReport failed = new RunReport("commit", DemoCluster.NOW.minusSeconds(600), RunReport.Outcome.FAILED,
                "syncconf", "wg syncconf wg0 failed: Protocol error; restored wg0.conf", "wg0.conf.x.backup");
        Hub reporting = new Hub() {
            public String node() { return local.node(); }
            public String configPath() { return local.configPath(); }
            public String previewPath() { return local.previewPath(); }
            public HubState read() throws HubException {
                HubState s = local.read();
                return new HubState(s.text(), s.live(), List.of(failed));
            }
            public void writePreview(String t) throws HubException { local.writePreview(t); }
            public Commit commit(String t, String h) throws HubException { return local.commit(t, h); }
            public HubState rollback(String b) throws HubException { return local.rollback(b); }
            public List<Backup> backups() throws HubException { return local.backups(); }
            public String readBackup(String n) throws HubException { return local.readBackup(n); }
            public Optional<String> runningConfig() { return Optional.empty(); }
            public String strippedConfig() throws HubException { return local.strippedConfig(); }
            public void close() { }
        };
        Session session = new Session(DemoCluster.cluster(), reporting, DemoCluster::limit, WorkerKeys.NONE,
                Session.Options.defaults(), clock);

        ScreenDriver t = ScreenDriver.inline(session, 120, 35).start();
        assertThat(t.text()).contains("Commits that ran while their client was gone")
                .contains(failed.describe().substring(0, 40));
        t.press(com.googlecode.lanterna.input.KeyType.Escape).type("r");
        assertThat(t.text()).doesNotContain("Commits that ran while their client was gone");
    }
}
