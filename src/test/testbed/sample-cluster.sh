# sample-cluster.sh — sourced by scripts that run a wgtui binary against real hosts (the
# release check, the start-up benchmark). Needs root, like testbed.sh.
#
#   cluster_up DIR WGTUI...   hosts k8s (the hub), cm4 and s2204 from testbed.sh, state in DIR;
#                             `WGTUI... apply all --workers --yes` gives each its wg0; then
#                             DIR/inventory.yml also names every worker's public key, so that a
#                             status talks to the hub only. Prints nothing on success.
#   then: WGTUI -i DIR/inventory.yml --known-hosts DIR/operator/known_hosts status
#   cluster_hub_ip DIR        the hub's address
#   cluster_ssh DIR ARGS...   OpenSSH as the operator (its key only, IdentityAgent none, the
#                             testbed's known_hosts): cluster_ssh DIR root@IP 'wg show wg0 dump'
#   cluster_down DIR          tear the hosts down (safe to call twice)
#
# DIR must be where every host sees it (testbed.sh says where not): e.g. made with
# mktemp -d -p /run/wgtui-testbed/dirs.

_cluster_testbed=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/testbed.sh

cluster_up() {
    local dir=$1
    shift
    WGT_OWNER_PID=$$ bash "$_cluster_testbed" up "$dir" k8s=10.0.0.20 cm4=10.0.0.3 s2204=10.0.0.4 >/dev/null 2>"$dir.up.log" ||
        { cat "$dir.up.log" >&2; return 1; }
    rm -f "$dir.up.log"
    _cluster_inventory "$dir" ''
    "$@" -i "$dir/inventory.yml" --known-hosts "$dir/operator/known_hosts" apply all --workers --yes >"$dir/apply.log" 2>&1 ||
        { cat "$dir/apply.log" >&2; return 1; }
    _cluster_inventory "$dir" keys
}

# Writes DIR/inventory.yml from DIR/hosts.txt ("name underlay-ip wg-ip"); with "keys", each
# worker's wireguard_public_key as the worker has it.
_cluster_inventory() {
    local dir=$1 keys=$2 name ip wgip first=1 key
    {
        printf 'all:\n  vars:\n    ansible_user: root\n    ansible_ssh_private_key_file: %s\n  children:\n' "$dir/operator/id_ed25519"
        while read -r name ip wgip; do
            if ((first)); then
                printf '    control_plane:\n      hosts:\n'
            fi
            printf '        %s:\n          ansible_host: %s\n          wireguard_ip: %s\n' "$name" "$ip" "$wgip"
            if [[ -n $keys && $first == 0 ]]; then
                key=$(bash "$_cluster_testbed" exec "$dir" "$name" cat /etc/wireguard/publickey) || return 1
                printf '          wireguard_public_key: %s\n' "$key"
            fi
            if ((first)); then
                printf '    workers:\n      hosts:\n'
                first=0
            fi
        done <"$dir/hosts.txt"
    } >"$dir/inventory.yml.tmp"
    mv -f "$dir/inventory.yml.tmp" "$dir/inventory.yml"
}

cluster_hub_ip() {
    awk 'NR == 1 { print $2 }' "$1/hosts.txt"
}

cluster_ssh() {
    local dir=$1
    shift
    ssh -F /dev/null -i "$dir/operator/id_ed25519" -o IdentitiesOnly=yes -o IdentityAgent=none \
        -o UserKnownHostsFile="$dir/operator/known_hosts" -o GlobalKnownHostsFile=/dev/null \
        -o StrictHostKeyChecking=yes -o BatchMode=yes -o LogLevel=ERROR "$@"
}

cluster_down() {
    bash "$_cluster_testbed" down "$1" >/dev/null 2>&1 || bash "$_cluster_testbed" down "$1"
}
