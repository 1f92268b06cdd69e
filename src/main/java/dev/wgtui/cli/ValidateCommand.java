package dev.wgtui.cli;

import dev.wgtui.core.plan.Validation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code validate}: every inventory worker is a peer, in the file and the running interface. */
@Command(name = "validate", description = {"Check that every inventory worker is a peer with the expected key and AllowedIPs",
        "Prints the verdict first, then the peers that are not ok (--all: every peer)."})
final class ValidateCommand extends HubCommand {

    @Option(names = "--all", description = "List every peer, not only those that are not ok")
    boolean all;

    @Override
    public Integer call() throws Exception {
        Validation.Report report = session().validate();
        if (options().json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("passed", report.passed());
            m.put("summary", report.summary());
            List<Object> findings = report.findings().stream().map(f -> (Object) Map.of("peer", f.peer(),
                    "result", f.kind().name().toLowerCase(), "detail", f.detail())).toList();
            m.put("findings", findings);
            out().println(Json.write(m));
        } else {
            out().print(TextViews.validation(report, all || options().verbose, style()));
        }
        return report.passed() ? ExitCode.OK.code() : ExitCode.CHECK_FAILED.code();
    }
}
