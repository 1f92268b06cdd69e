# commit, in one round trip. MODE is one of:
#   commit   - the new text on stdin: lock, hash check, key, backup, write, sync, rename, reload
#   rollback - backup $NAME put back: lock, write, sync, rename, reload (no new backup)
#   reload   - lock, reload
# then the file and the live state are printed as read.sh prints them, after a "backup" frame.
# A failure after the rename puts the backup back (and reloads it) before exiting non-zero.
# Loads $CONF into the running interface without dropping tunnels (syncconf of the stripped
# config, keeping the running private key, then routes as wg-quick adds them), or brings it up.
# Returns non-zero with WHY set; never calls fail, so the restore path can use it too.
reload() {
    WHY=
    if is_up; then
        step strip
        S=$(mktemp "$DIR/.wgtui.XXXXXX") || { WHY="cannot create a temp file in $DIR"; return 1; }
        TEMPS="$TEMPS $S"
        say "wg-quick strip $CONF"
        if ! T wg-quick strip "$CONF" > "$S" 2>"$E"; then
            WHY="wg-quick strip $CONF failed: $(errtext "$E")"
            return 1
        fi
        if ! [ -s "$S" ]; then
            WHY="wg-quick strip $CONF printed nothing"
            return 1
        fi
        if ! grep -qi '^[[:space:]]*privatekey[[:space:]]*=' "$S"; then
            # The key is loaded in PostUp, which syncconf does not run: give it here. The key
            # file is the truth (a key rotated on disk is picked up), else the running key.
            if [ -s "$KEYFILE" ] && grep -qF -- "$KEYFILE" "$CONF"; then
                say "load the private key from $KEYFILE"
                pk=$(cat -- "$KEYFILE") || pk=
            else
                pk=$(T wg show "$IF" private-key 2>/dev/null) || pk=
                say "keep the running private key (from wg show $IF private-key)"
            fi
            if [ -n "$pk" ] && [ "$pk" != "(none)" ]; then
                printf '\n[Interface]\nPrivateKey = %s\n' "$pk" >> "$S"
            fi
            pk=
        fi
        step syncconf
        # Ranges the interface had before: their routes are in place, only new ones need one
        # (one `ip` call per new range, not per peer of a big hub).
        ROUTED=$(allowed_ips)
        say "wg syncconf $IF <stripped $CONF>"
        if ! T wg syncconf "$IF" "$S" 2>"$E"; then
            WHY="wg syncconf $IF failed: $(errtext "$E")"
            rm -f -- "$S"
            return 1
        fi
        rm -f -- "$S"
        step routes
        add_routes || return 1
    else
        step up
        say "wg-quick up $CONF"
        if ! T wg-quick up "$CONF" </dev/null >"$E" 2>&1 9>&-; then
            WHY="wg-quick up $CONF failed: $(errtext "$E")"
            return 1
        fi
        grep '^\[[#!]\]' "$E" >&2
    fi
    return 0
}

# A route for each AllowedIPs range the interface's own routes do not cover, as wg-quick adds them.
# Every AllowedIPs range of the running interface, one a line, sorted.
allowed_ips() {
    T wg show "$IF" allowed-ips | awk -F'\t' '{ n = split($2, a, " "); for (i = 1; i <= n; i++) print a[i] }' | sort -u
}

add_routes() {
    table=$(awk '{ l = $0; sub(/#.*/, "", l); gsub(/[ \t\r]/, "", l); k = tolower(l) }
                 k ~ /^\[/ { s = k }
                 s == "[interface]" && k ~ /^table=/ { sub(/^[^=]*=/, "", l); t = l }
                 END { print t }' "$CONF")
    [ "$table" = off ] && return 0
    [ "$table" = auto ] && table=
    if ! command -v ip >/dev/null 2>&1; then
        WHY="ip is not installed on this host (install iproute2); routes not added"
        return 1
    fi
    cidrs=$(allowed_ips | ROUTED="${ROUTED:-}" awk 'BEGIN { n = split(ENVIRON["ROUTED"], a, "\n"); for (i = 1; i <= n; i++) had[a[i]] = 1 }
                                                  !($0 in had)')
    for c in $cidrs; do
        case $c in
            */0 | "(none)") continue ;;
            */*) ;;
            *) continue ;;
        esac
        case $c in
            *:*) fam=-6 ;;
            *) fam=-4 ;;
        esac
        if [ -n "$table" ]; then
            say "ip $fam route replace $c dev $IF table $table"
            if ! ip $fam route replace "$c" dev "$IF" table "$table" 2>"$E"; then
                WHY="ip $fam route replace $c dev $IF table $table failed: $(errtext "$E")"
                return 1
            fi
        elif [ -z "$(ip $fam route show dev "$IF" match "$c" 2>/dev/null)" ]; then
            say "ip $fam route replace $c dev $IF"
            if ! ip $fam route replace "$c" dev "$IF" 2>"$E"; then
                WHY="ip $fam route replace $c dev $IF failed: $(errtext "$E")"
                return 1
            fi
        fi
    done
    return 0
}

# After a failure past the rename: the backup goes back (or the new file goes, when there was
# none), and a running interface is reloaded from it. Sets NOTE for the failure message.
restore_after_failure() {
    RENAMED=0
    failed_step=$STEP
    failed_why=${WHY:-}
    if [ -n "$BK" ]; then
        say "restore $CONF from $BK"
        r=$(mktemp "$DIR/.wgtui.XXXXXX") && cat -- "$DIR/$BK" > "$r" && chmod 600 "$r" && sync && mv -f -- "$r" "$CONF"
        if [ $? != 0 ]; then
            NOTE="; RESTORING $CONF FROM $DIR/$BK FAILED - restore it by hand"
            STEP=$failed_step
            return
        fi
        NOTE="; restored $CONF from $BK"
        if is_up; then
            if reload; then NOTE="$NOTE and reloaded it"; else NOTE="$NOTE; reloading it failed too: $WHY"; fi
        fi
    else
        say "rm $CONF (there was none before)"
        rm -f -- "$CONF"
        NOTE="; removed the new $CONF (there was none before)"
    fi
    STEP=$failed_step
    WHY=$failed_why
}

need wg "install wireguard-tools"
need wg-quick "install wireguard-tools"
need sha256sum "install coreutils"
set -f

step mkdir
if ! [ -d "$DIR" ]; then
    say "mkdir -m 700 $DIR"
    mkdir -p -m 700 -- "$DIR" || fail FILE "cannot create $DIR"
fi
temp E "$DIR"

NEW=
case $MODE in
commit)
    step receive
    temp NEW "$DIR"
    cat > "$NEW" || fail FILE "cannot write $NEW"
    got=$(sha256sum < "$NEW" | cut -c1-64)
    [ "$got" = "$NEWHASH" ] || fail FILE "the new config arrived incomplete (connection cut?); nothing written"
    ;;
rollback)
    step receive
    [ -f "$DIR/$NAME" ] || fail FILE "no backup named $NAME in $DIR"
    temp NEW "$DIR"
    cat -- "$DIR/$NAME" > "$NEW" || fail FILE "cannot copy $DIR/$NAME"
    ;;
esac

step lock
locked_message="$CONF is locked by another operator (lock $LOCK); try again when they are done"
if [ "${LOCKER:-flock}" = flock ] && command -v flock >/dev/null 2>&1; then
    exec 9>>"$LOCK" || fail FILE "cannot open the lock file $LOCK"
    flock -n 9 || fail LOCKED "$locked_message"
else
    if ! mkdir -- "$LOCK.d" 2>/dev/null; then
        other=$(cat -- "$LOCK.d/pid" 2>/dev/null) || other=
        if [ -z "$other" ] || kill -0 "$other" 2>/dev/null; then
            fail LOCKED "$locked_message (remove $LOCK.d if no wgtui is running)"
        fi
        rm -rf -- "$LOCK.d"
        mkdir -- "$LOCK.d" 2>/dev/null || fail LOCKED "$locked_message"
    fi
    MKLOCK="$LOCK.d"
    echo $$ > "$LOCK.d/pid"
fi
# From here on the hub finishes the job even if the connection drops.
trap '' HUP PIPE
# Temp files of runs killed earlier (never those of a run in progress: they are young).
find "$DIR" -maxdepth 1 -name '.wgtui.*' -mmin +60 -exec rm -f {} + 2>/dev/null

step check
if [ "$MODE" = commit ]; then
    if [ -e "$CONF" ]; then
        [ -r "$CONF" ] || fail FILE "cannot read $CONF"
        cur=$(sha256sum < "$CONF" | cut -c1-64)
    else
        cur=absent
    fi
    if [ "$cur" != "$EXPECT" ]; then
        fail CONFLICT "$CONF changed since the preview; nothing written - look at the diff again"
    fi
elif [ "$MODE" = rollback ] && [ -n "${EXPECT:-}" ]; then
    # Roll back only what this run wrote: another operator's commit since then is not erased.
    cur=$(sha256sum < "$CONF" 2>/dev/null | cut -c1-64) || cur=
    if [ "$cur" != "$EXPECT" ]; then
        fail CONFLICT "$CONF changed after this apply (another operator?); not rolled back - look at it"
    fi
fi

step key
# A hub or worker that loads its key from $KEYFILE in PostUp gets one; the private key stays here.
if [ "$MODE" = commit ] && ! [ -s "$KEYFILE" ] && { ! [ -e "$CONF" ] || grep -qF -- "$KEYFILE" "$NEW"; }; then
    temp K "$DIR"
    pk=$(T wg show "$IF" private-key 2>/dev/null) || pk=
    if [ -n "$pk" ] && [ "$pk" != "(none)" ]; then
        say "wg show $IF private-key > $KEYFILE"
        printf '%s\n' "$pk" > "$K"
    else
        say "wg genkey > $KEYFILE"
        T wg genkey > "$K" 2>"$E" || fail COMMAND "wg genkey failed: $(errtext "$E")"
    fi
    pk=
    mv -f -- "$K" "$KEYFILE" || fail FILE "cannot write $KEYFILE"
    say "wg pubkey < $KEYFILE > $PUBFILE"
    temp P "$DIR"
    T wg pubkey < "$KEYFILE" > "$P" 2>"$E" || fail COMMAND "wg pubkey failed: $(errtext "$E")"
    mv -f -- "$P" "$PUBFILE" || fail FILE "cannot write $PUBFILE"
fi

step backup
if [ "$MODE" = commit ] && [ -e "$CONF" ]; then
    BK="$BASE.$STAMP.backup"
    n=1
    while [ -e "$DIR/$BK" ]; do
        n=$((n + 1))
        BK="$BASE.$STAMP-$n.backup"
    done
    say "cp $CONF $DIR/$BK"
    if ! cat -- "$CONF" > "$DIR/$BK" 2>"$E"; then
        rm -f -- "$DIR/$BK"
        BK=
        fail FILE "cannot write the backup: $(errtext "$E")"
    fi
    chmod 600 "$DIR/$BK"
fi

if [ -n "$NEW" ]; then
    step write
    chmod 600 "$NEW" || fail FILE "cannot chmod $NEW"
    say "sync"
    sync
    step rename
    say "mv $NEW $CONF"
    mv -f -- "$NEW" "$CONF" 2>"$E" || fail FILE "cannot rename over $CONF: $(errtext "$E")"
    if [ "$MODE" = commit ]; then RENAMED=1; fi
fi

if [ -n "$NEW" ] || [ "$MODE" = reload ]; then
    reload || fail RELOAD "$WHY"
fi
RENAMED=0

step readback
frame backup
if [ -n "$BK" ]; then printf '%s\n' "$BK"; fi
print_file
live
frame end
