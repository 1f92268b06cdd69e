# public-key: this host's WireGuard public key: the running interface's (an apply keeps it);
# when it is down, the key the config gives it (the key file it loads, or its PrivateKey).
step public-key
need wg "install wireguard-tools"
# The [Interface]'s PrivateKey, key name read as wg reads it; only ever piped to wg pubkey.
conf_private_key() {
    awk '{ l = $0; sub(/#.*/, "", l); gsub(/[ \t\r]/, "", l) }
         tolower(l) ~ /^privatekey=/ { sub(/^[^=]*=/, "", l); print l; exit }' "$CONF"
}
frame key
if k=$(T wg show "$IF" public-key 2>/dev/null) && [ -n "$k" ] && [ "$k" != "(none)" ]; then
    # What the peers must know while the interface runs: an apply keeps the running key.
    printf 'running\n%s\n' "$k"
elif [ -s "$KEYFILE" ] && { ! [ -e "$CONF" ] || loads_key_file; }; then
    printf 'keyfile\n'
    T wg pubkey < "$KEYFILE" || fail COMMAND "wg pubkey < $KEYFILE failed"
elif [ -r "$CONF" ] && conf_private_key | grep -q .; then
    printf 'config\n'
    conf_private_key | T wg pubkey || fail COMMAND "wg pubkey of the PrivateKey in $CONF failed"
elif [ -s "$PUBFILE" ]; then
    printf 'pubfile\n'
    cat -- "$PUBFILE"
else
    fail FILE "no public key: $IF is not running, $CONF has no PrivateKey and does not load $KEYFILE"
fi
frame end
