package dev.wgtui.cli;

import dev.wgtui.core.hub.Backup;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.Map;

/** {@code backups}: the hub's backups with time and peer count, newest first. */
@Command(name = "backups", description = "List the hub's config backups (time, peer count), newest first")
final class BackupsCommand extends HubCommand {

    @Override
    public Integer call() throws Exception {
        List<Backup> backups = session().backups();
        if (options().json) {
            out().println(Json.write(backups.stream().map(b -> (Object) Map.of("name", b.name(),
                    "time", b.time().toString(), "peers", b.peers())).toList()));
        } else {
            out().print(TextViews.backups(backups));
        }
        return ExitCode.OK.code();
    }
}
