#!/bin/sh
# rke2-uninstall.sh -- STAND-IN for rigger's lab (not Rancher's script).
# Removes the stand-in RKE2 from this host: stops the units, runs rke2-killall.sh, removes the data
# (/var/lib/rancher/rke2), the config (/etc/rancher/rke2, /etc/rancher/node), the binaries, units
# and env files under the prefix it was installed to (found from this script's own location:
# /usr/local or /opt/rke2) and in /etc/systemd/system, then reloads systemd.
set -e
[ "$(id -u)" -eq 0 ] || { echo "$(basename "$0") must be run as root" >&2; exit 1; }

script_dir=$(cd "$(dirname "$0")" && pwd)
prefix=$(dirname "$script_dir")
DATA_DIR=${RKE2_DATA_DIR:-/var/lib/rancher/rke2}

if [ -x "$script_dir/rke2-killall.sh" ]; then
    "$script_dir/rke2-killall.sh"
fi
for unit in rke2-server rke2-agent; do
    systemctl disable "$unit.service" >/dev/null 2>&1 || true
    systemctl reset-failed "$unit.service" >/dev/null 2>&1 || true
done

for dir in "$prefix/lib/systemd/system" /etc/systemd/system /usr/local/lib/systemd/system; do
    for f in rke2-server.service rke2-agent.service rke2-server.env rke2-agent.env; do
        rm -f "$dir/$f"
    done
done
rm -rf "$prefix/share/rke2"
rm -f "$prefix/bin/rke2" "$prefix/bin/rke2-killall.sh"
if [ "$prefix" = /opt/rke2 ]; then
    # Only the Flatcar prefix is ours alone; /usr/local/{bin,lib,share} stay.
    rmdir "$prefix/share" "$prefix/lib/systemd/system" "$prefix/lib/systemd" "$prefix/lib" "$prefix/bin" "$prefix" 2>/dev/null || true
fi

rm -rf "$DATA_DIR" /etc/rancher/rke2 /etc/rancher/node
rmdir /etc/rancher /var/lib/rancher 2>/dev/null || true
rm -rf /run/rke2-stand-in

systemctl daemon-reload
rm -f "$script_dir/rke2-uninstall.sh"
echo "rke2 (stand-in) uninstalled from $prefix"
