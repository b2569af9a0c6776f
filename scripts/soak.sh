#!/usr/bin/env bash
# A soak test of the window: under a real X server (xvfb-run), the Live CPU page shown, "Run all
# of the lesson" (Ctrl+F5) pressed again whenever the previous batch has ended, for MINUTES
# (default 30). Every 30 s it prints the app's resident memory, open descriptors and live child
# processes; at the end, the growth after warm-up (the first 5 minutes) and what was left behind.
#   Usage: scripts/soak.sh [MINUTES] [BINARY]     (needs xvfb, xdotool)
set -euo pipefail
if [ "${1:-}" = "--inside-x" ]; then
    inside_x=1
    shift
fi
minutes=${1:-30}
app=${2:-build/release/app/concurrency-lab}
[ -x "$app" ] || { echo "no $app: build it first (cmake --preset release && cmake --build --preset release)" >&2; exit 2; }
command -v xdotool >/dev/null || { echo "needs xdotool (apt-get install xdotool)" >&2; exit 2; }

inner() {
    local app=$1 minutes=$2
    XDG_CONFIG_HOME=$(mktemp -d) "$app" --lang en &
    local pid=$! start=$SECONDS
    sleep 4
    local wid
    wid=$(xdotool search --pid "$pid" --onlyvisible --name 'Concurrency Lab' | head -1)
    xdotool windowsize "$wid" 1366 740 windowfocus "$wid"
    printf '%6s %9s %5s %8s %8s\n' seconds rss_kib fds children batches
    local batches=0 baseline=
    while [ $((SECONDS - start)) -lt $((minutes * 60)) ]; do
        # A batch is over when the app has no worker threads or child processes at work: press again.
        if [ -z "$(pgrep -P "$pid")" ] && ! ls /proc/"$pid"/task | xargs -I{} cat /proc/"$pid"/task/{}/comm 2>/dev/null | grep -q '^runner$'; then
            xdotool windowfocus "$wid" key ctrl+F5
            batches=$((batches + 1))
        fi
        sleep 30
        local rss fds kids
        rss=$(awk '/^VmRSS/ {print $2}' /proc/"$pid"/status)
        fds=$(ls /proc/"$pid"/fd | wc -l)
        kids=$(pgrep -P "$pid" | wc -l || true)
        printf '%6d %9d %5d %8d %8d\n' $((SECONDS - start)) "$rss" "$fds" "$kids" "$batches"
        [ -z "$baseline" ] && [ $((SECONDS - start)) -ge 300 ] && baseline=$rss
    done
    xdotool key Escape
    sleep 3
    local rss fds
    rss=$(awk '/^VmRSS/ {print $2}' /proc/"$pid"/status)
    fds=$(ls /proc/"$pid"/fd | wc -l)
    echo "after warm-up: RSS ${baseline:-?} -> $rss KiB (growth $(( rss - ${baseline:-$rss} )) KiB); fds $fds; children left $(pgrep -P "$pid" | wc -l || true); batches $batches"
    kill "$pid"
    wait "$pid" 2>/dev/null || true
}
if [ -n "${inside_x:-}" ]; then
    inner "$app" "$minutes"
else
    exec xvfb-run -a -s '-screen 0 1366x768x24' "$0" --inside-x "$minutes" "$app"
fi
