package dev.wgtui.core.hub;

import dev.wgtui.core.live.LiveState;
import dev.wgtui.core.plan.Plan;

import java.util.Optional;

/** What a hub has now: its file's text (null when there is none) and the running interface. */
public record HubState(String text, Optional<LiveState> live) {

    public boolean hasFile() {
        return text != null;
    }

    public String hash() {
        return Plan.hash(text);
    }
}
