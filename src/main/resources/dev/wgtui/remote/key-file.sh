# key-file: the public key of $KEYFILE when the config loads its private key from it (a worker
# whose key was rotated on its disk); nothing when it does not, or when the file is unreadable.
# The private key never leaves this host.
step key-file
need wg "install wireguard-tools"
frame key
if [ -s "$KEYFILE" ] && loads_key_file; then
    T wg pubkey < "$KEYFILE" 2>/dev/null || true
fi
frame end
