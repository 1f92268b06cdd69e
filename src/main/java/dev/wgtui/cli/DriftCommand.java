package dev.wgtui.cli;

import dev.wgtui.core.plan.Drift;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code drift}: the running interface against the file; endpoints ignored. */
@Command(name = "drift", description = {"Compare the running interface (wg showconf) with the file; endpoints are ignored",
        "Exits 1 when a peer differs, 6 when the interface is not running (nothing to compare)."})
final class DriftCommand extends HubCommand {

    @Override
    public Integer call() throws Exception {
        Optional<List<Drift.Change>> drift = session().drift();
        if (options().json) {
            out().println(Json.write(Map.of("running", drift.isPresent(), "changes",
                    drift.orElse(List.of()).stream().map(c -> (Object) Map.of("kind", c.kind().name().toLowerCase(),
                            "peer", c.name(), "detail", c.detail())).toList())));
        } else {
            out().print(TextViews.drift(drift, style()));
        }
        if (drift.isEmpty()) {
            return ExitCode.NOT_RUNNING.code();
        }
        return drift.get().isEmpty() ? ExitCode.OK.code() : ExitCode.CHECK_FAILED.code();
    }
}
