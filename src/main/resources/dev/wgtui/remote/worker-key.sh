# worker-key: this host's public key (first line of the "key" frame says where it came from):
# the config's PrivateKey when it loads no key file, else the private key file, the public key
# file, the config's PrivateKey, the running interface;
# with none of them a key pair is generated here when GENERATE=yes. The private key never leaves this host.
step worker-key
need wg "install wireguard-tools"
has_conf_key() {
    [ -r "$CONF" ] && grep -qi '^[[:space:]]*privatekey[[:space:]]*=' "$CONF"
}
conf_key() {
    awk '{ l = $0; sub(/#.*/, "", l); gsub(/[ \t\r]/, "", l) }
         tolower(l) ~ /^privatekey=/ { sub(/^[^=]*=/, "", l); print l; exit }' "$CONF"
}
if has_conf_key && ! loads_key_file; then
    # The config inlines its key and loads no key file: a key file beside it is not its key.
    frame key
    printf 'config\n'
    conf_key | T wg pubkey || fail COMMAND "wg pubkey of the PrivateKey in $CONF failed: not a WireGuard private key?"
elif [ -s "$KEYFILE" ]; then
    frame key
    printf 'keyfile\n'
    T wg pubkey < "$KEYFILE" || fail COMMAND "wg pubkey < $KEYFILE failed: not a WireGuard private key?"
elif [ -s "$PUBFILE" ]; then
    frame key
    printf 'pubfile\n'
    cat -- "$PUBFILE" || fail FILE "cannot read $PUBFILE"
elif has_conf_key; then
    frame key
    printf 'config\n'
    conf_key | T wg pubkey || fail COMMAND "wg pubkey of the PrivateKey in $CONF failed: not a WireGuard private key?"
elif k=$(T wg show "$IF" public-key 2>/dev/null) && [ -n "$k" ] && [ "$k" != "(none)" ]; then
    frame key
    printf 'running\n%s\n' "$k"
elif [ "$GENERATE" != yes ]; then
    # A dry-run looks only: the pair is made after the operator confirmed.
    frame key
    printf 'none\n'
else
    step generate
    if ! [ -d "$DIR" ]; then
        say "mkdir -m 700 $DIR"
        mkdir -p -m 700 -- "$DIR" || fail FILE "cannot create $DIR"
    fi
    # Under the config lock, so two operators cannot generate two different pairs.
    if command -v flock >/dev/null 2>&1; then
        exec 9>>"$LOCK" || fail FILE "cannot open the lock file $LOCK"
        flock -w "$WAIT" 9 || fail LOCKED "$LOCK is held by another operator; try again"
    fi
    if ! [ -s "$KEYFILE" ]; then
        temp K "$DIR"
        temp P "$DIR"
        say "wg genkey > $KEYFILE; wg pubkey < $KEYFILE > $PUBFILE"
        T wg genkey > "$K" || fail COMMAND "wg genkey failed"
        T wg pubkey < "$K" > "$P" || fail COMMAND "wg pubkey failed"
        mv -f -- "$K" "$KEYFILE" || fail FILE "cannot write $KEYFILE"
        mv -f -- "$P" "$PUBFILE" || fail FILE "cannot write $PUBFILE"
        frame key
        printf 'generated\n'
    else
        frame key
        printf 'keyfile\n'
    fi
    T wg pubkey < "$KEYFILE" || fail COMMAND "wg pubkey < $KEYFILE failed"
fi
frame end
