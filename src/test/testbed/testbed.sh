#!/usr/bin/env bash
# testbed.sh — real hosts for wgtui's tests: one network namespace per host, each
# with its own OpenSSH sshd, its own /etc/wireguard, /run/wireguard and /tmp, so
# that wg-quick/wg (with wireguard-go) run over SSH behave as on separate machines.
#
#   testbed.sh up DIR HOST=WGIP...     create the hosts (state and keys in DIR)
#   testbed.sh down DIR                tear everything down (idempotent)
#   testbed.sh exec DIR HOST CMD...    run CMD as root inside HOST, as an SSH session would
#   testbed.sh wg-setup DIR HOST       make /etc/wireguard/{privatekey,publickey} on HOST
#   testbed.sh gc                      tear down testbeds whose owner process is gone
#   testbed.sh purge                   remove user wgtuser and the sudoers file (no testbed up)
#
# Layout (ID is random per testbed, NET is a free 192.168.N, 77 <= N <= 126):
#   netns wgt-ID            "lan": bridge br0; port up0 leads to the root namespace,
#                           port hI to host I
#   netns wgt-ID-HOST       one per host: lo, eth0 = NET.(11+I)/24
#   root ns, veth wgtID     NET.1/24, so the test JVM reaches every sshd at NET.(11+I):22
#   DIR/HOST/               sshd_config, host key, sshd.pid, sshd.log, authorized_keys/USER
#   DIR/operator/           id_ed25519(.pub), known_hosts (name and IP of every host)
#   DIR/hosts.txt           "name underlay-ip wg-ip" per host
#   DIR/pids                "pid starttime what" of every process started or found
#   DIR/state               what down needs; a copy in /run/wgtui-testbed/ID.state for gc
#   DIR must be where every host sees it: not under /tmp, /root, ~wgtuser or /run/wireguard
#
# How the namespaces compose (the point of the whole thing):
#   1. `ip netns exec wgt-ID-HOST CMD` enters the host's network namespace, unshares a
#      new mount namespace (made rslave: our mounts never reach the root namespace),
#      remounts /sys for that netns, and bind-mounts every entry of
#      /etc/netns/wgt-ID-HOST/ over /etc/: wireguard/, hosts, hostname. It then execs
#      CMD in the same process (no fork), so the PID we see is the PID of CMD.
#   2. CMD is `unshare --uts sh -c '...'`: a UTS namespace so `hostname` is the plain
#      host name; the shell mounts a fresh tmpfs on /run/wireguard *in this mount
#      namespace* (that is where wireguard-go puts its UAPI socket, wg looks for it) and
#      execs sshd -D. sshd is the anchor: it holds the mount, net and UTS namespaces.
#   3. Every SSH session is forked from that sshd and inherits all three, so over SSH
#      on host X, `wg-quick up wg0` reads X's /etc/wireguard/wg0.conf, wireguard-go
#      creates X's tun device in X's netns and X's socket in X's /run/wireguard, and
#      `wg show` sees X's interfaces only. `sudo` keeps the namespaces too.
#   4. `exec` joins the sshd's namespaces with nsenter -t SSHD_PID -m -n -u, so it sees
#      exactly what an SSH session sees. wireguard-go daemons started over SSH stay in
#      X's netns; down finds them with `ip netns pids` and kills them by PID.
#   The same shell also mounts private tmpfs homes on /root and ~wgtuser, so a host
#   starts with empty homes and never sees (or writes) the machine's dotfiles. The
#   tmpfs mounts live as long as a process is in the mount namespace, so they vanish
#   with the last process of the host.
#
# Left on the machine on purpose (shared by concurrent testbeds): user wgtuser, the
# file /etc/sudoers.d/wgtui-testbed, empty dirs /run/sshd and /run/wireguard (mount
# points / sshd privilege separation), fs.inotify.max_user_instances raised to at least
# 512 + 2 per host (one per wireguard-go). `purge` removes the user and the sudoers file.
#
# Needs root, iproute2, util-linux (unshare, nsenter, flock), openssh-server,
# openssh-client (ssh-keygen), wireguard-tools, wireguard-go, sudo, coreutils.
# Environment: WGT_OWNER_PID=PID ties the testbed to a process; `gc` (also run by
# `up`) tears down testbeds whose owner has exited. Without it, no gc for this one.

set -euo pipefail

readonly SELF=${BASH_SOURCE[0]}
readonly REGISTRY=/run/wgtui-testbed
readonly SUDOERS_FILE=/etc/sudoers.d/wgtui-testbed
readonly TEST_USER=wgtuser
readonly T=10   # seconds; every external step is wrapped in `timeout $T`
readonly HOST_NAME_RE='^[a-z0-9][a-z0-9-]{0,30}$'

log() { printf '[testbed] %s\n' "$*" >&2; }
die() { printf '[testbed] error: %s\n' "$*" >&2; exit 1; }
t() { timeout --kill-after=2 "$T" "$@"; }

usage() {
    sed -n '6,11p' "$SELF" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

need_root() { [[ $(id -u) == 0 ]] || die "must run as root"; }

need_tools() {
    local missing=() tool
    for tool in ip unshare nsenter flock timeout ssh-keygen wg wg-quick wireguard-go sudo visudo useradd; do
        command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
    done
    [[ -x /usr/sbin/sshd ]] || missing+=(/usr/sbin/sshd)
    [[ -c /dev/net/tun ]] || missing+=(/dev/net/tun)
    # ip netns exec can only bind /etc/netns/NS/wireguard over a directory that exists.
    [[ -d /etc/wireguard ]] || missing+=("/etc/wireguard (made by wireguard-tools)")
    ((${#missing[@]} == 0)) || die "missing: ${missing[*]}"
}

# Start time of a process in clock ticks since boot (field 22 of /proc/PID/stat), so a
# PID recorded earlier is only killed while it still names the same process.
starttime() {
    local stat fields
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) }                 # drop "pid (comm) ", comm may contain spaces
    read -r -a fields <<<"$stat"      # fields[0] is field 3 (state)
    echo "${fields[19]}"
}

# True while PID exists and is not a zombie (a zombie holds no namespaces any more).
running() {
    local state
    state=$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$1/status" 2>/dev/null) || return 1
    [[ -n $state && $state != Z && $state != X ]]
}

record_pid() { # DIR PID WHAT
    local st
    st=$(starttime "$2") || return 0
    [[ -d $1 ]] && echo "$2 $st $3" >>"$1/pids"
    return 0
}

# ---------------------------------------------------------------- state

write_state() { # FILE
    local tmp="$1.tmp"
    {
        echo "TB_ID=$TB_ID"
        echo "TB_NET=$TB_NET"
        echo "TB_DIR=$TB_DIR"
        echo "TB_HOSTS=\"${TB_HOSTS[*]}\""
        echo "TB_OWNER=$TB_OWNER"
        echo "TB_OWNER_START=$TB_OWNER_START"
    } >"$tmp"
    mv -f "$tmp" "$1"
}

# Reads a state file written above without sourcing it.
read_state() { # FILE
    local key value
    TB_ID='' TB_NET='' TB_DIR='' TB_HOSTS=() TB_OWNER='' TB_OWNER_START=''
    while IFS='=' read -r key value; do
        value=${value#\"}; value=${value%\"}
        case $key in
            TB_ID) [[ $value =~ ^[0-9a-f]{6}$ ]] && TB_ID=$value ;;
            TB_NET) TB_NET=$value ;;
            TB_DIR) TB_DIR=$value ;;
            TB_HOSTS) read -r -a TB_HOSTS <<<"$value" ;;
            TB_OWNER) TB_OWNER=$value ;;
            TB_OWNER_START) TB_OWNER_START=$value ;;
        esac
    done <"$1"
    [[ -n $TB_ID ]] || die "$1: no valid TB_ID"
    local h
    for h in "${TB_HOSTS[@]}"; do   # names end up in rm -rf /etc/netns/...: check them
        [[ $h =~ $HOST_NAME_RE ]] || die "$1: bad host name '$h'"
    done
}

lan_ns() { echo "wgt-$TB_ID"; }
host_ns() { echo "wgt-$TB_ID-$1"; }
root_link() { echo "wgt$TB_ID"; }

all_ns() {
    local h
    lan_ns
    for h in "${TB_HOSTS[@]}"; do host_ns "$h"; done
}

ns_exists() { [[ -e /run/netns/$1 ]]; }

# ---------------------------------------------------------------- teardown

# Kills by PID: every process inside our namespaces, and every PID in DIR/pids whose
# start time still matches. TERM first, KILL after 3 s.
kill_all() {
    local ns pid st victims=()
    for ns in $(all_ns); do
        ns_exists "$ns" || continue
        for pid in $(t ip netns pids "$ns" 2>/dev/null || true); do
            victims+=("$pid")
            record_pid "$TB_DIR" "$pid" "in-$ns"
        done
    done
    if [[ -f $TB_DIR/pids ]]; then
        while read -r pid st _; do
            [[ $pid =~ ^[0-9]+$ ]] || continue
            [[ $(starttime "$pid" || true) == "$st" ]] && victims+=("$pid")
        done <"$TB_DIR/pids"
    fi
    ((${#victims[@]} > 0)) || return 0
    kill -TERM "${victims[@]}" 2>/dev/null || true
    local i alive
    for i in $(seq 30); do
        alive=()
        for pid in "${victims[@]}"; do
            running "$pid" && alive+=("$pid")
        done
        ((${#alive[@]} == 0)) && return 0
        sleep 0.1
    done
    log "still alive after TERM, killing: ${alive[*]}"
    kill -KILL "${alive[@]}" 2>/dev/null || true
    sleep 0.2
}

teardown() {
    local ns
    kill_all
    for ns in $(all_ns); do
        ns_exists "$ns" && { t ip netns del "$ns" || log "could not delete netns $ns"; }
        rm -rf "/etc/netns/$ns"
    done
    # Deleting the lan namespace destroys the veth pair; this covers a half-made one.
    if ip link show "$(root_link)" >/dev/null 2>&1; then
        t ip link del "$(root_link)" || log "could not delete link $(root_link)"
    fi
    rmdir /etc/netns 2>/dev/null || true
    rm -f "$REGISTRY/$TB_ID.state"
}

cmd_down() {
    (($# == 1)) || usage
    need_root
    local dir=$1
    [[ -f $dir/state ]] || { log "no testbed in $dir (already down)"; return 0; }
    read_state "$dir/state"
    TB_DIR=$dir
    teardown
    rm -f "$dir/state"
    log "down: $TB_ID"
}

owner_alive() {
    [[ -n $TB_OWNER && $TB_OWNER != 0 ]] || return 0   # no owner: never collected
    [[ $(starttime "$TB_OWNER" || true) == "$TB_OWNER_START" ]]
}

# Serialises gc and the claiming of IDs and subnets between concurrent testbeds.
lock() {
    mkdir -p "$REGISTRY"
    exec 9>"$REGISTRY/lock"
    flock -w 60 9 || die "could not lock $REGISTRY/lock within 60 s"
}

unlock() { exec 9>&-; }

cmd_gc() {
    need_root
    lock
    gc_stale
    unlock
}

# Tears down every registered testbed whose owner has exited. Each runs in a subshell,
# so the TB_* variables of a caller (up) are left alone and one bad entry stops nothing.
gc_stale() {
    local f
    for f in "$REGISTRY"/*.state; do
        [[ -f $f ]] || continue
        (
            read_state "$f"
            owner_alive && exit 0
            log "gc: owner $TB_OWNER of testbed $TB_ID is gone, tearing it down"
            teardown
            rm -f "$TB_DIR/state"
            # A DIR the Java tests made (Testbed.newDir) goes too: its JVM is gone.
            case $(realpath -m -- "$TB_DIR") in
                "$REGISTRY"/dirs/?*/?*) rm -rf -- "$TB_DIR"; rmdir -- "${TB_DIR%/*}" 2>/dev/null || true ;;
            esac
        ) || log "gc of $f failed"
    done
}

# ---------------------------------------------------------------- up

ensure_test_user() {
    if ! id "$TEST_USER" >/dev/null 2>&1; then
        t useradd --create-home --shell /bin/bash --comment "wgtui testbed" "$TEST_USER"
    fi
    # sshd with UsePAM no refuses accounts whose password field starts with "!" (locked);
    # "*" means "no password" and is not locked.
    if [[ $(getent shadow "$TEST_USER" | cut -d: -f2) == '!'* ]]; then
        t usermod --password '*' "$TEST_USER"
    fi
    local home want tmp
    home=$(getent passwd "$TEST_USER" | cut -d: -f6)
    [[ -d $home ]] || install -d -o "$TEST_USER" -g "$(id -g "$TEST_USER")" -m 0750 "$home"
    want="# Written by wgtui src/test/testbed/testbed.sh; kept across testbeds, removed by its purge.
Defaults:$TEST_USER env_keep += \"WG_QUICK_USERSPACE_IMPLEMENTATION\"
$TEST_USER ALL=(ALL:ALL) NOPASSWD: ALL"
    if [[ ! -f $SUDOERS_FILE || $(cat "$SUDOERS_FILE") != "$want" ]]; then
        tmp=$(mktemp /etc/sudoers.d/.wgtui-testbed.XXXXXX)
        printf '%s\n' "$want" >"$tmp"
        chmod 0440 "$tmp"
        t visudo -cqf "$tmp" || { rm -f "$tmp"; die "sudoers check failed"; }
        mv -f "$tmp" "$SUDOERS_FILE"
    fi
}

choose_net() {
    local n used
    used=$(ip -4 -o addr show; ip -4 route show table all 2>/dev/null; cat "$REGISTRY"/*.state 2>/dev/null || true)
    for n in $(seq 77 126); do
        grep -q "192\.168\.$n\." <<<"$used" || { echo "192.168.$n"; return 0; }
    done
    die "no free 192.168.N.0/24 (77..126) left"
}

write_sshd_config() { # HOST IP HOSTDIR
    local h=$1 ip=$2 hd=$3
    cat >"$hd/sshd_config" <<EOF
# sshd for testbed host $h ($(host_ns "$h")), generated by testbed.sh
ListenAddress $ip:22
HostKey $hd/ssh_host_ed25519_key
PidFile $hd/sshd.pid
UsePAM no
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
AllowUsers root $TEST_USER
# Keys come from DIR/HOST/authorized_keys/USER via a command, because DIR (often a
# JUnit @TempDir, mode 700) is not readable by $TEST_USER, and AuthorizedKeysFile is
# read with the user's rights; the machine's own ~/.ssh/authorized_keys are not used.
AuthorizedKeysFile none
AuthorizedKeysCommand /usr/bin/cat $hd/authorized_keys/%u
AuthorizedKeysCommandUser root
SetEnv WG_QUICK_USERSPACE_IMPLEMENTATION=wireguard-go
UseDNS no
PrintMotd no
PrintLastLog no
X11Forwarding no
MaxStartups 50:30:100
MaxSessions 50
Subsystem sftp internal-sftp
LogLevel VERBOSE
EOF
}

# Starts the sshd of one host inside its net, mount and UTS namespaces; see the header.
start_sshd() { # HOST IP HOSTDIR
    local h=$1 ip=$2 hd=$3 ns pid
    ns=$(host_ns "$h")
    local user_home user_ids
    user_home=$(getent passwd "$TEST_USER" | cut -d: -f6)
    user_ids=$(id -u "$TEST_USER"),gid=$(id -g "$TEST_USER")
    # shellcheck disable=SC2016 # the inner script gets its values as $1..$5
    ip netns exec "$ns" unshare --uts sh -c '
        set -e
        mount -t tmpfs -o mode=0755,size=4m wgt-run-wireguard /run/wireguard
        mount -t tmpfs -o mode=1777,size=16m wgt-tmp /tmp
        mount -t tmpfs -o mode=0700,size=16m wgt-root-home /root
        mount -t tmpfs -o mode=0750,size=16m,uid=$5 wgt-user-home "$4"
        hostname "$1"
        exec /usr/sbin/sshd -D -f "$2" -E "$3"
    ' sh "$h" "$hd/sshd_config" "$hd/sshd.log" "$user_home" "$user_ids" </dev/null >>"$hd/sshd.out" 2>&1 &
    pid=$!
    echo "$pid" >"$hd/anchor.pid"
    record_pid "$TB_DIR" "$pid" "sshd-$h"
}

wait_sshd() { # HOST IP HOSTDIR
    local h=$1 ip=$2 hd=$3 i banner pid
    pid=$(cat "$hd/anchor.pid")
    for i in $(seq 100); do
        # shellcheck disable=SC2016 # $0 is the address, passed as an argument
        banner=$(timeout 1 bash -c 'exec 3<>"/dev/tcp/$0/22" && head -c 4 <&3' "$ip" 2>/dev/null || true)
        [[ $banner == SSH- ]] && return 0
        if ! kill -0 "$pid" 2>/dev/null; then
            tail -n 20 "$hd/sshd.out" "$hd/sshd.log" >&2 2>/dev/null || true
            die "sshd of $h exited"
        fi
        sleep 0.1
    done
    tail -n 20 "$hd/sshd.log" >&2 2>/dev/null || true
    die "sshd of $h at $ip:22 did not answer within 10 s"
}

up_failed() {
    local rc=$?
    trap - EXIT
    if ((rc != 0)); then
        log "up failed (exit $rc), tearing down what was made"
        teardown || true
        rm -f "$TB_DIR/state"
    fi
    exit "$rc"
}

cmd_up() {
    (($# >= 2)) || usage
    need_root
    need_tools
    local dir=$1; shift
    [[ $dir != *[[:space:]]* ]] || die "DIR must not contain whitespace: $dir"
    # Each host mounts its own /tmp, homes and /run/wireguard, which would hide a DIR below
    # them from its sshd. (The Java tests keep theirs under $REGISTRY/dirs/.)
    local private
    for private in /tmp /root "$(getent passwd "$TEST_USER" | cut -d: -f6)" /run/wireguard; do
        [[ -n $private ]] || continue
        case "$(realpath -m -- "$dir")/" in
            "$private"/*) die "DIR must not be under $private (each host mounts its own $private): $dir" ;;
        esac
    done

    local -a hosts=() wgips=()
    local arg h wgip
    for arg in "$@"; do
        h=${arg%%=*} wgip=${arg#*=}
        [[ $arg == *=* && $h =~ $HOST_NAME_RE && $wgip =~ ^[0-9]{1,3}(\.[0-9]{1,3}){3}$ ]] ||
            die "bad host spec '$arg' (want name=wg-ip, name in [a-z0-9-])"
        [[ $h != operator ]] || die "'operator' is reserved"
        [[ " ${hosts[*]} " != *" $h "* ]] || die "host $h given twice"
        hosts+=("$h") wgips+=("$wgip")
    done
    # NET.(11+I) must stay below .255; 151 is a hub and 150 workers (src/test/bench/workers.sh).
    ((${#hosts[@]} <= 151)) || die "at most 151 hosts"
    if [[ $(getent shadow root | cut -d: -f2) == '!'* ]]; then
        die "root's password field starts with '!' (locked): sshd with UsePAM no refuses root; run: usermod -p '*' root"
    fi

    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd -P)
    [[ ! -f $dir/state ]] || die "$dir already holds a testbed; run down first"

    mkdir -p "$REGISTRY" /run/sshd /run/wireguard /etc/netns
    chmod 0755 /run/sshd
    # Every wireguard-go holds an inotify instance (it watches its UAPI socket), and root may
    # have 128 by default: the 128th interface of the machine would die as it comes up. Raised
    # (never lowered) to leave room for this testbed's hosts and those of others.
    local inotify want_inotify=$((512 + 2 * ${#hosts[@]}))
    inotify=$(cat /proc/sys/fs/inotify/max_user_instances 2>/dev/null || echo 0)
    if ((inotify < want_inotify)) && [[ -w /proc/sys/fs/inotify/max_user_instances ]]; then
        echo "$want_inotify" >/proc/sys/fs/inotify/max_user_instances
        log "fs.inotify.max_user_instances raised from $inotify to $want_inotify"
    fi

    TB_DIR=$dir
    TB_HOSTS=("${hosts[@]}")
    TB_OWNER=${WGT_OWNER_PID:-0}
    TB_OWNER_START=''
    if [[ $TB_OWNER != 0 ]]; then
        TB_OWNER_START=$(starttime "$TB_OWNER") || die "owner $TB_OWNER is not running"
    fi
    : >"$dir/pids"

    # Collect dead testbeds, then claim an ID and a subnet; the registry entry is the claim.
    lock
    gc_stale
    while :; do
        TB_ID=$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')
        [[ -e $REGISTRY/$TB_ID.state ]] || compgen -G "/run/netns/wgt-$TB_ID*" >/dev/null || break
    done
    TB_NET=$(choose_net)
    trap up_failed EXIT
    # DIR/state first: once the registry names the testbed, `down DIR` can find it.
    write_state "$dir/state"
    write_state "$REGISTRY/$TB_ID.state"

    local lan rl
    lan=$(lan_ns) rl=$(root_link)
    t ip netns add "$lan"
    t ip -n "$lan" link add br0 type bridge forward_delay 0
    t ip -n "$lan" link set br0 up
    t ip link add "$rl" type veth peer name up0 netns "$lan"
    t ip -n "$lan" link set up0 master br0 up
    t ip addr add "$TB_NET.1/24" dev "$rl"
    t ip link set "$rl" up
    ensure_test_user   # under the lock: concurrent ups would race in useradd
    unlock

    # Operator key: root and wgtuser on every host accept it.
    mkdir -p "$dir/operator"
    rm -f "$dir/operator/id_ed25519" "$dir/operator/id_ed25519.pub"
    t ssh-keygen -q -t ed25519 -N '' -C "wgtui-testbed-operator" -f "$dir/operator/id_ed25519"

    local i ns ip hd etc hostsfile
    hostsfile="127.0.0.1 localhost"$'\n'"::1 localhost ip6-localhost ip6-loopback"$'\n'
    for i in "${!hosts[@]}"; do
        hostsfile+="$TB_NET.$((11 + i)) ${hosts[$i]}"$'\n'
    done
    : >"$dir/hosts.txt.tmp"
    : >"$dir/operator/known_hosts"

    for i in "${!hosts[@]}"; do
        h=${hosts[$i]} ns=$(host_ns "$h") ip="$TB_NET.$((11 + i))" hd="$dir/$h"
        t ip netns add "$ns"
        t ip -n "$ns" link set lo up
        t ip -n "$lan" link add "h$i" type veth peer name eth0 netns "$ns"
        t ip -n "$lan" link set "h$i" master br0 up
        t ip -n "$ns" addr add "$ip/24" dev eth0
        t ip -n "$ns" link set eth0 up

        etc=/etc/netns/$ns
        mkdir -p "$etc/wireguard"
        chmod 0700 "$etc/wireguard"
        printf '%s' "$hostsfile" >"$etc/hosts"
        echo "$h" >"$etc/hostname"

        rm -rf "$hd"
        mkdir -p "$hd/authorized_keys"
        t ssh-keygen -q -t ed25519 -N '' -C "root@$h" -f "$hd/ssh_host_ed25519_key"
        cp "$dir/operator/id_ed25519.pub" "$hd/authorized_keys/root"
        cp "$dir/operator/id_ed25519.pub" "$hd/authorized_keys/$TEST_USER"
        write_sshd_config "$h" "$ip" "$hd"
        start_sshd "$h" "$ip" "$hd"

        local key
        key=$(cut -d' ' -f1,2 "$hd/ssh_host_ed25519_key.pub")
        echo "$h $key" >>"$dir/operator/known_hosts"
        echo "$ip $key" >>"$dir/operator/known_hosts"
        echo "$h $ip ${wgips[$i]}" >>"$dir/hosts.txt.tmp"
    done

    for i in "${!hosts[@]}"; do
        wait_sshd "${hosts[$i]}" "$TB_NET.$((11 + i))" "$dir/${hosts[$i]}"
    done
    mv -f "$dir/hosts.txt.tmp" "$dir/hosts.txt"
    trap - EXIT
    log "up: $TB_ID on $TB_NET.0/24: ${hosts[*]}"
}

# ---------------------------------------------------------------- exec, wg-setup

host_dir() { # DIR HOST -> checks and prints DIR/HOST
    [[ -f $1/state ]] || die "no testbed in $1"
    [[ -f $1/$2/anchor.pid ]] || die "no host $2 in $1"
    echo "$1/$2"
}

cmd_exec() {
    (($# >= 3)) || usage
    need_root
    local hd pid
    hd=$(host_dir "$1" "$2")
    shift 2
    pid=$(cat "$hd/anchor.pid")
    kill -0 "$pid" 2>/dev/null || die "sshd of $(basename "$hd") (pid $pid) is not running"
    cd /
    exec nsenter -t "$pid" -m -n -u -- \
        env WG_QUICK_USERSPACE_IMPLEMENTATION=wireguard-go "$@"
}

cmd_wg_setup() {
    (($# == 2)) || usage
    local dir=$1 h=$2
    host_dir "$dir" "$h" >/dev/null
    "$SELF" exec "$dir" "$h" sh -c '
        set -e
        umask 077
        wg genkey >/etc/wireguard/privatekey
        wg pubkey </etc/wireguard/privatekey >/etc/wireguard/publickey
        chmod 600 /etc/wireguard/privatekey /etc/wireguard/publickey
        cat /etc/wireguard/publickey'
}

cmd_purge() {
    need_root
    if compgen -G "$REGISTRY/*.state" >/dev/null; then
        die "testbeds are still up: $(ls "$REGISTRY")"
    fi
    rm -f "$SUDOERS_FILE"
    if id "$TEST_USER" >/dev/null 2>&1; then
        t userdel --remove "$TEST_USER" 2>/dev/null || t userdel "$TEST_USER"
    fi
    log "purged $TEST_USER and $SUDOERS_FILE"
}

main() {
    (($# >= 1)) || usage
    local sub=$1; shift
    case $sub in
        up) cmd_up "$@" ;;
        down) cmd_down "$@" ;;
        exec) cmd_exec "$@" ;;
        wg-setup) cmd_wg_setup "$@" ;;
        gc) (($# == 0)) || usage; cmd_gc ;;
        purge) cmd_purge ;;
        *) usage ;;
    esac
}

main "$@"
