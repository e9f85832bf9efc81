#!/usr/bin/env bash
# Compiles the JUnit 5 example with javac against Debian's junit5 jars (no Maven Central) and runs it with the
# JUnit console launcher. USAGE_SANDBOX names the binary (default: the release artefact, then the debug build).
#
#   apt-get install junit5 && examples/java/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
jars=/usr/share/java
classes="$(mktemp -d)"
trap 'rm -rf "$classes"' EXIT
javac -d "$classes" -cp "$jars/junit-jupiter-api.jar:$jars/apiguardian-api.jar:$jars/opentest4j.jar" \
    examples/java/src/*.java
java -jar "$jars/junit-platform-console-standalone.jar" --disable-banner --details=tree \
    --class-path "$classes" --select-class SandboxTest --fail-if-no-tests
