#!/usr/bin/env bash
# Builds a bootable Debian 12 (bookworm) kiosk root file system with mmdebstrap:
#   - a minimal Debian with systemd, udev, a kernel, networkd/resolved/timesyncd and every runtime
#     dependency of the kiosk package (cached under --cache, so rebuilding takes seconds);
#   - the kiosk .deb installed, kiosk-provision/kiosk-syncd/kiosk enabled;
#   - no login prompts (getty@, serial-getty@, autovt@, console-getty masked), no VT switching
#     (logind NAutoVTs=0, ReserveVT=0), Ctrl+Alt+Del masked, kernel.sysrq=0, journald capped;
#   - first-boot provisioning: a kiosk.toml on the boot partition is validated and installed by
#     kiosk-provision.service (--config puts one at /boot/kiosk.toml of the image).
#
# Usage: build-image.sh --deb FILE [--out DIR] [--cache DIR] [--config FILE] [--no-kernel]
#   --deb FILE     the kiosk package (./dev package writes out/package/kiosk_*.deb)
#   --out DIR      where the root goes (default out/image/root); replaced if it exists
#   --cache DIR    where the debootstrapped base roots are kept (default out/image/cache)
#   --config FILE  a kiosk.toml to provision on first boot (copied to /boot/kiosk.toml)
#   --no-kernel    leave out the kernel and initramfs (for containers only; faster)
# Environment: KIOSK_IMAGE_MIRROR (a Debian mirror URL; default: mmdebstrap's own).
#
# Run as root (mmdebstrap's root mode). `./dev image` builds the package and runs this.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root_dir=$(cd "$here/../.." && pwd)
deb="" out="$root_dir/out/image/root" cache="$root_dir/out/image/cache" config="" kernel=1
suite=bookworm
# Bump when the base recipe below changes in a way the package list does not show.
base_revision=1

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'build-image: %s\n' "$*" >&2; exit 2; }

while [ $# -gt 0 ]; do
    case "$1" in
        --deb) deb=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        --cache) cache=$2; shift 2 ;;
        --config) config=$2; shift 2 ;;
        --no-kernel) kernel=0; shift ;;
        -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done
[ -n "$deb" ] && [ -f "$deb" ] || die "--deb FILE is required (./dev package makes one)"
[ "$(id -u)" -eq 0 ] || die "run as root (mmdebstrap, chroot)"
command -v mmdebstrap >/dev/null || die "mmdebstrap is missing (./dev deps installs it)"
if [ -n "$config" ]; then
    [ -f "$config" ] || die "no such file: $config"
fi
deb=$(readlink -f "$deb")
arch=$(dpkg-deb -f "$deb" Architecture)

# --- 1. The base root: Debian minbase + systemd + the package's dependencies (cached) ---------
# The package's own Depends: field is the list of what it needs at run time.
mapfile -t depends < <(dpkg-deb -f "$deb" Depends | tr ',' '\n' |
    sed -e 's/([^)]*)//g' -e 's/|.*//' -e 's/[[:space:]]//g' | grep -v '^$')
base_packages=(
    systemd systemd-sysv dbus udev kmod util-linux
    systemd-resolved systemd-timesyncd
    ca-certificates tzdata
)
if [ "$kernel" = 1 ]; then
    base_packages+=("linux-image-$arch" initramfs-tools)
fi
mapfile -t packages < <(printf '%s\n' "${base_packages[@]}" "${depends[@]}" | sort -u)
key=$(printf '%s\n' "$suite" "$arch" "$base_revision" "${KIOSK_IMAGE_MIRROR:-}" "${packages[@]}" |
    sha256sum | cut -c1-16)
base="$cache/base-$key"
if [ -f "$base/.kiosk-base-complete" ]; then
    log "base root: cached $base"
else
    log "base root: mmdebstrap $suite ($arch, ${#packages[@]} packages; a few minutes)"
    mkdir -p "$cache"
    rm -rf "$base.tmp"
    mirrors=()
    [ -n "${KIOSK_IMAGE_MIRROR:-}" ] && mirrors=("$KIOSK_IMAGE_MIRROR")
    include=$(IFS=,; echo "${packages[*]}")
    # Documentation, man pages and translations are of no use on a board.
    mmdebstrap --variant=minbase --architectures="$arch" --include="$include" \
        --dpkgopt='path-exclude=/usr/share/man/*' \
        --dpkgopt='path-exclude=/usr/share/locale/*' \
        --dpkgopt='path-include=/usr/share/locale/locale.alias' \
        --dpkgopt='path-exclude=/usr/share/doc/*' \
        --dpkgopt='path-include=/usr/share/doc/*/copyright' \
        --dpkgopt='path-include=/usr/share/doc/kiosk/*' \
        "$suite" "$base.tmp" "${mirrors[@]}"
    printf '%s\n' "${packages[@]}" >"$base.tmp/.kiosk-base-complete"
    rm -rf "$base"
    mv "$base.tmp" "$base"
    # Older bases (another package list) are about 1 GB each: keep only this one.
    find "$cache" -mindepth 1 -maxdepth 1 -name 'base-*' ! -name "base-$key" -exec rm -rf {} +
fi

# --- 2. The kiosk root: a copy of the base with the package installed -------------------------
log "root: $out"
rm -rf "$out"
mkdir -p "$(dirname "$out")"
cp -a --reflink=auto "$base" "$out"
rm -f "$out/.kiosk-base-complete"

cp "$deb" "$out/tmp/kiosk.deb"
mount -t proc proc "$out/proc"
trap 'umount "$out/proc" 2>/dev/null || true' EXIT
chroot "$out" dpkg -i /tmp/kiosk.deb
umount "$out/proc"
trap - EXIT
rm -f "$out/tmp/kiosk.deb"

# --- 3. Kiosk settings -------------------------------------------------------------------------
cp -a "$here/rootfs/." "$out/"
ln -sf /usr/share/zoneinfo/Asia/Shanghai "$out/etc/localtime"
echo "Asia/Shanghai" >"$out/etc/timezone"
printf '127.0.0.1\tlocalhost\n127.0.1.1\tkiosk\n::1\tlocalhost ip6-localhost ip6-loopback\n' \
    >"$out/etc/hosts"

systemctl --root="$out" enable \
    kiosk-provision.service kiosk-syncd.service kiosk.service \
    systemd-networkd.service systemd-resolved.service systemd-timesyncd.service
# Nobody logs in on a kiosk: no gettys on any terminal, no VT to switch to, no Ctrl+Alt+Del.
systemctl --root="$out" mask \
    getty@.service serial-getty@.service autovt@.service console-getty.service \
    container-getty@.service ctrl-alt-del.target debug-shell.service
systemctl --root="$out" set-default multi-user.target
# resolved's stub resolver for DHCP-provided name servers.
ln -sf ../run/systemd/resolve/stub-resolv.conf "$out/etc/resolv.conf"

# A fresh machine id on first boot (ConditionFirstBoot), no root password: the board has no
# login at all. apt's package lists are not needed on the board.
: >"$out/etc/machine-id"
rm -f "$out/var/lib/dbus/machine-id"
rm -rf "$out/var/lib/apt/lists/"* "$out/var/cache/apt/"*.bin
usermod --root "$out" --lock root >/dev/null 2>&1 || true

if [ -n "$config" ]; then
    mkdir -p "$out/boot"
    install -m 0644 "$config" "$out/boot/kiosk.toml"
    log "first boot will provision $(basename "$config") from /boot/kiosk.toml"
fi

log "done: $out ($(du -sh "$out" | cut -f1)); boot it with:"
log "  systemd-nspawn -D $out --register=no --keep-unit --private-network --boot"
