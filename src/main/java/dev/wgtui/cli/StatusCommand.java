package dev.wgtui.cli;

import dev.wgtui.core.config.Problem;
import dev.wgtui.core.plan.PeerRow;
import dev.wgtui.core.session.Session;
import dev.wgtui.core.text.Printable;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code status}: every peer against the inventory with its marker and live columns. */
@Command(name = "status", aliases = "peers", description = "List every peer against the inventory with status markers")
final class StatusCommand extends HubCommand {

    @Override
    public Integer call() throws Exception {
        Session s = session();
        List<PeerRow> rows = s.rows();
        List<Problem> problems = s.currentProblems();
        if (options().json) {
            List<Object> peers = new ArrayList<>();
            for (PeerRow r : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", r.name());
                m.put("status", r.status().word());
                m.put("named", r.named());
                m.put("address", r.address());
                m.put("public_key", r.publicKey());
                m.put("differences", r.differences());
                r.live().ifPresent(l -> {
                    m.put("endpoint", l.endpoint());
                    m.put("latest_handshake", l.latestHandshake());
                    m.put("stale", l.stale(s.now()));
                    m.put("rx_bytes", l.rxBytes());
                    m.put("tx_bytes", l.txBytes());
                });
                peers.add(m);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("hub", s.hub().node());
            doc.put("file", s.hub().configPath());
            doc.put("interface_running", s.state().live().isPresent());
            doc.put("peers", peers);
            doc.put("problems", problems.stream().map(Problem::toString).toList());
            out().println(Json.write(doc));
            return ExitCode.OK.code();
        }
        long onHub = rows.stream().filter(r -> r.onHub().isPresent()).count();
        out().printf("Hub %s  %s  (%s)  %d peer(s) on the hub, %d worker(s) in the inventory%s%n", Printable.of(s.hub().node()),
                s.hub().configPath(), s.cluster().inventorySource(), onHub, s.cluster().workers().size(),
                s.state().hasFile() ? "" : "  [no config yet: CREATE NEW]");
        out().print(TextViews.peerTable(rows, s.now(), style()));
        for (Problem p : problems) {
            out().println(Printable.of(p.toString()));
        }
        return ExitCode.OK.code();
    }
}
