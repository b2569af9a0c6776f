#!/usr/bin/env bash
# Installs the Debian 12 packages Concurrency Lab needs, only those that are missing.
set -euo pipefail
packages=(build-essential cmake ninja-build qt6-base-dev libqt6opengl6-dev qt6-charts-dev
          qt6-tools-dev qt6-l10n-tools qt6-translations-l10n qt6-svg-dev libcurl4-openssl-dev catch2 xvfb xauth
          python3 python3-requests python3-aiohttp)
# The tests also fuzz the parsers with clang's libFuzzer and check format and tidy: `scripts/deps.sh --tests`.
[ "${1:-}" = "--tests" ] && packages+=(clang-14 libclang-rt-14-dev libfuzzer-14-dev clang-format clang-tidy desktop-file-utils appstream)
# The .deb (scripts/package.sh): dpkg-shlibdeps finds its dependencies; the two validators check what it installs.
[ "${1:-}" = "--package" ] && packages+=(dpkg-dev file desktop-file-utils appstream)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
