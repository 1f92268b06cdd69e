package dev.wgtui.cli;

import dev.wgtui.core.session.PeerHealth;
import dev.wgtui.core.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code health}: handshake age per peer; with {@code --ping}, a ping over the tunnel from the hub. */
@Command(name = "health", description = {"Show handshake age per peer; --ping pings each over the tunnel from the hub",
        "Prints the verdict first, then the peers that are stale or failed a ping (--all: every peer). Exits 1 when a "
                + "peer is stale or a ping failed, 6 when the interface is not running."})
final class HealthCommand extends HubCommand {

    @Option(names = "--ping", description = "Ping each peer's WireGuard address from the hub")
    boolean ping;

    @Option(names = "--stale-after", paramLabel = "DURATION", defaultValue = "3m", converter = Duration.class,
            description = "A peer is stale with no handshake for this long: 180, 90s, 3m, 1h30m (default: ${DEFAULT-VALUE}, "
                    + "when WireGuard itself gives up on a session)")
    long staleAfter;

    @Option(names = "--all", description = "List every peer, not only those that are not healthy")
    boolean all;

    @Override
    public Integer call() throws Exception {
        Session s = session();
        List<PeerHealth> health = s.health(ping);
        boolean running = s.state().live().isPresent();
        if (options().json) {
            out().println(Json.write(health.stream().map(h -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", h.name());
                m.put("address", h.address());
                m.put("handshake_age_seconds", h.handshakeAgeSeconds());
                m.put("stale", TextViews.stale(h, staleAfter));
                m.put("ping_ok", h.pingOk());
                m.put("detail", h.detail());
                return (Object) m;
            }).toList()));
        } else {
            out().print(TextViews.health(health, running, staleAfter, all || options().verbose, style()));
        }
        if (!running) {
            return ExitCode.NOT_RUNNING.code();
        }
        boolean unhealthy = health.stream().anyMatch(h -> TextViews.stale(h, staleAfter)
                || h.pingOk().map(ok -> !ok).orElse(false));
        return unhealthy ? ExitCode.CHECK_FAILED.code() : ExitCode.OK.code();
    }

    /** {@code 180}, {@code 90s}, {@code 3m}, {@code 1h30m} as seconds. */
    static final class Duration implements ITypeConverter<Long> {
        private static final Pattern WHOLE = Pattern.compile("\\d{1,9}|(\\d{1,9}[smhd])+");
        private static final Pattern PART = Pattern.compile("(\\d{1,9})([smhd]?)");

        @Override
        public Long convert(String value) {
            String v = value.strip().toLowerCase(java.util.Locale.ROOT);
            if (!WHOLE.matcher(v).matches()) {
                throw new IllegalArgumentException("'" + value + "' is not a duration (180, 90s, 3m, 1h30m)");
            }
            long seconds = 0;
            Matcher m = PART.matcher(v);
            while (m.find()) {
                long n = Long.parseLong(m.group(1));
                seconds += switch (m.group(2)) {
                    case "m" -> n * 60;
                    case "h" -> n * 3600;
                    case "d" -> n * 86400;
                    default -> n;
                };
            }
            return seconds;
        }
    }
}
