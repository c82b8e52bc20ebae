#!/usr/bin/env bash
# Writes build-support/startup.order: the functions bedside runs from exec to
# its first screen (then, in a second tier, while opening a search result),
# found with valgrind's callgrind in a tmux pane. `make release` hands the file
# to lld (--symbol-ordering-file), which puts those functions next to each
# other at the start of the 18 MB of code: the kernel then maps a few compact
# pages at start-up instead of pages all over the binary, which is most of
# bedside's memory (see `make bench`, peak RSS).
#
# Regenerate it after large code changes with `make startup-order`. A stale
# file is harmless: names that no longer exist are ignored, and new start-up
# code is simply not grouped.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/release/bedside}
out=build-support/startup.order
work=$(mktemp -d)
socket="$work/tmux.sock"
trap 'tmux -S "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

# valgrind 3.19 cannot read the toolchain's DWARF 5; the symbol table is enough.
strip --strip-debug -o "$work/bedside" "$bin"
page=$(ls Content/topics/*/pain-management.md | head -1)

# Runs one session under callgrind: $1 = name, $2 = arguments, $3 = text that
# shows the first screen is up, $4 = keys to send after it (may be empty).
profile() {
    local name=$1 args=$2 ready=$3 keys=$4
    tmux -S "$socket" new-session -d -x 80 -y 24 \
        "env LANG=C.UTF-8 TERM=xterm-256color valgrind --tool=callgrind --demangle=no --compress-strings=no \
         --callgrind-out-file=$work/$name.out $work/bedside $args 2>$work/$name.log"
    for _ in $(seq 300); do
        tmux -S "$socket" capture-pane -p 2>/dev/null | grep -q "$ready" && break
        sleep 0.2
    done
    sleep 2 # the browser parses topics and flows after its first frame
    if [ -n "$keys" ]; then
        tmux -S "$socket" send-keys -l "$keys"
        tmux -S "$socket" send-keys Enter
        sleep 3
    fi
    tmux -S "$socket" send-keys q
    for _ in $(seq 150); do
        [ -s "$work/$name.out" ] && break
        sleep 0.2
    done
    tmux -S "$socket" kill-server 2>/dev/null || true
    [ -s "$work/$name.out" ] || { echo "startup-order: no profile for '$name' (see $work/$name.log)" >&2; cat "$work/$name.log" >&2; exit 1; }
}

names() { grep -hE '^c?fn=' "$@" | sed -E "s/^c?fn=(\([0-9]+\) )?//; s/'[0-9]+$//" | grep -v '^0x'; }

valgrind --tool=callgrind --demangle=no --compress-strings=no --callgrind-out-file="$work/help.out" \
    "$work/bedside" --help >/dev/null 2>&1
profile view "view $page" "medicine" ""
profile home "run --content Content" "Understanding" ""
profile search "run --content Content" "Understanding" "/bone pain"

{
    names "$work/help.out" "$work/view.out" "$work/home.out"
    names "$work/search.out"
} | awk '!seen[$0]++' > "$out.new"
mv "$out.new" "$out"
echo "startup-order: $(wc -l < "$out") functions in $out"
