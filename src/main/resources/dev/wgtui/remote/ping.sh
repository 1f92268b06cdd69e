# ping: each address in $ADDRS once, in parallel; a "ping" frame per address: "ok|fail<TAB>addr<TAB>detail".
step ping
need ping "install iputils-ping"
sweep "${TMPDIR:-/tmp}"
W=$(mktemp -d "${TMPDIR:-/tmp}/.wgtui.$$.XXXXXX") || fail FILE "cannot create a temp directory"
TEMPDIRS=$W
set -f
i=0
for a in $ADDRS; do
    i=$((i + 1))
    ( if ping -c 1 -W 2 "$a" > "$W/$i.out" 2>&1; then echo ok > "$W/$i.rc"; else echo fail > "$W/$i.rc"; fi ) &
done
wait
i=0
for a in $ADDRS; do
    i=$((i + 1))
    frame ping
    d=$(grep -o 'time=[0-9.]* *ms' "$W/$i.out" | head -n 1)
    [ -n "$d" ] || d=$(tail -n 2 "$W/$i.out" | head -n 1)
    printf '%s\t%s\t%s\n' "$(cat "$W/$i.rc" 2>/dev/null || echo fail)" "$a" "$d"
done
frame end
