#!/usr/bin/env bash
# workers.sh — how long a full deployment of many workers takes: wgtui against the seed's
# Ansible design, on one testbed (a hub and N workers, each an OpenSSH sshd and wireguard-go
# in its own network namespace; src/test/testbed/testbed.sh).
#
#   src/test/bench/workers.sh [-n WORKERS] [-f FORKS,...] [-r RUNS] [-a] [-A FORKS] [-t] [-s] [-p] [-k] [-d DIR]
#
#   -n WORKERS   workers on the testbed (1..150; default 53)
#   -f FORKS     wgtui --forks values to measure, comma separated (default: wgtui's default)
#   -r RUNS      runs per setting (default 1)
#   -a           also run the seed's Ansible design (ansible/site.yml beside this script)
#   -A FORKS     Ansible's forks (default 25)
#   -t           also the tuned Ansible variant (pipelining, no fact gathering)
#   -s           also time `wgtui status` on the deployed cluster
#   -p           run the measured command at high priority (its own session, autogroup and nice
#                -15; the hosts' sshd at nice -15), so that other work on a shared machine
#                disturbs the figures less. Each SSH session on a host is its own autogroup.
#   -k           keep the testbed up afterwards (tear down with: testbed.sh down DIR)
#   -d DIR       the testbed in DIR: made there and kept if none is, else used as it is
#
# WGTUI=COMMAND runs another wgtui (e.g. "java -jar old.jar") instead of the checkout's launcher.
#
# Every run starts from fresh hosts: no interface, empty /etc/wireguard, no preview. After a
# run the script checks the result (the hub has N peers, every worker's wg0 is up with the hub
# as its peer) and prints one line per run: tool, workers, forks, wall s, CPU s (user+sys of
# the client and its children, from /usr/bin/time), hosts' CPU s (every process of the testbed
# hosts: sshd, the remote commands, wireguard-go; from a cpuacct cgroup where there is one),
# the load average before the run, ok. Needs root (the testbed), a built
# target/wgtui.jar (mvn -DskipTests package) and, for -a, ansible-playbook (Debian's
# ansible-core). Not a test: too slow for CI; CliWorkersTestbedTest is the CI-sized check.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../../.." && pwd)
testbed=$repo/src/test/testbed/testbed.sh

workers=53 forks_list='' runs=1 ansible=no ansible_forks=25 tuned=no status=no keep=no reuse='' prio=no
while getopts 'n:f:r:aA:tskd:p' opt; do
    case $opt in
        n) workers=$OPTARG ;;
        f) forks_list=${OPTARG//,/ } ;;
        r) runs=$OPTARG ;;
        a) ansible=yes ;;
        A) ansible_forks=$OPTARG ;;
        t) tuned=yes ;;
        s) status=yes ;;
        k) keep=yes ;;
        d) reuse=$OPTARG keep=yes ;;
        p) prio=yes ;;
        *) sed -n '6,21p' "$0" >&2; exit 2 ;;
    esac
done
if ! [[ $workers =~ ^[0-9]+$ ]] || ((workers < 1 || workers > 150)); then
    echo "workers.sh: -n 1..150" >&2
    exit 2
fi
[[ $(id -u) == 0 ]] || { echo "workers.sh: needs root (the testbed)" >&2; exit 2; }
[[ -f $repo/target/wgtui.jar ]] || { echo "workers.sh: build first: mvn -B -q -DskipTests package" >&2; exit 2; }
if [[ $ansible == yes || $tuned == yes ]] && ! command -v ansible-playbook >/dev/null; then
    echo "workers.sh: ansible-playbook not found (apt-get install ansible-core)" >&2
    exit 2
fi

dir=${reuse:-$repo/target/bench/workers-$workers-$$}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
down() {
    if [[ $keep == yes ]]; then
        echo "testbed kept: bash $testbed down $dir" >&2
    else
        bash "$testbed" down "$dir" >/dev/null 2>&1 || echo "workers.sh: testbed down failed in $dir" >&2
        [[ -z ${cg:-} ]] || rmdir "$cg" 2>/dev/null || true
    fi
}
trap down EXIT

hub=hub
names=()
for ((i = 1; i <= workers; i++)); do names+=("$(printf 'w%03d' "$i")"); done
specs=("$hub=10.0.0.1")
for i in "${!names[@]}"; do specs+=("${names[$i]}=10.0.0.$((i + 2))"); done
echo "testbed: a hub and $workers workers in $dir" >&2
if [[ ! -f $dir/state ]]; then
    # No owner pid with -k: the testbed outlives this script until `testbed.sh down`.
    owner=$$
    [[ $keep == no ]] || owner=0
    WGT_OWNER_PID=$owner bash "$testbed" up "$dir" "${specs[@]}" 2>"$dir/up.log" || { cat "$dir/up.log" >&2; exit 1; }
elif [[ $(wc -l <"$dir/hosts.txt") != $((workers + 1)) ]]; then
    echo "workers.sh: $dir has no testbed of $workers workers" >&2
    exit 2
fi

# The hosts' CPU: every sshd (and so all it starts) in one cpuacct cgroup, where cgroup v1 has one.
cg=''
if [[ -d /sys/fs/cgroup/cpuacct && -w /sys/fs/cgroup/cpuacct ]]; then
    cg=/sys/fs/cgroup/cpuacct/wgtui-bench-$(basename "$dir")
    mkdir -p "$cg"
    for f in "$dir"/*/anchor.pid; do cat "$f" >"$cg/cgroup.procs" 2>/dev/null || true; done
fi
hosts_cpu() { if [[ -n $cg ]]; then cat "$cg/cpuacct.usage"; else echo 0; fi; }
nice=()
if [[ $prio == yes ]]; then
    # With autogroups (sched_autogroup_enabled) nice counts only inside a session: the
    # measured command gets a session whose autogroup is at -15 too.
    # shellcheck disable=SC2016 # $@ is the inner shell's
    nice=(setsid -w bash -c 'echo -15 >/proc/self/autogroup 2>/dev/null; exec nice -n -15 "$@"' bash)
    for f in "$dir"/*/anchor.pid; do renice -n -15 -p "$(cat "$f")" >/dev/null; done
fi

# Inventory (YAML, read by both tools) from the testbed's hosts.txt: name underlay wg-ip.
inv=$dir/inventory.yml
{
    echo "all:"
    echo "  vars:"
    echo "    ansible_user: root"
    echo "    ansible_ssh_private_key_file: $dir/operator/id_ed25519"
    echo "    ansible_ssh_common_args: -F /dev/null -o UserKnownHostsFile=$dir/operator/known_hosts -o IdentitiesOnly=yes -o IdentityAgent=none"
    echo "    ansible_python_interpreter: /usr/bin/python3"
    echo "    wireguard_network: 10.0.0.0/24"
    echo "  children:"
    echo "    control_plane:"
    echo "      hosts:"
    awk -v hub="$hub" '$1 == hub { printf "        %s:\n          ansible_host: %s\n          wireguard_ip: %s\n", $1, $2, $3 }' "$dir/hosts.txt"
    echo "    workers:"
    echo "      hosts:"
    awk -v hub="$hub" '$1 != hub { printf "        %s:\n          ansible_host: %s\n          wireguard_ip: %s\n", $1, $2, $3 }' "$dir/hosts.txt"
} >"$inv"

# Fresh hosts: no interface, nothing in /etc/wireguard, no preview; in parallel, 16 at a time.
reset_hosts() {
    printf '%s\n' "$hub" "${names[@]}" | xargs -P 16 -I{} bash "$testbed" exec "$dir" {} sh -c \
        'wg-quick down wg0 >/dev/null 2>&1; ip link del wg0 2>/dev/null; rm -rf /etc/wireguard/* /etc/wireguard/.[!.]* /tmp/wg0.conf.preview; true'
}

# The result, checked on every host: N peers on the hub, each worker up with the hub as peer.
check() {
    local hub_peers up
    hub_peers=$(bash "$testbed" exec "$dir" "$hub" wg show wg0 peers 2>/dev/null | grep -c . || true)
    hub_key=$(bash "$testbed" exec "$dir" "$hub" wg show wg0 public-key 2>/dev/null || true)
    up=$(printf '%s\n' "${names[@]}" | xargs -P 16 -I{} bash "$testbed" exec "$dir" {} sh -c \
        "wg show wg0 peers 2>/dev/null | grep -qx '$hub_key' && echo up" | grep -c up || true)
    if [[ $hub_peers == "$workers" && $up == "$workers" ]]; then
        echo ok
    else
        echo "FAILED(hub-peers=$hub_peers,workers-up=$up)"
    fi
}

# One measured command: prints "wall cpu hosts-cpu load exit" (CPU = user + sys of it and its
# children; hosts' CPU from the cgroup, up to 2 s after it ended: the tunnels' first handshakes).
measure() { # LOG CMD...
    local log=$1; shift
    local t=$dir/time.$$
    local rc=0 before after load
    load=$(cut -d' ' -f1 /proc/loadavg)
    before=$(hosts_cpu)
    "${nice[@]}" /usr/bin/time -f '%e %U %S' -o "$t" "$@" >"$log" 2>&1 </dev/null || rc=$?
    sleep 2
    after=$(hosts_cpu)
    # time prints "Command exited with non-zero status N" first when it did
    tail -n 1 "$t" | awk -v rc="$rc" -v h=$((after - before)) -v load="$load" \
        '{ printf "%.2f %.2f %.2f %s %d\n", $1, $2 + $3, h / 1e9, load, rc }'
}

row() { printf '%-16s %7s %5s %8s %8s %8s %6s  %s\n' "$@"; }
row tool workers forks wall_s cpu_s hosts_s load result

# The checkout's launcher, as an operator runs it (its class-data archive included).
read -r -a wgtui_cmd <<<"${WGTUI:-$repo/wgtui}"
wgtui_cmd+=(-i "$inv" --known-hosts "$dir/operator/known_hosts")
# A first run that is not measured: the page cache and the launcher's class data are warm for all.
reset_hosts
"${wgtui_cmd[@]}" diff all >/dev/null 2>&1 || true

for forks in ${forks_list:-default}; do
    for ((r = 1; r <= runs; r++)); do
        reset_hosts
        extra=()
        [[ $forks == default ]] || extra=(--forks "$forks")
        log=$dir/wgtui-$forks-$r.log
        read -r wall cpu hcpu load rc < <(measure "$log" "${wgtui_cmd[@]}" apply all --workers --yes "${extra[@]}")
        result=$(check)
        ((rc == 0)) || result="$result exit=$rc"
        row wgtui "$workers" "$forks" "$wall" "$cpu" "$hcpu" "$load" "$result"
    done
done

if [[ $status == yes ]]; then
    for ((r = 1; r <= runs; r++)); do
        read -r wall cpu hcpu load rc < <(measure "$dir/status-$r.log" "${wgtui_cmd[@]}" status)
        row "wgtui status" "$workers" - "$wall" "$cpu" "$hcpu" "$load" "exit=$rc"
    done
fi

# From $dir, where no ansible.cfg is: Ansible's defaults, but for what the command line says.
cd "$dir"
run_ansible() { # LABEL EXTRA-ENV...
    local label=$1; shift
    for ((r = 1; r <= runs; r++)); do
        reset_hosts
        local log=$dir/$label-$r.log
        read -r wall cpu hcpu load rc < <(measure "$log" env ANSIBLE_FORKS="$ansible_forks" ANSIBLE_HOST_KEY_CHECKING=True \
            ANSIBLE_LOCAL_TEMP="$dir/ansible-tmp" ANSIBLE_NOCOLOR=1 "$@" \
            ansible-playbook -i "$inv" "$here/ansible/site.yml")
        result=$(check)
        ((rc == 0)) || result="$result exit=$rc (see $log)"
        row "$label" "$workers" "$ansible_forks" "$wall" "$cpu" "$hcpu" "$load" "$result"
    done
}
[[ $ansible == no ]] || run_ansible ansible
[[ $tuned == no ]] || run_ansible ansible-tuned ANSIBLE_PIPELINING=True ANSIBLE_GATHERING=explicit
echo "logs: $dir" >&2
