# public-key: this host's WireGuard public key. The key file is the truth when the config
# loads it (a key rotated on disk counts before a reload), else the running interface.
step public-key
need wg "install wireguard-tools"
frame key
if [ -s "$KEYFILE" ] && { ! [ -e "$CONF" ] || grep -qF -- "$KEYFILE" "$CONF"; }; then
    printf 'keyfile\n'
    T wg pubkey < "$KEYFILE" || fail COMMAND "wg pubkey < $KEYFILE failed"
elif k=$(T wg show "$IF" public-key 2>/dev/null) && [ -n "$k" ] && [ "$k" != "(none)" ]; then
    printf 'running\n%s\n' "$k"
elif [ -s "$KEYFILE" ]; then
    printf 'keyfile\n'
    T wg pubkey < "$KEYFILE" || fail COMMAND "wg pubkey < $KEYFILE failed"
elif [ -s "$PUBFILE" ]; then
    printf 'pubfile\n'
    cat -- "$PUBFILE"
else
    fail FILE "no public key: $IF is not running and $KEYFILE does not exist"
fi
frame end
