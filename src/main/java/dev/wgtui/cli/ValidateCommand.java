package dev.wgtui.cli;

import dev.wgtui.core.plan.Validation;
import picocli.CommandLine.Command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code validate}: every inventory worker is a peer, in the file and the running interface. */
@Command(name = "validate", description = "Check that every inventory worker is a peer with the expected key and AllowedIPs")
final class ValidateCommand extends HubCommand {

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
            out().print(report.render());
        }
        return report.passed() ? ExitCode.OK.code() : ExitCode.CHECK_FAILED.code();
    }
}
