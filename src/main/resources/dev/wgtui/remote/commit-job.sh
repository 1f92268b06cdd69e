# commit job: the part of a commit that changes the hub. commit.sh starts it in a session of
# its own (setsid), its output in files beside the lock, so that a cut connection, a killed
# client or a client's timeout cannot stop it half way: it runs to its end, or puts the backup
# back, and leaves its outcome in its record $RUN for the client - or for the next wgtui run
# when the client is gone. MODE is one of:
#   commit   - the new text in file $1: lock, hash check, key, backup, write, sync, rename, reload
#   rollback - backup $NAME put back: lock, write, sync, rename, reload (no new backup)
#   reload   - lock, reload
# then the file and the live state are printed as read.sh prints them, after a "backup" frame
# and a "before" frame (the interface's public key before the reload).
# Loads $CONF into the running interface without dropping tunnels (syncconf of the stripped
# config with the interface's private key, then routes as wg-quick adds them), or brings it
# up. Returns non-zero with WHY set; never calls fail, so the restore path can use it too.
# Never runs syncconf without a private key: wg would clear the interface's key.
# Caught and let go (not ignored, so the tools it starts - wireguard-go - keep the defaults).
trap ':' HUP INT TERM
trap '' PIPE
RUN="$DIR/.$IF.run.$TOKEN"
printf 'mode\t%s\nstarted\t%s\njob\t%s\nclient\t%s\n' "$MODE" "$(date +%s)" "$$" "$PPID" > "$RUN" || exit 3

# Adds a route for each AllowedIPs range on stdin (one a line) as wg-quick does, under one bound
# for all of them (sh -c "$ROUTES" IF TABLE): one `ip` call or two per new range.
ROUTES='IF=$1 table=$2
while read -r c; do
    case $c in */0 | "(none)" | "") continue ;; */*) ;; *) continue ;; esac
    case $c in *:*) fam=-6 ;; *) fam=-4 ;; esac
    if [ -n "$table" ]; then
        printf "[#] ip %s route replace %s dev %s table %s\n" "$fam" "$c" "$IF" "$table" >&2
        ip $fam route replace "$c" dev "$IF" table "$table" || exit 1
    elif [ -z "$(ip $fam route show dev "$IF" match "$c" 2>/dev/null)" ]; then
        printf "[#] ip %s route replace %s dev %s\n" "$fam" "$c" "$IF" >&2
        ip $fam route replace "$c" dev "$IF" || exit 1
    fi
done'

# True when the config text in $1 has a PrivateKey with a value, as wg reads key names.
has_private_key() {
    awk '{ l = $0; sub(/#.*/, "", l); gsub(/[ \t\r]/, "", l) } tolower(l) ~ /^privatekey=./ { f = 1 } END { exit !f }' "$1"
}

# True when $CONF loads its key from $KEYFILE (in PostUp) and that file is there.
key_file_loaded() { [ -s "$KEYFILE" ] && loads_key_file; }

# Appends the interface's private key to the stripped config $1. The running key is kept (an
# apply never changes the hub's identity); the key file is read instead when this reload is
# asked to load it (KEYSRC=file: a worker's rotated key) or when the interface has no key.
give_key() {
    pk=
    if [ "$KEYSRC" = file ] && key_file_loaded; then
        from=$KEYFILE
        say "load the private key from $KEYFILE"
        pk=$(cat -- "$KEYFILE" 2>/dev/null) || pk=
    else
        from="wg show $IF private-key"
        say "keep the running private key (from wg show $IF private-key)"
        pk=$(T wg show "$IF" private-key 2>/dev/null) || pk=
        if { [ -z "$pk" ] || [ "$pk" = "(none)" ]; } && key_file_loaded; then
            from=$KEYFILE
            say "$IF has no private key: load it from $KEYFILE"
            pk=$(cat -- "$KEYFILE" 2>/dev/null) || pk=
        fi
    fi
    if [ -z "$pk" ] || [ "$pk" = "(none)" ]; then
        pk=
        WHY="no private key to give wg syncconf ($from gave none); not reloaded, so $IF keeps its key"
        return 1
    fi
    if ! printf '\n[Interface]\nPrivateKey = %s\n' "$pk" >> "$1" 2>/dev/null; then
        pk=
        WHY="cannot add the private key to the stripped config (disk full?); not reloaded, so $IF keeps its key"
        return 1
    fi
    pk=
    if ! has_private_key "$1"; then
        WHY="the stripped config did not get the private key (disk full?); not reloaded, so $IF keeps its key"
        return 1
    fi
}

reload() {
    WHY=
    if is_up; then
        step strip
        S=$(mktemp "$DIR/.wgtui.$$.XXXXXX") || { WHY="cannot create a temp file in $DIR"; return 1; }
        keep_temp "$S"
        say "wg-quick strip $CONF"
        if ! T wg-quick strip "$CONF" > "$S" 2>"$E"; then
            WHY="wg-quick strip $CONF failed: $(errtext "$E")"
            return 1
        fi
        if ! [ -s "$S" ]; then
            WHY="wg-quick strip $CONF printed nothing"
            return 1
        fi
        if ! has_private_key "$S"; then
            # The key is loaded in PostUp, which syncconf does not run: give it here.
            give_key "$S" || { rm -f -- "$S"; return 1; }
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

# Every AllowedIPs range of the running interface, one a line, sorted.
allowed_ips() {
    T wg show "$IF" allowed-ips | awk -F'\t' '{ n = split($2, a, " "); for (i = 1; i <= n; i++) print a[i] }' | sort -u
}

# A route for each AllowedIPs range new to the interface, as wg-quick adds them.
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
    if ! allowed_ips | ROUTED="${ROUTED:-}" awk 'BEGIN { n = split(ENVIRON["ROUTED"], a, "\n"); for (i = 1; i <= n; i++) had[a[i]] = 1 }
                                                  !($0 in had)' | T sh -c "$ROUTES" routes "$IF" "$table" 2>"$E"; then
        WHY="adding routes failed: $(grep -v '^\[#\]' "$E" | tail -n 3 | tr '\n' ' ')"
        grep '^\[#\]' "$E" >&2
        return 1
    fi
    grep '^\[#\]' "$E" >&2
    return 0
}

# sync_dir DIR: the rename made durable (fsync of the directory; all file systems where `sync`
# takes no file). Not a reason to undo anything when it does not finish in time.
sync_dir() {
    say "sync $1"
    T sync -- "$1" 2>/dev/null || T sync || warn "sync did not finish within ${WAIT}s"
}

# write_over SRC: SRC (a temp file in $TDIR) becomes $TARGET, atomically and durably: SRC and
# the backup taken before it are on disk before the rename (only those files are flushed, not
# every disk of the machine; a sync that takes no file flushes everything).
write_over() {
    chmod 600 "$1" || return 1
    if [ -n "${BK:-}" ] && [ -f "$DIR/$BK" ]; then
        set -- "$1" "$DIR/$BK"
    fi
    say "sync $*"
    T sync -- "$@" 2>/dev/null || T sync || warn "sync did not finish within ${WAIT}s"
    step rename
    say "mv $1 $TARGET"
    mv -fT -- "$1" "$TARGET" 2>"$E" || return 1
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
        r=$(mktemp "$TDIR/.wgtui.$$.XXXXXX") && keep_temp "$r" && cat -- "$DIR/$BK" > "$r" \
            && [ "$(sha256sum < "$r" | cut -c1-64)" = "$cur" ] && write_over "$r"
        if [ $? != 0 ]; then
            NOTE="; RESTORING $CONF FROM $DIR/$BK FAILED - restore it by hand"
            STEP=$failed_step
            return
        fi
        sync_dir "$TDIR"
        NOTE="; restored $CONF from $BK"
        if is_up; then
            if reload; then NOTE="$NOTE and reloaded it"; else NOTE="$NOTE; reloading it failed too: $WHY"; fi
        fi
    else
        say "rm $CONF (there was none before)"
        rm -f -- "$TARGET"
        NOTE="; removed the new $CONF (there was none before)"
    fi
    STEP=$failed_step
    WHY=$failed_why
}

temp E "$DIR"
NEW=
if [ "$MODE" = commit ]; then
    # Taken over from the client under this job's own name, so that only this job removes it.
    NEW="$DIR/.wgtui.$$.new"
    mv -f -- "$1" "$NEW" || fail FILE "the received config is gone (removed by another run?); nothing written"
    keep_temp "$NEW"
fi

step lock
locked_message="$CONF is locked by another operator (lock $LOCK); try again when they are done"
if [ "$LOCKER" != mkdir ] && command -v flock >/dev/null 2>&1; then
    exec 9>>"$LOCK" || fail FILE "cannot open the lock file $LOCK"
    flock -n 9 || fail LOCKED "$locked_message"
else
    if ! mkdir -- "$LOCK.d" 2>/dev/null; then
        other=$(cat -- "$LOCK.d/pid" 2>/dev/null) || other=
        if [ -z "$other" ] || alive "$other"; then
            fail LOCKED "$locked_message (remove $LOCK.d if no wgtui is running)"
        fi
        rm -rf -- "$LOCK.d"
        mkdir -- "$LOCK.d" 2>/dev/null || fail LOCKED "$locked_message"
    fi
    MKLOCK="$LOCK.d"
    echo $$ > "$LOCK.d/pid"
fi
# Temp files of runs killed earlier (never those of a run in progress: their PID is alive).
sweep "$DIR"

# A symbolic link is written through: the file it points to is replaced, the link stays.
TARGET=$CONF
if [ -L "$CONF" ]; then
    TARGET=$(readlink -f -- "$CONF") && [ -n "$TARGET" ] \
        || fail FILE "$CONF is a symbolic link that cannot be followed; nothing written"
    [ -d "$TARGET" ] && fail FILE "$CONF points to a directory ($TARGET); nothing written"
    say "$CONF is a link to $TARGET: writing that file"
fi
TDIR=${TARGET%/*}
[ -n "$TDIR" ] || TDIR=/
if [ "$TDIR" != "$DIR" ]; then sweep "$TDIR"; fi

step check
if [ -e "$CONF" ]; then
    [ -r "$CONF" ] || fail FILE "cannot read $CONF"
    cur=$(sha256sum < "$CONF" | cut -c1-64)
else
    cur=absent
fi
if [ "$MODE" = commit ]; then
    if [ "$cur" != "$EXPECT" ]; then
        fail CONFLICT "$CONF changed since the preview; nothing written - look at the diff again"
    fi
elif [ "$MODE" = rollback ] && [ -n "$EXPECT" ]; then
    # Roll back only what this run wrote: another operator's commit since then is not erased.
    if [ "$cur" != "$EXPECT" ]; then
        fail CONFLICT "$CONF changed after this apply (another operator?); not rolled back - look at it"
    fi
fi
if [ "$MODE" = rollback ]; then
    [ -f "$DIR/$NAME" ] || fail FILE "no backup named $NAME in $DIR"
    [ "$(backup_state "$DIR/$NAME" "$NAME")" != damaged ] \
        || fail FILE "backup $NAME is damaged (it is not what was written); not restored"
    temp NEW "$TDIR"
    cat -- "$DIR/$NAME" > "$NEW" || fail FILE "cannot copy $DIR/$NAME"
fi
KEYBEFORE=$(T wg show "$IF" public-key 2>/dev/null) || KEYBEFORE=

step key
# A config that loads its key from $KEYFILE in PostUp needs that file. A running interface's key
# is saved there; only a new hub (no $CONF yet) gets a new key pair - an existing hub's
# identity is never replaced behind the operator's back.
if [ "$MODE" = commit ] && ! [ -s "$KEYFILE" ] && loads_key_file "$NEW"; then
    temp K "$DIR"
    pk=$(T wg show "$IF" private-key 2>/dev/null) || pk=
    if [ -n "$pk" ] && [ "$pk" != "(none)" ]; then
        say "wg show $IF private-key > $KEYFILE (the running key, kept)"
        printf '%s\n' "$pk" > "$K" || { pk=; fail FILE "cannot write $K"; }
    elif [ -s "$PUBFILE" ]; then
        pk=
        fail KEY "$PUBFILE is here but $KEYFILE is not: this host's private key is gone, and others may know its public key. wgtui does not make a new pair over it; put $KEYFILE back (or remove $PUBFILE for a new identity) and apply again; nothing written"
    elif [ "$cur" = absent ]; then
        say "wg genkey > $KEYFILE (a new hub: its first key pair)"
        T wg genkey > "$K" 2>"$E" || { pk=; fail COMMAND "wg genkey failed: $(errtext "$E")"; }
    else
        pk=
        fail KEY "$CONF loads its private key from $KEYFILE, which does not exist, and $IF is not running: wgtui does not make a new key for an existing hub (every peer would lose it). Put the key back at $KEYFILE (or bring $IF up with its key) and apply again; nothing written"
    fi
    pk=
    mv -f -- "$K" "$KEYFILE" || fail FILE "cannot write $KEYFILE"
    say "wg pubkey < $KEYFILE > $PUBFILE"
    temp P "$DIR"
    T wg pubkey < "$KEYFILE" > "$P" 2>"$E" || fail COMMAND "wg pubkey failed: $(errtext "$E")"
    mv -f -- "$P" "$PUBFILE" || fail FILE "cannot write $PUBFILE"
fi

step backup
# Written in full to a temp file, checked against the file's hash, then renamed; the hash goes
# to $SUMS, so a backup damaged later is never offered for a restore.
if [ "$MODE" = commit ] && [ "$cur" != absent ]; then
    BK="$BASE.$STAMP.backup"
    n=1
    while [ -e "$DIR/$BK" ]; do
        n=$((n + 1))
        BK="$BASE.$STAMP-$n.backup"
    done
    say "cp $CONF $DIR/$BK"
    temp C "$DIR"
    if ! cat -- "$CONF" > "$C" 2>"$E"; then
        BK=
        fail FILE "cannot write the backup: $(errtext "$E"); nothing written"
    fi
    if [ "$(sha256sum < "$C" | cut -c1-64)" != "$cur" ]; then
        BK=
        fail FILE "the backup came out incomplete (disk full?); nothing written"
    fi
    mv -fT -- "$C" "$DIR/$BK" 2>"$E" || { BK=; fail FILE "cannot write the backup: $(errtext "$E"); nothing written"; }
    if ! printf '%s  %s\n' "$cur" "$BK" >> "$SUMS"; then
        rm -f -- "$DIR/$BK"
        BK=
        fail FILE "cannot record the backup's hash in $SUMS (disk full?); nothing written"
    fi
fi

if [ -n "$NEW" ]; then
    step write
    if [ "$TDIR" != "$DIR" ] && [ "$MODE" = commit ]; then
        temp W "$TDIR"
        cat -- "$NEW" > "$W" && [ "$(sha256sum < "$W" | cut -c1-64)" = "$NEWHASH" ] \
            || fail FILE "cannot write a temp file in $TDIR; nothing written"
        NEW=$W
    fi
    write_over "$NEW" || fail FILE "cannot rename over $TARGET: $(errtext "$E")"
    if [ "$MODE" = commit ]; then RENAMED=1; fi
    sync_dir "$TDIR"
fi

if [ -n "$NEW" ] || [ "$MODE" = reload ]; then
    reload || fail RELOAD "$WHY"
fi
RENAMED=0
# The plan previewed is done: its preview (which may hold the private key) goes.
if [ "$MODE" = commit ] && [ -f "$PREVIEW" ] && ! [ -L "$PREVIEW" ]; then
    say "rm $PREVIEW"
    rm -f -- "$PREVIEW"
fi

step readback
frame backup
if [ -n "$BK" ]; then printf '%s\n' "$BK"; fi
frame before
printf '%s\n' "$KEYBEFORE"
print_file
live
frame end
record "result	ok	$BK"
