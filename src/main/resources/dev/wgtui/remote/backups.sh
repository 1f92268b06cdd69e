# backups: "name<TAB>peers" for each backup beside the config; peers counted as wg reads sections.
step backups
frame list
if [ -d "$DIR" ]; then
    for f in "$DIR/$BASE".*.backup; do
        [ -f "$f" ] || continue
        n=$(awk '{ l = $0; sub(/#.*/, "", l); gsub(/[ \t\r]/, "", l) } tolower(l) == "[peer]" { n++ } END { print n + 0 }' "$f")
        printf '%s\t%s\n' "${f##*/}" "$n"
    done
fi
frame end
