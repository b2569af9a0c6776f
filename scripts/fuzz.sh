#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each for SECONDS (default 60) from
# its committed corpus. New inputs go to a scratch folder; a crash leaves its input in build/fuzz
# and fails the script.  Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
[ $# -gt 0 ] && shift
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=($(ls tests/fuzz/corpus))
failed=0
for t in "${targets[@]}"; do
    scratch=$(mktemp -d)
    log=build/fuzz/fuzz_$t.log
    rc=0
    (cd build/fuzz && ./tests/fuzz/fuzz_"$t" -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$t-" \
        "$scratch" "../../tests/fuzz/corpus/$t") >"$log" 2>&1 || rc=$?
    runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | awk '{print $2}')
    echo "fuzz_$t: ${seconds} s, ${runs:-?} executions, exit $rc"
    if [ $rc -ne 0 ]; then
        grep -E '^(==[0-9]+==ERROR|SUMMARY|Test unit written|    #[0-9] )' "$log" | head -30
        failed=1
    fi
    rm -rf "$scratch"
done
exit $failed
