# read-backup: one backup's text ($NAME was checked by wgtui to be a plain backup file name).
step read-backup
[ -f "$DIR/$NAME" ] || fail FILE "no backup named $NAME in $DIR"
frame file
cat -- "$DIR/$NAME" || fail FILE "cannot read $DIR/$NAME"
frame end
