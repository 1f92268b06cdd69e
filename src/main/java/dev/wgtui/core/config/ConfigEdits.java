package dev.wgtui.core.config;

import java.util.ArrayList;
import java.util.List;

/** Small edits to the [Interface] part of a config that keep every other byte. */
public final class ConfigEdits {

    private ConfigEdits() {
    }

    /** {@code SaveConfig = true} becomes {@code SaveConfig = false}; the same config when there is none. */
    public static WgConfig turnOffSaveConfig(WgConfig config) {
        List<ConfigLine> lines = new ArrayList<>(config.lines());
        boolean changed = false;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) instanceof ConfigLine.Entry e && e.is("SaveConfig")
                    && ConfigParser.squeeze(e.value()).equalsIgnoreCase("true")) {
                String raw = e.raw();
                int eq = raw.indexOf('=');
                lines.set(i, ConfigParser.classify(raw.substring(0, eq).stripTrailing() + " = false", e.eol(), e.number()));
                changed = true;
            }
        }
        return changed ? WgConfig.of(config.source(), lines) : config;
    }

    /**
     * The [Interface] of a hub that has no config yet. The private key stays in
     * {@code privateKeyFile} on the hub and is loaded at start, so it never travels.
     */
    public static WgConfig newHub(String source, String address, int listenPort, String privateKeyFile) {
        String text = "[Interface]\n"
                + "# written by wgtui\n"
                + "Address = " + address + "\n"
                + "ListenPort = " + listenPort + "\n"
                + "PostUp = wg set %i private-key " + privateKeyFile + "\n";
        return WgConfig.parse(source, text);
    }
}
