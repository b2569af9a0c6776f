#!/usr/bin/env bash
# The app's own CPU while it sits idle with the Live CPU graphs running: under a real X server
# (xvfb-run) at 1920×1050, the screen captured once (an expose, as a menu or another window would
# cause), then after SETTLE seconds (default 60) the app's utime + stime from /proc/PID/stat over
# 60 s, per thread, beside `top -d 1` in the same minute.
#   Usage: scripts/measure-idle.sh [BINARY]     (needs xvfb, xdotool, imagemagick)
set -euo pipefail
if [ "${1:-}" = "--inside-x" ]; then
    inside_x=1
    shift
fi
app=${1:-build/release/app/concurrency-lab}
[ -x "$app" ] || { echo "no $app: build it first (cmake --preset release && cmake --build --preset release)" >&2; exit 2; }
for tool in xdotool import; do
    command -v $tool >/dev/null || { echo "needs xdotool and imagemagick (apt-get install xdotool imagemagick)" >&2; exit 2; }
done

ticks_of_threads() {
    for t in /proc/"$1"/task/*; do
        echo "$(basename "$t") $(sed 's/.*) //' "$t"/stat | awk '{print $12 + $13}') $(cat "$t"/comm)"
    done | sort
}

inner() {
    local app=$1 work
    work=$(mktemp -d)
    XDG_CONFIG_HOME=$work "$app" --lang en >"$work/app.log" 2>&1 &
    local pid=$!
    sleep 6
    xdotool windowsize "$(xdotool search --pid "$pid" --onlyvisible --name 'Concurrency Lab' | head -1)" 1920 1050
    sleep 2
    import -window root "$work/expose.png"
    sleep "${SETTLE:-60}"
    local hz before after
    hz=$(getconf CLK_TCK)
    top -b -d 1 -n 61 -p "$pid" >"$work/top.txt" &
    local top=$!
    before=$(awk '{print $14 + $15}' /proc/"$pid"/stat)
    ticks_of_threads "$pid" >"$work/a.txt"
    sleep 60
    after=$(awk '{print $14 + $15}' /proc/"$pid"/stat)
    ticks_of_threads "$pid" >"$work/b.txt"
    wait "$top"
    awk -v t=$((after - before)) -v hz="$hz" 'BEGIN {printf "the app: %d ticks in 60 s = %.2f %% of a core\n", t, 100 * t / hz / 60}'
    join "$work/a.txt" "$work/b.txt" | awk -v hz="$hz" '$4 > $2 {printf "  %-16s %.2f %%\n", $3, 100 * ($4 - $2) / hz / 60}'
    awk -v p="$pid" '$1 == p {n++; s += $9; if ($9 > m) m = $9} END {printf "top -d 1: mean %.2f %%, max %.1f %% over %d readings\n", s / n, m, n}' "$work/top.txt"
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    rm -rf "$work"
}
if [ -n "${inside_x:-}" ]; then
    inner "$app"
else
    exec xvfb-run -a -s '-screen 0 1920x1080x24' "$0" --inside-x "$app"
fi
