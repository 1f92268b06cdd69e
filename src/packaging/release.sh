#!/usr/bin/env bash
# release.sh — the self-contained release, run by `mvn package` after the jar is built:
#
#   target/wgtui-VERSION-linux-ARCH/             the tree (also in the .tar.gz)
#     bin/wgtui                                  launcher (src/packaging/wgtui.sh)
#     lib/runtime/                               Java runtime made by jlink: the modules wgtui uses
#     lib/app/wgtui.jar, lib/app/lib/*.jar       the application
#     lib/wgtui.aot (JDK 25+) or lib/wgtui.jsa   start-up cache, trained at build time
#     share/man/man1/wgtui.1
#     share/bash-completion/completions/wgtui, share/zsh/site-functions/_wgtui,
#     share/fish/vendor_completions.d/wgtui.fish
#   target/wgtui-VERSION-linux-ARCH.tar.gz
#   target/wgtui_DEBVERSION_DEBARCH.deb          where dpkg-deb exists: the tree in /usr/lib/wgtui
#
# The runtime comes from the newest JDK under /usr/lib/jvm that has jlink (or --jdk DIR; the
# JDK running Maven when there is none), so the release gets that JDK's start-up features
# while the code stays Java 17. The cache is recorded from one run of dev.wgtui.StartupTraining
# on the release's own runtime and class path: --demo commands, completion, the dashboard on a
# virtual terminal, and status/diff over SSH against dev.wgtui.release.TrainingHub (an embedded
# MINA server from the tests, run in a JVM of its own).
#
#   release.sh --version V --target DIR --basedir DIR --build-java JAVA --test-classpath CP
#              [--jdk auto|DIR] [--deb auto|yes|no]
set -euo pipefail

version='' target='' basedir='' build_java='' test_cp='' jdk=auto deb=auto
while (($#)); do
    case $1 in
        --version) version=$2 ;;
        --target) target=$2 ;;
        --basedir) basedir=$2 ;;
        --build-java) build_java=$2 ;;
        --test-classpath) test_cp=$2 ;;
        --jdk) jdk=$2 ;;
        --deb) deb=$2 ;;
        *) echo "release.sh: unknown argument $1" >&2; exit 2 ;;
    esac
    shift 2
done
[[ -n $version && -d $target && -d $basedir && -x $build_java && -n $test_cp ]] ||
    { echo "release.sh: --version, --target, --basedir, --build-java and --test-classpath are required" >&2; exit 2; }

log() { printf '[release] %s\n' "$*" >&2; }
die() { printf '[release] error: %s\n' "$*" >&2; exit 1; }
started=$SECONDS

[[ -f $target/wgtui.jar && -d $target/lib ]] || die "$target/wgtui.jar and $target/lib/ must be built first"
[[ -f $target/test-classes/dev/wgtui/release/TrainingHub.class ]] ||
    die "the test classes are needed to train the start-up cache (built unless -Dmaven.test.skip=true)"

# ---------------------------------------------------------------- which JDK

feature_of() { # JDK_DIR -> feature release number (17, 25, ...)
    local v
    v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release" 2>/dev/null)
    echo "${v:-0}"
}

if [[ $jdk == auto ]]; then
    jdk=$(dirname "$(dirname "$(readlink -f "$build_java")")")
    best=$(feature_of "$jdk")
    for candidate in /usr/lib/jvm/*/; do
        candidate=${candidate%/}
        [[ -x $candidate/bin/jlink && -x $candidate/bin/jdeps && -f $candidate/release ]] || continue
        f=$(feature_of "$candidate")
        if ((f > best)); then best=$f jdk=$candidate; fi
    done
fi
[[ -x $jdk/bin/jlink ]] || die "no jlink in $jdk (install a full JDK, or pass -Drelease.jdk=DIR)"
feature=$(feature_of "$jdk")
((feature >= 17)) || die "$jdk is older than Java 17"
log "JDK $feature from $jdk"

case $(uname -m) in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=aarch64 ;;
    *) arch=$(uname -m) ;;
esac
name=wgtui-$version-linux-$arch
tree=$target/$name
rm -rf "$tree" "$target/$name.tar.gz" "$target"/wgtui_*.deb "$target/release-work"
work=$target/release-work
mkdir -p "$tree/bin" "$tree/lib/app/lib" "$work"

# ---------------------------------------------------------------- the application

cp -p "$target/wgtui.jar" "$tree/lib/app/"
cp -p "$target"/lib/*.jar "$tree/lib/app/lib/"
# The AOT cache leaves out classes built for Java 5 (picocli's): rewrite them as Java 8 classes
# with stack maps (the JDK's class-file API, 24+) so that they start from the cache too.
if ((feature >= 24)); then
    "$jdk/bin/java" "$basedir/src/packaging/ModernClasses.java" "$tree"/lib/app/lib/*.jar |
        while IFS= read -r line; do log "$line"; done
    ((PIPESTATUS[0] == 0)) || die "rewriting old classes failed"
fi

# ---------------------------------------------------------------- the runtime

# jdeps finds what the code names; JLine and Lanterna reach sun.misc.Signal (terminal resize)
# by reflection, which only jdk.unsupported provides.
jars=("$tree"/lib/app/lib/*.jar)
cp_jars=$(IFS=:; echo "${jars[*]}")
modules=$(
    for jar in "$tree/lib/app/wgtui.jar" "${jars[@]}"; do
        "$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release "$feature" -q \
            --class-path "$cp_jars" "$jar" 2>/dev/null | tail -n 1 | tr ',' '\n'
    done | grep -E '^(java|jdk)\.' || true
)
# X25519 and Ed25519 live in jdk.crypto.ec before JDK 22.
extra=(jdk.unsupported)
if "$jdk/bin/java" --list-modules 2>/dev/null | grep -q '^jdk.crypto.ec@' && ((feature < 22)); then
    extra+=(jdk.crypto.ec)
fi
modules=$(printf '%s\n' $modules "${extra[@]}" | sort -u | paste -sd, -)
grep -q 'java.base' <<<"$modules" || die "jdeps found no modules; is $tree/lib/app complete?"
log "jlink: $modules"
compress=zip-6
((feature >= 21)) || compress=2
cds=()
# Before JDK 25 the start-up cache is a dynamic CDS archive, which needs the runtime's own base
# archive: jlink leaves it out unless asked.
((feature >= 25)) || cds=(--generate-cds-archive)
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
    --compress="$compress" "${cds[@]}" --output "$tree/lib/runtime"

# The JDK looks for a security provider its java.security names but the image lacks on the class
# path, with ServiceLoader: that instantiates BouncyCastle from its signed jar on the first
# cipher lookup sshj makes, about 0.5 s of CPU per SSH start. Name only what the image has.
present=" $(sed -n 's/^MODULES="\(.*\)"/\1/p' "$tree/lib/runtime/release") "
security=$tree/lib/runtime/conf/security/java.security
awk -v present="$present" '
    BEGIN {
        split("SunJGSS=java.security.jgss SunSASL=java.security.sasl XMLDSig=java.xml.crypto " \
              "SunPCSC=java.smartcardio JdkLDAP=java.naming JdkSASL=jdk.security.jgss " \
              "SunPKCS11=jdk.crypto.cryptoki", pairs, " ")
        for (i in pairs) { split(pairs[i], kv, "="); module[kv[1]] = kv[2] }
    }
    /^security\.provider\.[0-9]+=/ {
        name = $0; sub(/^[^=]*=/, "", name); split(name, word, " ")
        if (word[1] in module && index(present, " " module[word[1]] " ") == 0) next
        print "security.provider." (++n) "=" name
        next
    }
    { print }
' "$security" >"$security.new"
mv -f "$security.new" "$security"
log "security providers: $(sed -n 's/^security\.provider\.[0-9]*=//p' "$security" | paste -sd' ' -)"

# ---------------------------------------------------------------- launcher, man page, completions

jvm_options='-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData'
# JLine reaches the terminal through java.lang.foreign on JDK 22+; say so rather than be warned.
jvm_options+=' --enable-native-access=ALL-UNNAMED'
if ((feature >= 25)); then
    cache=wgtui.aot
    record_option="-XX:AOTCacheOutput=$tree/lib/$cache"
    check_option='-XX:AOTMode=on'
    cache_option="-XX:AOTCache=\"\$home/lib/$cache\""
else
    # Before JDK 25: the runtime's own CDS archive (jlink --generate-cds-archive) and no trained
    # cache - a dynamic archive recorded on a jlink'd JDK 17 runtime crashes the JVM (17.0.15).
    cache=''
    record_option=''
    check_option='-Xshare:on'
    cache_option=''
fi
sed -e "s|@CACHE@|$cache|g" -e "s|@CACHE_OPTION@|$cache_option|" \
    -e "s|@JVM_OPTIONS@|$jvm_options -Xlog:disable -Xlog:all=off|" \
    "$basedir/src/packaging/wgtui.sh" >"$tree/bin/wgtui"
chmod 0755 "$tree/bin/wgtui"

install -D -m 0644 "$basedir/man/wgtui.1" "$tree/share/man/man1/wgtui.1"
install -D -m 0644 "$basedir/completions/wgtui.bash" "$tree/share/bash-completion/completions/wgtui"
install -D -m 0644 "$basedir/completions/_wgtui" "$tree/share/zsh/site-functions/_wgtui"
install -D -m 0644 "$basedir/completions/wgtui.fish" "$tree/share/fish/vendor_completions.d/wgtui.fish"

# ---------------------------------------------------------------- the start-up cache

hub_pid=''
hub_in=''
stop_hub() {
    if [[ -n $hub_in ]]; then
        exec {hub_in}>&-
        hub_in=''
    fi
    if [[ -n $hub_pid ]]; then
        timeout 20 tail --pid="$hub_pid" -f /dev/null 2>/dev/null || kill -9 "$hub_pid" 2>/dev/null || true
        wait "$hub_pid" 2>/dev/null || true
        hub_pid=''
    fi
}
trap stop_hub EXIT

mkfifo "$work/hub.in"
"$build_java" -cp "$test_cp" dev.wgtui.release.TrainingHub "$work/hub" <"$work/hub.in" >"$work/hub.log" 2>&1 &
hub_pid=$!
exec {hub_in}>"$work/hub.in"
for _ in $(seq 300); do
    grep -q '^ready$' "$work/hub.log" 2>/dev/null && break
    kill -0 "$hub_pid" 2>/dev/null || { cat "$work/hub.log" >&2; die "the training hub did not start"; }
    sleep 0.1
done
grep -q '^ready$' "$work/hub.log" || { cat "$work/hub.log" >&2; die "the training hub did not start within 30 s"; }

if [[ -z $cache ]]; then
    log "no trained start-up cache before JDK 25 (the runtime's own class-data archive is used)"
else
log "training the start-up cache ($cache)"
mkdir -p "$work/home"
# A home of its own: no ~/.ssh/config or known_hosts of the build user's in the way.
# shellcheck disable=SC2086 # option lists
if ! env -u JAVA_TOOL_OPTIONS -u JDK_JAVA_OPTIONS -u _JAVA_OPTIONS -u SSH_AUTH_SOCK \
    HOME="$work/home" XDG_STATE_HOME="$work/home/state" XDG_CONFIG_HOME="$work/home/config" \
    timeout 300 "$tree/lib/runtime/bin/java" $jvm_options "$record_option" \
    -cp "$tree/lib/app/wgtui.jar" dev.wgtui.StartupTraining "$work" \
    --ssh "$work/hub/inventory.yml" "$work/hub/known_hosts" >"$work/training.log" 2>&1; then
    grep -v 'Skipping\|cds,heap\|aot,heap' "$work/training.log" | tail -n 40 >&2
    die "training failed (log: $work/training.log)"
fi
stop_hub
[[ -s $tree/lib/$cache ]] || { tail -n 40 "$work/training.log" >&2; die "no $cache was written"; }
fi

# The cache must be usable from the tree as shipped: refuse to release one the JVM would ignore.
# shellcheck disable=SC2086
if ! out=$(env -u JAVA_HOME WGTUI_JAVA_OPTS="$check_option" "$tree/bin/wgtui" --demo status 2>&1); then
    printf '%s\n' "$out" >&2
    WGTUI_JAVA_OPTS="$check_option -Xlog:aot,cds,class+path=info" "$tree/bin/wgtui" --version >&2 || true
    die "the release does not start from its cache"
fi
rm -rf "$work"

# ---------------------------------------------------------------- archive and .deb

tar --owner=0 --group=0 --numeric-owner -C "$target" -czf "$target/$name.tar.gz" "$name"
log "$(du -h "$target/$name.tar.gz" | cut -f1) $target/$name.tar.gz ($(du -sh "$tree" | cut -f1) unpacked)"

if [[ $deb == no ]]; then
    log "no .deb (-Drelease.deb=no)"
elif ! command -v dpkg-deb >/dev/null 2>&1; then
    [[ $deb == auto ]] || die "dpkg-deb is needed for the .deb"
    log "no .deb: dpkg-deb is not installed"
else
    debarch=$(dpkg --print-architecture)
    debversion=${version/-/"~"}-1
    pkg=$target/deb-root
    rm -rf "$pkg"
    mkdir -p "$pkg/DEBIAN" "$pkg/usr/lib/wgtui" "$pkg/usr/bin"
    cp -a "$tree/bin" "$tree/lib" "$pkg/usr/lib/wgtui/"
    ln -s ../lib/wgtui/bin/wgtui "$pkg/usr/bin/wgtui"
    install -D -m 0644 "$tree/share/man/man1/wgtui.1" "$pkg/usr/share/man/man1/wgtui.1"
    gzip -9n "$pkg/usr/share/man/man1/wgtui.1"
    install -D -m 0644 "$tree/share/bash-completion/completions/wgtui" "$pkg/usr/share/bash-completion/completions/wgtui"
    # Debian's zsh reads vendor completions from here; fish from vendor_completions.d.
    install -D -m 0644 "$tree/share/zsh/site-functions/_wgtui" "$pkg/usr/share/zsh/vendor-completions/_wgtui"
    install -D -m 0644 "$tree/share/fish/vendor_completions.d/wgtui.fish" "$pkg/usr/share/fish/vendor_completions.d/wgtui.fish"
    cat >"$pkg/DEBIAN/control" <<CONTROL
Package: wgtui
Version: $debversion
Architecture: $debarch
Maintainer: wgtui developers <wgtui@localhost>
Installed-Size: $(du -sk "$pkg/usr" | cut -f1)
Depends: libc6
Section: admin
Priority: optional
Description: terminal console for the WireGuard hub of a cluster
 Lists every peer of the hub against the Ansible inventory, previews the merged
 wg0.conf as a diff, and applies, validates or restores it over SSH without
 dropping the peers that were not part of the run. Ships its own Java runtime.
CONTROL
    # gzip: a few MB larger than xz, and a minute less on a 2-core build machine
    dpkg-deb --root-owner-group -Zgzip --build "$pkg" "$target/wgtui_${debversion}_$debarch.deb" >/dev/null
    rm -rf "$pkg"
    log "$(du -h "$target/wgtui_${debversion}_$debarch.deb" | cut -f1) $target/wgtui_${debversion}_$debarch.deb"
fi
log "done in $((SECONDS - started)) s"
