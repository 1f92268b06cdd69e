#!/usr/bin/env bash
# startup.sh — how long wgtui takes from the shell prompt, each run a new process: the checkout's
# ./wgtui on JDK 17 (with its CDS archive) against the release (jlink'd runtime, AOT cache).
#
#   --demo status, --demo diff       the built-in sample, no SSH
#   __complete hosts                 what the shell runs on every Tab (-i the demo inventory)
#   status against a real hub        as root: testbed.sh hosts (OpenSSH sshd, wireguard-go),
#                                    beside OpenSSH's own round trip with the same key exchange:
#                                    ssh -o KexAlgorithms=curve25519-sha256 hub 'wg show wg0 dump'
#
#   src/test/bench/startup.sh [RUNS]      (after `mvn -DskipTests package`; needs hyperfine)
#
# Results: target/bench/startup-*.md (hyperfine's tables) and a summary on stdout. The machine
# should be otherwise idle: the figures are wall-clock times.
set -euo pipefail
cd "$(dirname "$0")/../../.."
runs=${1:-20}
root=$PWD
out=$root/target/bench
release=$(echo "$root"/target/wgtui-*-linux-*/bin/wgtui)
java17=${JAVA17_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}

command -v hyperfine >/dev/null || { echo "startup.sh: needs hyperfine" >&2; exit 2; }
[[ -x $release ]] || { echo "startup.sh: no release in target/; run mvn -DskipTests package" >&2; exit 2; }
[[ -x $java17/bin/java ]] || { echo "startup.sh: no JDK 17 at $java17 (set JAVA17_HOME)" >&2; exit 2; }
mkdir -p "$out"

# Both run with an empty home (no ~/.ssh/config, no agent), the launcher with JDK 17 first on PATH.
home=$(mktemp -d)
cluster=''
cleanup() {
    if [[ -n $cluster ]]; then cluster_down "$cluster" || true; rm -rf "$cluster"; fi
    rm -rf "$home"
}
trap cleanup EXIT
run() { env -u SSH_AUTH_SOCK -u JAVA_TOOL_OPTIONS HOME="$home" PATH="$java17/bin:$PATH" "$@"; }

# The launcher builds the jar and records its archive on first use: not part of the figures.
run ./wgtui --version >/dev/null

demo_inv=$root/src/main/resources/demo/inventory.yml
bench() { # NAME COMMAND-ARGS...: the same wgtui arguments through both
    local name=$1
    shift
    run hyperfine -N --style basic --time-unit millisecond --warmup 3 --runs "$runs" --export-markdown "$out/startup-$name.md" \
        --command-name "jdk17 ./wgtui $*" "$root/wgtui $*" \
        --command-name "release wgtui $*" "$release $*" >&2
}
bench demo-status --demo status
bench demo-diff --demo diff
bench complete -i "$demo_inv" __complete hosts

if [[ $(id -u) == 0 ]]; then
    source src/test/testbed/sample-cluster.sh
    mkdir -p /run/wgtui-testbed/dirs
    cluster=$(mktemp -d -p /run/wgtui-testbed/dirs bench.XXXXXX)
    cluster_up "$cluster" run "$release"   # in this shell: the testbed lives as long as it does
    hub=root@$(cluster_hub_ip "$cluster")
    args="-i $cluster/inventory.yml --known-hosts $cluster/operator/known_hosts status"
    ssh_args="-F /dev/null -i $cluster/operator/id_ed25519 -o IdentitiesOnly=yes -o IdentityAgent=none"
    ssh_args+=" -o UserKnownHostsFile=$cluster/operator/known_hosts -o GlobalKnownHostsFile=/dev/null"
    ssh_args+=" -o StrictHostKeyChecking=yes -o BatchMode=yes -o ControlMaster=no -o ControlPath=none"
    ssh_args+=" -o KexAlgorithms=curve25519-sha256"
    # hyperfine -N splits on spaces: the remote command goes in as one word through sh.
    run hyperfine --style basic --time-unit millisecond --warmup 3 --runs "$runs" --export-markdown "$out/startup-hub-status.md" \
        --command-name "openssh ssh hub 'wg show wg0 dump'" "ssh $ssh_args $hub 'wg show wg0 dump'" \
        --command-name "jdk17 ./wgtui status" "$root/wgtui $args" \
        --command-name "release wgtui status" "$release $args" >&2
else
    echo "startup.sh: not root, so no status against a real hub (testbed.sh needs root)" >&2
fi

echo "| command | mean ± σ | min |"
echo "|---|---|---|"
for f in "$out"/startup-*.md; do
    # hyperfine's rows: | `cmd` | mean ± σ | min | max | relative |
    awk -F'|' 'NR > 2 { gsub(/`/, "", $2); printf "|%s| %s ms | %s ms |\n", $2, $3, $4 }' "$f"
done
