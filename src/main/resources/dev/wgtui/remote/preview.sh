# preview: the text on stdin to $PREVIEW (0600), atomically; nothing else changes. A directory
# (or anything else but a file) in its place is refused, never written into.
step preview
need sha256sum "install coreutils"
[ -d "$PREVIEW_DIR" ] || fail FILE "$PREVIEW_DIR does not exist"
sweep "$PREVIEW_DIR"
if [ -d "$PREVIEW" ] && ! [ -L "$PREVIEW" ]; then
    fail FILE "$PREVIEW is a directory: it is in the way of the preview; remove it (nothing written)"
fi
temp P "$PREVIEW_DIR"
cat > "$P" || fail FILE "cannot write $P"
got=$(sha256sum < "$P" | cut -c1-64)
[ "$got" = "$NEWHASH" ] || fail FILE "the preview arrived incomplete (connection cut?); nothing written"
chmod 600 "$P" || fail FILE "cannot chmod $P"
say "write $PREVIEW (mode 0600)"
temp E "$PREVIEW_DIR"
mv -fT -- "$P" "$PREVIEW" 2>"$E" || fail FILE "cannot write $PREVIEW: $(errtext "$E")"
frame end
