# running: wg showconf without the private key (preshared keys hidden); "down" when not running.
step showconf
need wg "install wireguard-tools"
if is_up; then
    temp E "${TMPDIR:-/tmp}"
    temp S "${TMPDIR:-/tmp}"
    T wg showconf "$IF" > "$S" 2>"$E" || fail COMMAND "wg showconf $IF failed: $(errtext "$E")"
    frame conf
    scrub < "$S"
else
    frame down
fi
frame end
