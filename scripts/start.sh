#!/usr/bin/env bash
# Installs what is missing, builds the Release binary and starts Concurrency Lab.
# Arguments are passed to the app, e.g. `scripts/start.sh run cpu`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
exec build/release/app/concurrency-lab "$@"
