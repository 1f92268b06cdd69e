package dev.wgtui.cli;

import dev.wgtui.core.plan.Drift;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code drift}: the running interface against the file; endpoints ignored. */
@Command(name = "drift", description = "Compare the running interface (wg showconf) with the file; endpoints are ignored")
final class DriftCommand extends HubCommand {

    @Override
    public Integer call() throws Exception {
        Optional<List<Drift.Change>> drift = session().drift();
        if (options().json) {
            out().println(Json.write(Map.of("running", drift.isPresent(), "changes",
                    drift.orElse(List.of()).stream().map(c -> (Object) Map.of("kind", c.kind().name().toLowerCase(),
                            "peer", c.name(), "detail", c.detail())).toList())));
        } else {
            out().print(TextViews.drift(drift));
        }
        return drift.map(List::isEmpty).orElse(true) ? ExitCode.OK.code() : ExitCode.CHECK_FAILED.code();
    }
}
