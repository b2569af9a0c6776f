#!/usr/bin/env bash
# The repository's habits, checked: every C++ file formatted as .clang-format says, and no
# clang-tidy finding (.clang-tidy: bugprone, performance, a few modernize) in core/.
# Needs a configured build for the compile commands: BUILD_DIR (default build/ci).
set -euo pipefail
cd "$(dirname "$0")/.."
build="${BUILD_DIR:-build/ci}"
mapfile -t sources < <(git ls-files core ui app tests | grep -E '\.(cpp|h)$')
if ! clang-format --dry-run --Werror "${sources[@]}" 2>/tmp/clang-format.log; then
    grep -E '^[^ ].*warning' /tmp/clang-format.log | cut -d: -f1 | sort -u | sed 's/^/not formatted: /' >&2
    echo "Run: clang-format -i \$(git ls-files core ui app tests | grep -E '\\.(cpp|h)\$')" >&2
    exit 1
fi
echo "clang-format: ${#sources[@]} files as .clang-format says"
mapfile -t core < <(git ls-files core | grep -E '\.cpp$')
status=0
printf '%s\n' "${core[@]}" | xargs -P "$(nproc)" -n 4 clang-tidy -p "$build" --quiet >/tmp/clang-tidy.log 2>/tmp/clang-tidy.err || status=$?
if [ "$status" -ne 0 ] || grep -qE 'warning:|error:' /tmp/clang-tidy.log; then
    grep -E -A3 'warning:|error:' /tmp/clang-tidy.log >&2 || true
    echo "clang-tidy: findings in core/ (see above; exit status $status)" >&2
    exit 1
fi
echo "clang-tidy: no finding in ${#core[@]} files of core/"
