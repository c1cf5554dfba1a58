#!/usr/bin/env bash
# The README's demo: compiles the offline build (Maven Central only) and runs the key renewal demo against the
# local IoT Hub emulator. Extra arguments go to Maven, e.g. ./demo.sh -Doffline.buildRoot=/tmp/demo-build
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
exec mvn -B -q -Dstyle.color=never -f offline/pom.xml -Pdemo process-test-classes "$@"
