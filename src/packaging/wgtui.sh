#!/bin/sh
# wgtui, as installed from a release: runs wgtui on the Java runtime shipped beside it
# (lib/runtime), from its start-up cache when it has one (lib/@CACHE@). No Java needs to be installed.
# WGTUI_JAVA_OPTS adds options for the JVM; JAVA_TOOL_OPTIONS and the like meant for other
# Java programs are left out, as is any java on PATH.
# Where this file really is (/usr/bin/wgtui is a link into /usr/lib/wgtui/bin).
self=$(readlink -f -- "$0" 2>/dev/null) || self=$0
home=$(cd -- "${self%/*}/.." && pwd -P) || exit 1
unset JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS _JAVA_OPTIONS
# shellcheck disable=SC2086 # WGTUI_JAVA_OPTS is a list of words
exec "$home/lib/runtime/bin/java" @CACHE_OPTION@ @JVM_OPTIONS@ ${WGTUI_JAVA_OPTS:-} \
    -cp "$home/lib/app/wgtui.jar" dev.wgtui.Main "$@"
