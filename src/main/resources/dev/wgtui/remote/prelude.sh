# wgtui remote prelude (POSIX sh): framing, failures, timeouts, cleanup.
# wgtui sets B (a random boundary), the paths and the test hooks above this line; every one of
# them is assigned there, so nothing here is ever taken from the host's environment.
# Output is a sequence of frames: "\n<B>:<name>\n<body>"; the last frame is "end".
# Secrets never go to stdout or stderr: private keys only move between files and wg.
set -u
umask 077
STEP=start
TEMPS=
TEMPDIRS=
MKLOCK=
RENAMED=0
BK=
NOTE=
# The record of a detached commit job (commit-job.sh sets it): its steps and its result.
RUN=

frame() { printf '\n%s:%s\n' "$B" "$1"; }
say() { printf '[#] %s\n' "$*" >&2; }
warn() { printf '[!] %s\n' "$*" >&2; }

# TEMPS and TEMPDIRS hold one path a line (a path may have spaces; never split it into words).
cleanup() {
    printf '%s\n' "$TEMPS" | while IFS= read -r t; do if [ -n "$t" ]; then rm -f -- "$t"; fi; done
    printf '%s\n' "$TEMPDIRS" | while IFS= read -r t; do if [ -n "$t" ]; then rm -rf -- "$t"; fi; done
    if [ -n "$MKLOCK" ]; then rm -rf -- "$MKLOCK"; fi
}

# keep_temp PATH: PATH is removed when the script ends.
keep_temp() {
    TEMPS="$TEMPS
$1"
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

# A line "key<TAB>value..." appended to the job's record (newlines in values become spaces).
record() {
    if [ -n "$RUN" ]; then printf '%s\n' "$(printf '%s' "$*" | tr '\n' ' ')" >> "$RUN"; fi
}

# Names the step for failure messages (and in a job's record). Test hooks, set only by tests
# (wgtui assigns them empty): KILL_AT kills the script at a step as a power cut would;
# PAUSE_AT waits there once - until the test removes PAUSE_FILE (at most 60 s), or 3 s without one.
step() {
    STEP=$1
    record "step	$1"
    if [ "$KILL_AT" = "$1" ]; then kill -9 $$; fi
    if [ "$PAUSE_AT" = "$1" ]; then
        PAUSE_AT=
        if [ -n "$PAUSE_FILE" ]; then
            printf '%s\n' "$1" > "$PAUSE_FILE"
            _n=0
            while [ -e "$PAUSE_FILE" ] && [ "$_n" -lt 600 ]; do sleep 0.1; _n=$((_n + 1)); done
        else
            sleep 3
        fi
    fi
}

# fail KIND MESSAGE: one "fail" frame (kind, step, message), then "end"; exit 3.
fail() {
    kind=$1
    shift
    if [ "$RENAMED" = 1 ]; then restore_after_failure; fi
    frame fail
    printf '%s\t%s\t%s%s\n' "$kind" "$STEP" "$*" "$NOTE"
    frame end
    record "result	fail	$kind	$STEP	$*$NOTE"
    exit 3
}

need() {
    command -v "$1" >/dev/null 2>&1 || fail MISSING_TOOL "$1 is not installed on this host${2:+ ($2)}"
}

# Every call that waits on something outside this script is bounded: WAIT seconds, then TERM,
# and KILL 5 s later (wgtui's own bound for a round trip counts with WAIT + 5 per such call).
if command -v timeout >/dev/null 2>&1; then
    T() { timeout -k 5 "$WAIT" "$@"; }
else
    T() { "$@"; }
fi

# True while process $1 runs (a zombie - dead, not yet reaped - does not).
alive() {
    [ -n "$1" ] || return 1
    if [ -d /proc/self ]; then
        _st=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null) || return 1
        case $_st in '' | Z* | X*) return 1 ;; esac
        return 0
    fi
    kill -0 "$1" 2>/dev/null
}

# temp VAR DIR: a private temp file (0600 by the umask) in DIR, named in VAR, removed on exit.
# The name carries this script's PID, so `sweep` can tell the files of dead runs.
temp() {
    _t=$(mktemp "$2/.wgtui.$$.XXXXXX") || fail FILE "cannot create a temp file in $2"
    keep_temp "$_t"
    eval "$1=\$_t"
}

# loads_key_file [FILE]: FILE's (default $CONF's) [Interface] loads its private key from exactly
# $KEYFILE in a PreUp/PostUp hook (`wg set %i private-key PATH`, %i being $IF). A path that only
# begins like $KEYFILE (privatekey-wg0) is another file.
loads_key_file() {
    [ -r "${1:-$CONF}" ] || return 1
    awk -v want="$KEYFILE" -v ifname="$IF" '
        { l = $0; sub(/#.*/, "", l) }
        l ~ /^[ \t]*\[/ { s = tolower(l); gsub(/[ \t\r]/, "", s); inif = (s == "[interface]"); next }
        inif {
            k = l; sub(/=.*/, "", k); gsub(/[ \t\r]/, "", k); k = tolower(k)
            if (k == "preup" || k == "postup") {
                v = l; sub(/^[^=]*=/, "", v); n = split(v, w, /[ \t\r;&|]+/)
                for (i = 1; i < n; i++) if (w[i] == "private-key") { p = w[i + 1]; gsub(/%i/, ifname, p); if (p == want) found = 1 }
            }
        }
        END { exit !found }' "${1:-$CONF}"
}

# Removes the temp files of runs that were killed before they could clean up: those whose PID
# is gone (an older wgtui's names, without a PID, after an hour).
sweep() {
    [ -d "$1" ] || return 0
    for _f in "$1"/.wgtui.*; do
        [ -e "$_f" ] || continue
        _p=${_f##*/.wgtui.}
        _p=${_p%%.*}
        case $_p in
            '' | *[!0-9]*) find "$_f" -maxdepth 0 -mmin +60 -exec rm -rf {} + 2>/dev/null ;;
            *) alive "$_p" || rm -rf -- "$_f" ;;
        esac
    done
}

# The last lines of a captured stderr file, on one line, for messages.
errtext() { tail -n 5 "$1" 2>/dev/null | tr '\n' ' ' | sed 's/ *$//'; }

is_up() { T wg show "$IF" public-key >/dev/null 2>&1; }

# The live state as a "dump" frame (private key field cut here) or a "down" frame with wg's reason.
live() {
    if why=$(T wg show "$IF" public-key 2>&1 >/dev/null); then
        frame dump
        T wg show "$IF" dump | awk 'BEGIN { FS = OFS = "\t" } NR == 1 { $1 = "(hidden)" } { print }'
    else
        frame down
        printf '%s\n' "$why"
    fi
}

# Prints config text from stdin without PrivateKey lines and with PresharedKey values hidden.
scrub() {
    awk '{ l = tolower($0); gsub(/[ \t\r]/, "", l) }
         l ~ /^privatekey=/ { next }
         l ~ /^presharedkey=/ { sub(/=.*/, "= (hidden)"); print; next }
         { print }'
}

# The file as a "file" frame, or "nofile" when there is none.
print_file() {
    if [ -f "$CONF" ]; then
        size=$(wc -c < "$CONF") || fail FILE "cannot read $CONF"
        if [ "$size" -gt 67108864 ]; then  # Hub.MAX_CONFIG_BYTES
            fail FILE "$CONF: $size bytes, more than wgtui reads (67108864); is it a WireGuard config?"
        fi
        frame file
        cat -- "$CONF" || fail FILE "cannot read $CONF"
    elif [ -e "$CONF" ]; then
        fail FILE "$CONF exists but is not a regular file"
    elif [ -d "$DIR" ] && ! [ -x "$DIR" ]; then
        fail FILE "cannot look into $DIR: permission denied (connect as root or set ansible_become)"
    else
        frame nofile
    fi
}

# The hash recorded for backup $1 in $SUMS when it was written (empty: none recorded).
recorded_hash() {
    [ -f "$SUMS" ] || return 0
    awk -v n="$1" 'NF == 2 && $2 == n && length($1) == 64 { h = $1 } END { if (h != "") print h }' "$SUMS"
}

# ok, unverified (no hash recorded: an older backup) or damaged (not what was written).
backup_state() {
    _want=$(recorded_hash "$2")
    if [ -z "$_want" ]; then
        echo unverified
    elif [ "$(sha256sum < "$1" 2>/dev/null | cut -c1-64)" = "$_want" ]; then
        echo ok
    else
        echo damaged
    fi
}

# The records of commit jobs whose client went away before it got their outcome: a "run" frame
# each, with the record's lines ("key<TAB>value") and whether the job still runs. A record is
# reported once: it goes when its job has ended. A job whose client still waits for it is that
# client's to report.
runs() {
    [ -d "$DIR" ] || return 0
    for _r in "$DIR/.$IF.run."*; do
        case $_r in *.out | *.err) continue ;; esac
        [ -f "$_r" ] || continue
        _c=$(awk -F'\t' '$1 == "client" { print $2 }' "$_r")
        alive "$_c" && continue
        _j=$(awk -F'\t' '$1 == "job" { print $2 }' "$_r")
        frame run
        printf 'token\t%s\n' "${_r##*.run.}"
        cat -- "$_r"
        if alive "$_j"; then
            printf 'jobstate\trunning\n'
        else
            printf 'jobstate\tgone\n'
            rm -f -- "$_r" "$_r.out" "$_r.err"
        fi
    done
}

restore_after_failure() { :; }

