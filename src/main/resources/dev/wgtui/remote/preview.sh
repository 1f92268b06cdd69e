# preview: the text on stdin to $PREVIEW (0600), atomically; nothing else changes.
step preview
need sha256sum "install coreutils"
[ -d "$PREVIEW_DIR" ] || fail FILE "$PREVIEW_DIR does not exist"
temp P "$PREVIEW_DIR"
cat > "$P" || fail FILE "cannot write $P"
got=$(sha256sum < "$P" | cut -c1-64)
[ "$got" = "$NEWHASH" ] || fail FILE "the preview arrived incomplete (connection cut?); nothing written"
chmod 600 "$P" || fail FILE "cannot chmod $P"
say "write $PREVIEW (mode 0600)"
temp E "$PREVIEW_DIR"
mv -f -- "$P" "$PREVIEW" 2>"$E" || fail FILE "cannot write $PREVIEW: $(errtext "$E")"
frame end
