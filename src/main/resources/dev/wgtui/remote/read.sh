# read: the file (or "nofile") and the live state, in one round trip.
step read
need wg "install wireguard-tools"
print_file
live
frame end
