package dev.wgtui.core.hub;

import dev.wgtui.core.live.LiveState;
import dev.wgtui.core.plan.Plan;

import java.util.List;
import java.util.Optional;

/**
 * What a hub has now: its file's text (null when there is none), the running interface, and
 * the outcomes of earlier commits that ran on the hub while their client was gone
 * ({@link #unreported()}, for every face to show once it read them).
 */
public record HubState(String text, Optional<LiveState> live, List<RunReport> unreported) {

    public HubState {
        unreported = List.copyOf(unreported);
    }

    public HubState(String text, Optional<LiveState> live) {
        this(text, live, List.of());
    }

    public boolean hasFile() {
        return text != null;
    }

    public String hash() {
        return Plan.hash(text);
    }
}
