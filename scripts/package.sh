#!/usr/bin/env bash
# Builds the Release binary and the Debian package build/release/concurrency-lab_VERSION_ARCH.deb
# (install it with `sudo apt-get install ./build/release/concurrency-lab_*.deb`), after checking
# the .desktop file and the AppStream metainfo it installs.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh --package
desktop-file-validate resources/concurrency-lab.desktop
appstreamcli validate --no-net resources/io.github.concurrencylab.ConcurrencyLab.metainfo.xml
cmake --preset release >/dev/null
cmake --build --preset release
(cd build/release && cpack -G DEB)
ls build/release/concurrency-lab_*.deb
