# running: wg showconf without the private key (preshared keys hidden); "down" when not running.
# No temp file: the config (with the key) only passes through this script's memory.
step showconf
need wg "install wireguard-tools"
if is_up; then
    if conf=$(T wg showconf "$IF" 2>/dev/null); then
        frame conf
        printf '%s\n' "$conf" | scrub
        conf=
    else
        why=$(T wg showconf "$IF" 2>&1 >/dev/null | tail -n 5 | tr '\n' ' ')
        fail COMMAND "wg showconf $IF failed: $why"
    fi
else
    frame down
fi
frame end
