#!/bin/sh
# rke2-killall.sh -- STAND-IN for rigger's lab (not Rancher's script).
# Stops the rke2 units and kills what the stand-in runs: the rke2 process itself, and the etcd and
# kube-apiserver it started (found by pidfile under /run/rke2-stand-in and by their executable
# under <data-dir>/data/). The real script kills containerd shims and unmounts kubelet volumes;
# the stand-in has none. Safe to run twice.
[ "$(id -u)" -eq 0 ] || { echo "$(basename "$0") must be run as root" >&2; exit 1; }

DATA_DIR=${RKE2_DATA_DIR:-/var/lib/rancher/rke2}
RUN_DIR=/run/rke2-stand-in

for unit in rke2-server rke2-agent; do
    if systemctl cat "$unit.service" >/dev/null 2>&1; then
        systemctl stop "$unit.service" 2>/dev/null || true
    fi
done

# PIDs to kill: pidfiles, executables under the data dir, and rke2 server/agent processes.
pids=""
for f in "$RUN_DIR"/*.pid; do
    [ -f "$f" ] && pids="$pids $(cat "$f" 2>/dev/null)"
done
data_root=$(readlink -f "$DATA_DIR/data" 2>/dev/null || echo "$DATA_DIR/data")
for d in /proc/[0-9]*; do
    pid=${d#/proc/}
    exe=$(readlink "$d/exe" 2>/dev/null) || continue
    case "$exe" in
        "$data_root"/*) pids="$pids $pid" ;;
    esac
    # The stand-in rke2 runs as `python3 <prefix>/bin/rke2 server|agent`.
    # Word splitting is wanted here (argv), globbing is not.
    set -f
    # shellcheck disable=SC2046
    set -- $(tr '\0' ' ' <"$d/cmdline" 2>/dev/null)
    set +f
    case "${2:-}:${3:-}" in
        */bin/rke2:server | */bin/rke2:agent) pids="$pids $pid" ;;
    esac
done

alive=""
for pid in $pids; do
    [ "$pid" = "$$" ] && continue
    if kill -TERM "$pid" 2>/dev/null; then alive="$alive $pid"; fi
done
for _ in 1 2 3 4 5 6 7 8 9 10; do
    left=""
    for pid in $alive; do
        if [ -d "/proc/$pid" ] && ! grep -q '^[^)]*) Z' "/proc/$pid/stat" 2>/dev/null; then left="$left $pid"; fi
    done
    alive=$left
    [ -z "$alive" ] && break
    sleep 1
done
for pid in $alive; do kill -KILL "$pid" 2>/dev/null || true; done

rm -rf "$RUN_DIR"
exit 0
