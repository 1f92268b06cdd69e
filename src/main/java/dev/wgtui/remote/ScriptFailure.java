package dev.wgtui.remote;

/**
 * A step of a remote script that failed, as the script reported it: a kind (LOCKED, CONFLICT,
 * FILE, RELOAD, MISSING_TOOL, COMMAND), the step's name and what went wrong.
 */
record ScriptFailure(String kind, String step, String message) {

    static ScriptFailure parse(String body) {
        String text = body.endsWith("\n") ? body.substring(0, body.length() - 1) : body;
        String[] f = text.split("\t", 3);
        if (f.length < 3) {
            return new ScriptFailure("COMMAND", "?", text);
        }
        return new ScriptFailure(f[0], f[1], f[2]);
    }
}
