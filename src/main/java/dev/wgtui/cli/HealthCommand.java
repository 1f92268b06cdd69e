package dev.wgtui.cli;

import dev.wgtui.core.session.PeerHealth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code health}: handshake age per peer; with {@code --ping}, a ping over the tunnel from the hub. */
@Command(name = "health", description = "Show handshake age per peer (stale after 3 minutes); --ping pings each over the tunnel from the hub")
final class HealthCommand extends HubCommand {

    @Option(names = "--ping", description = "Ping each peer's WireGuard address from the hub")
    boolean ping;

    @Override
    public Integer call() throws Exception {
        List<PeerHealth> health = session().health(ping);
        if (options().json) {
            out().println(Json.write(health.stream().map(h -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", h.name());
                m.put("address", h.address());
                m.put("handshake_age_seconds", h.handshakeAgeSeconds());
                m.put("stale", h.stale());
                m.put("ping_ok", h.pingOk());
                m.put("detail", h.detail());
                return (Object) m;
            }).toList()));
        } else {
            out().print(TextViews.health(health));
        }
        boolean unhealthy = health.stream().anyMatch(h -> h.pingOk().map(ok -> !ok).orElse(false));
        return unhealthy ? ExitCode.CHECK_FAILED.code() : ExitCode.OK.code();
    }
}
