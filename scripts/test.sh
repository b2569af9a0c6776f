#!/usr/bin/env bash
# Installs what is missing, builds with AddressSanitizer + UBSan and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake --preset ci >/dev/null
cmake --build --preset ci
ctest --preset ci -j2
