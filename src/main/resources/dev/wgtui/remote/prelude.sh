# wgtui remote prelude (POSIX sh): framing, failures, timeouts, cleanup.
# wgtui sets B (a random boundary) and the paths above this line.
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

frame() { printf '\n%s:%s\n' "$B" "$1"; }
say() { printf '[#] %s\n' "$*" >&2; }

cleanup() {
    for t in $TEMPS; do rm -f -- "$t"; done
    for t in $TEMPDIRS; do rm -rf -- "$t"; done
    if [ -n "$MKLOCK" ]; then rm -rf -- "$MKLOCK"; fi
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

# Names the step for failure messages. Test hooks (never set by wgtui itself): KILL_AT kills
# the script at a step as a power cut would, PAUSE_AT waits there so a test can cut the line.
step() {
    STEP=$1
    if [ "${KILL_AT:-}" = "$1" ]; then kill -9 $$; fi
    if [ "${PAUSE_AT:-}" = "$1" ]; then sleep 3; fi
}

# fail KIND MESSAGE: one "fail" frame (kind, step, message), then "end"; exit 3.
fail() {
    kind=$1
    shift
    if [ "$RENAMED" = 1 ]; then restore_after_failure; fi
    frame fail
    printf '%s\t%s\t%s%s\n' "$kind" "$STEP" "$*" "$NOTE"
    frame end
    exit 3
}

need() {
    command -v "$1" >/dev/null 2>&1 || fail MISSING_TOOL "$1 is not installed on this host${2:+ ($2)}"
}

if command -v timeout >/dev/null 2>&1; then
    T() { timeout "$WAIT" "$@"; }
else
    T() { "$@"; }
fi

# temp VAR DIR: a private temp file (0600 by the umask) in DIR, named in VAR, removed on exit.
temp() {
    _t=$(mktemp "$2/.wgtui.XXXXXX") || fail FILE "cannot create a temp file in $2"
    TEMPS="$TEMPS $_t"
    eval "$1=\$_t"
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

restore_after_failure() { :; }
