#!/usr/bin/env bash
# Installs what is missing, builds with AddressSanitizer + UBSan (warnings are errors) and runs the
# whole test suite, checks the format and clang-tidy's findings in core/ (scripts/lint.sh),
# fuzzes each parser for a minute (clang, libFuzzer, ASan + UBSan), then runs the engine's tests
# under ThreadSanitizer (a third build; CL_TSAN=0 skips it, CL_FUZZ_SECONDS=N shortens fuzzing).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh --tests
cmake --preset ci >/dev/null
cmake --build --preset ci
ctest --preset ci -j2
scripts/lint.sh
scripts/fuzz.sh "${CL_FUZZ_SECONDS:-60}"
if [ "${CL_TSAN:-1}" = 1 ]; then
    cmake --preset tsan >/dev/null
    cmake --build --preset tsan
    ctest --preset tsan -j2
fi
