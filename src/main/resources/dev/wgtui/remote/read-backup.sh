# read-backup: one backup's text ($NAME was checked by wgtui to be a plain backup file name);
# refused when it is not what was written (its hash in $SUMS differs).
step read-backup
need sha256sum "install coreutils"
[ -f "$DIR/$NAME" ] || fail FILE "no backup named $NAME in $DIR"
[ "$(backup_state "$DIR/$NAME" "$NAME")" != damaged ] \
    || fail FILE "backup $NAME is damaged (it is not what was written: its hash differs from the one in $SUMS); not offered for a restore"
frame file
cat -- "$DIR/$NAME" || fail FILE "cannot read $DIR/$NAME"
frame end
