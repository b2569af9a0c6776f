#!/usr/bin/env bash
# The repository's habits, checked: every C++ file formatted as .clang-format says, and no
# clang-tidy finding (.clang-tidy: bugprone, performance, a few modernize) in core/.
# Needs a configured build for the compile commands: BUILD_DIR (default build/ci).
set -euo pipefail
cd "$(dirname "$0")/.."
build="${BUILD_DIR:-build/ci}"
# find, not git: a fresh machine's checkout may come without git
mapfile -t sources < <(find core ui app tests -name '*.cpp' -o -name '*.h' | sort)
if ! clang-format --dry-run --Werror "${sources[@]}" 2>/tmp/clang-format.log; then
    grep -E '^[^ ].*(warning|error)' /tmp/clang-format.log | cut -d: -f1 | sort -u | sed 's/^/not formatted: /' >&2
    echo "Run: clang-format -i \$(find core ui app tests -name '*.cpp' -o -name '*.h')" >&2
    exit 1
fi
echo "clang-format: ${#sources[@]} files as .clang-format says"
mapfile -t core < <(find core -name '*.cpp' | sort)
[ ${#sources[@]} -gt 0 ] && [ ${#core[@]} -gt 0 ] || { echo "lint: no sources found" >&2; exit 1; }
status=0
printf '%s\n' "${core[@]}" | xargs -P "$(nproc)" -n 4 clang-tidy -p "$build" --quiet >/tmp/clang-tidy.log 2>/tmp/clang-tidy.err || status=$?
if [ "$status" -ne 0 ] || grep -qE 'warning:|error:' /tmp/clang-tidy.log; then
    grep -E -A3 'warning:|error:' /tmp/clang-tidy.log >&2 || tail -5 /tmp/clang-tidy.err >&2
    echo "clang-tidy: findings in core/ (see above; exit status $status)" >&2
    exit 1
fi
echo "clang-tidy: no finding in ${#core[@]} files of core/"
desktop-file-validate resources/concurrency-lab.desktop
appstreamcli validate --no-net resources/io.github.concurrencylab.ConcurrencyLab.metainfo.xml >/dev/null
echo "desktop-file-validate, appstreamcli: the .desktop file and the metainfo are valid"
