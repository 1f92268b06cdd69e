#!/usr/bin/env bash
# check-release.sh — tests the release `mvn package` built, as an operator would use it on a
# jump host with no Java: .ci/run runs it as root after the build.
#
#   1. the archive unpacked into a fresh directory: bin/wgtui --demo status, --version,
#      completion, man -l on the shipped page — in a mount namespace where /usr/lib/jvm is an
#      empty tmpfs (so no java, whatever PATH says) and a network namespace with no network;
#      then status against real hosts (testbed.sh: OpenSSH sshd and wireguard-go), no java still;
#   2. the .deb: dpkg -i, wgtui --demo status and man wgtui (no java again), dpkg -r.
#
#   check-release.sh [TARGET_DIR]     (default: target)
set -euo pipefail
cd "$(dirname "$0")/../.."
target=${1:-target}

fail() { printf '[check-release] FAILED: %s\n' "$*" >&2; exit 1; }
log() { printf '[check-release] %s\n' "$*" >&2; }
trap 'fail "line $LINENO: $BASH_COMMAND"' ERR

[[ $(id -u) == 0 ]] || fail "needs root (mount and network namespaces, the testbed, dpkg)"
archives=("$target"/wgtui-*-linux-*.tar.gz)
[[ -f ${archives[0]} && ${#archives[@]} == 1 ]] || fail "want exactly one $target/wgtui-*-linux-*.tar.gz, found: ${archives[*]}"
archive=${archives[0]}
version=$(basename "$archive" | sed -E 's/^wgtui-(.*)-linux-[^-]*\.tar\.gz$/\1/')

work=$(mktemp -d -p /run/wgtui-testbed/dirs 2>/dev/null || { mkdir -p /run/wgtui-testbed/dirs && mktemp -d -p /run/wgtui-testbed/dirs; })
cluster=$work/cluster
source src/test/testbed/sample-cluster.sh
cleanup() {
    cluster_down "$cluster" || true
    if dpkg -s wgtui >/dev/null 2>&1 && [[ -f $work/installed-by-us ]]; then dpkg -r wgtui >/dev/null 2>&1 || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# Runs "$@" with no Java on the machine: /usr/lib/jvm hidden under an empty tmpfs (and so every
# java, javac, /etc/alternatives link into it), JAVA_HOME unset, a plain PATH; with --offline
# also in a network namespace of its own, where nothing but a down loopback exists.
nojava() {
    local net=()
    if [[ $1 == --offline ]]; then net=(--net); shift; fi
    unshare --mount "${net[@]}" --propagation private -- env -u JAVA_HOME -u JAVA_TOOL_OPTIONS -u JDK_JAVA_OPTIONS \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME="$work/home" TERM=dumb LC_ALL=C.UTF-8 \
        sh -c 'mount -t tmpfs -o size=1m nojava /usr/lib/jvm \
               && if command -v java >/dev/null 2>&1 && java -version >/dev/null 2>&1; then
                      echo "java still runs: $(command -v java)" >&2; exit 99; fi \
               && exec "$@"' nojava "$@"
}

expect() { # WHAT OUTPUT PATTERN: OUTPUT must match the extended regex PATTERN
    grep -Eq -- "$3" <<<"$2" || { printf '%s\n' "$2" >&2; fail "$1: no match for /$3/"; }
}

mkdir -p "$work/home" "$work/unpacked"
tar -xzf "$archive" -C "$work/unpacked"
home=$(echo "$work/unpacked"/wgtui-*)
[[ -x $home/bin/wgtui ]] || fail "no bin/wgtui in $archive"
for f in share/man/man1/wgtui.1 share/bash-completion/completions/wgtui share/zsh/site-functions/_wgtui \
    share/fish/vendor_completions.d/wgtui.fish; do
    [[ -f $home/$f ]] || fail "$f missing from $archive"
done

log "archive: $(basename "$archive"), unpacked in $home"
out=$(nojava --offline "$home/bin/wgtui" --demo status)
expect "--demo status" "$out" '^Hub k8s .* 3 worker\(s\) in the inventory'
expect "--demo status" "$out" 'cm4 +~ changed'
out=$(nojava --offline "$home/bin/wgtui" --version)
[[ $out == "wgtui ${version%%-*}"* ]] || fail "--version said: $out"
out=$(nojava --offline "$home/bin/wgtui" --demo __complete hosts)
expect "__complete hosts" "$out" $'^cm4\tworker 10.0.0.3$'
out=$(nojava --offline man -P cat -l "$home/share/man/man1/wgtui.1" 2>&1)
expect "man -l" "$out" '^NAME'
expect "man -l" "$out" 'wgtui - '
# The cache is what the release starts from: refuse a release whose JVM would ignore it.
cache_check=-XX:AOTMode=on
[[ -f $home/lib/wgtui.aot ]] || cache_check=-Xshare:on
WGTUI_JAVA_OPTS=$cache_check nojava --offline "$home/bin/wgtui" --demo status >/dev/null ||
    fail "the release does not start from its cache ($cache_check)"
if [[ -f $home/lib/wgtui.aot ]]; then
    # Every class of the app and its libraries comes from the cache (picocli's too, see
    # ModernClasses.java): none is read from a jar at start-up.
    WGTUI_JAVA_OPTS="-Xlog:class+load=info:file=$work/demo-classes.txt" nojava --offline "$home/bin/wgtui" --demo status >/dev/null
    from_jars=$(grep -c 'source: file:.*\.jar' "$work/demo-classes.txt" || true)
    ((from_jars == 0)) || fail "--demo status read $from_jars classes from jars, not from the cache: $(grep -m 3 'source: file:' "$work/demo-classes.txt")"
fi
out=$(nojava --offline "$home/bin/wgtui" 2>&1) && fail "wgtui with no inventory exited 0: $out"
expect "first run" "$out" '^wgtui: no inventory: .*-i FILE.*--demo'

log "archive: status against real hosts (testbed)"
cluster_up "$cluster" nojava "$home/bin/wgtui"
out=$(nojava "$home/bin/wgtui" -i "$cluster/inventory.yml" --known-hosts "$cluster/operator/known_hosts" status 2>&1) || { printf '%s\n' "$out" >&2; fail "status"; }
expect "status" "$out" '^Hub k8s '
expect "status" "$out" 'cm4 +✓ ok'
expect "status" "$out" 's2204 +✓ ok'
# An ed25519 key needs no BouncyCastle: loading it (a signed jar) costs about 0.5 s of CPU.
WGTUI_JAVA_OPTS="-Xlog:class+load=info:file=$work/classes.txt" nojava "$home/bin/wgtui" -i "$cluster/inventory.yml" \
    --known-hosts "$cluster/operator/known_hosts" status >/dev/null
! grep -q 'org.bouncycastle' "$work/classes.txt" || fail "status with an ed25519 key loaded BouncyCastle"
cluster_down "$cluster"

debs=("$target"/wgtui_*.deb)
if [[ ! -f ${debs[0]} ]]; then
    command -v dpkg-deb >/dev/null 2>&1 && fail "dpkg-deb is installed but there is no $target/wgtui_*.deb"
    log "no .deb to check (no dpkg-deb on this machine)"
else
    log ".deb: $(basename "${debs[0]}")"
    ! dpkg -s wgtui >/dev/null 2>&1 || fail "wgtui is installed already; remove it first (dpkg -r wgtui)"
    dpkg -i "${debs[0]}" >/dev/null
    touch "$work/installed-by-us"
    [[ $(readlink -f /usr/bin/wgtui) == /usr/lib/wgtui/bin/wgtui ]] || fail "/usr/bin/wgtui is not the package's"
    for f in /usr/share/man/man1/wgtui.1.gz /usr/share/bash-completion/completions/wgtui \
        /usr/share/zsh/vendor-completions/_wgtui /usr/share/fish/vendor_completions.d/wgtui.fish; do
        [[ -f $f ]] || fail "$f not installed"
    done
    out=$(nojava --offline wgtui --demo status)
    expect "installed: wgtui --demo status" "$out" 'cm4 +~ changed'
    WGTUI_JAVA_OPTS=$cache_check nojava --offline wgtui --version >/dev/null ||
        fail "the installed wgtui does not start from its cache"
    out=$(nojava --offline man -P cat wgtui 2>&1)
    expect "man wgtui" "$out" '^NAME'
    dpkg -r wgtui >/dev/null
    rm -f "$work/installed-by-us"
    [[ ! -e /usr/bin/wgtui && ! -e /usr/lib/wgtui ]] || fail "dpkg -r left files behind"
fi
log "all passed"
