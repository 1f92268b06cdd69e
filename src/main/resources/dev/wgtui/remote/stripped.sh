# stripped: wg-quick strip of the file without the private key (preshared keys hidden).
step strip
need wg-quick "install wireguard-tools"
[ -f "$CONF" ] || fail FILE "$CONF does not exist"
temp E "${TMPDIR:-/tmp}"
temp S "${TMPDIR:-/tmp}"
T wg-quick strip "$CONF" > "$S" 2>"$E" || fail COMMAND "wg-quick strip $CONF failed: $(errtext "$E")"
frame conf
scrub < "$S"
frame end
