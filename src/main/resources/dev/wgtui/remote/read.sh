# read: the file (or "nofile"), the live state, and the outcomes of commit jobs whose client
# never got them, in one round trip.
step read
need wg "install wireguard-tools"
print_file
live
runs
frame end
