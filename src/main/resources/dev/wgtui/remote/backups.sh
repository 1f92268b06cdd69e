# backups: "name<TAB>peers<TAB>state" for each backup beside the config; peers counted as wg
# reads sections; state ok, unverified (no hash recorded) or damaged (not what was written).
step backups
frame list
if [ -d "$DIR" ]; then
    for f in "$DIR/$BASE".*.backup; do
        [ -f "$f" ] || continue
        n=$(awk '{ l = $0; sub(/#.*/, "", l); gsub(/[ \t\r]/, "", l) } tolower(l) == "[peer]" { n++ } END { print n + 0 }' "$f")
        printf '%s\t%s\t%s\n' "${f##*/}" "$n" "$(backup_state "$f" "${f##*/}")"
    done
fi
frame end
