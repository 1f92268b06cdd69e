# stripped: wg-quick strip of the file without the private key (preshared keys hidden).
# No temp file: the config (with the key) only passes through this script's memory.
step strip
need wg-quick "install wireguard-tools"
[ -f "$CONF" ] || fail FILE "$CONF does not exist"
if conf=$(T wg-quick strip "$CONF" 2>/dev/null); then
    frame conf
    printf '%s\n' "$conf" | scrub
    conf=
else
    why=$(T wg-quick strip "$CONF" 2>&1 >/dev/null | tail -n 5 | tr '\n' ' ')
    fail COMMAND "wg-quick strip $CONF failed: $why"
fi
frame end
