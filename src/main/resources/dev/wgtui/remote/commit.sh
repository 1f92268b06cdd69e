# commit, in one round trip: receives the new text (commit mode), hands the change to a job of
# its own on the hub ($JOB, commit-job.sh) and prints the job's frames when it is done. The job
# runs in a session of its own with its output in files, so it finishes (or rolls back) whatever
# happens to this script, the connection or the client. Its record $R goes once its outcome was
# printed in full; when this script or the connection died first, it stays, and the next wgtui
# run reads it (read.sh) and tells the operator.
need wg "install wireguard-tools"
need wg-quick "install wireguard-tools"
need sha256sum "install coreutils"

step mkdir
if ! [ -d "$DIR" ]; then
    say "mkdir -m 700 $DIR"
    mkdir -p -m 700 -- "$DIR" || fail FILE "cannot create $DIR"
fi

NEW=
if [ "$MODE" = commit ]; then
    step receive
    temp NEW "$DIR"
    cat > "$NEW" || fail FILE "cannot write $NEW"
    got=$(sha256sum < "$NEW" | cut -c1-64)
    [ "$got" = "$NEWHASH" ] || fail FILE "the new config arrived incomplete (connection cut?); nothing written"
fi

step start
R="$DIR/.$IF.run.$TOKEN"
# From here the job owns the received file (a run killed right here leaves it to `sweep`).
TEMPS=
if command -v setsid >/dev/null 2>&1; then
    setsid sh -c "$JOB" wgtui-commit "$NEW" </dev/null >"$R.out" 2>"$R.err" &
else
    sh -c "$JOB" wgtui-commit "$NEW" </dev/null >"$R.out" 2>"$R.err" &
fi
wait $!
cat -- "$R.err" >&2 2>/dev/null
if grep -q '^result	' "$R" 2>/dev/null; then
    # Written in full to a connection that is still there: the client has it.
    cat -- "$R.out" && rm -f -- "$R" "$R.out" "$R.err"
    exit 0
fi

# The job ended without an outcome: killed on the hub (or it could not write its record).
last=$(awk -F'\t' '$1 == "step" { s = $2 } END { print s }' "$R" 2>/dev/null)
STEP=${last:-start}
rm -f -- "$R.out" "$R.err"
now=$(sha256sum < "$CONF" 2>/dev/null | cut -c1-64) || now=
[ -n "$now" ] || now=absent
if [ "$MODE" = commit ] && [ "$now" = "$NEWHASH" ]; then
    what="$CONF is the new file (run apply again to make sure it is loaded)"
elif [ "$now" = "${EXPECT:-}" ]; then
    what="$CONF is unchanged"
else
    what="look at $CONF"
fi
frame fail
printf 'DIED\t%s\t%s\n' "$STEP" "the commit stopped on the hub before it finished (killed?); $what" \
    && frame end && rm -f -- "$R"
exit 3
