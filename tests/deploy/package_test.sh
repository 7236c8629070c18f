#!/usr/bin/env bash
# The Debian package that `./dev package` builds (CPack, cmake/packaging.cmake): its files are
# where Debian 12 expects them, /etc/kiosk/kiosk.toml is a conffile, the maintainer scripts create
# the users and folders, and Depends names every shared library the programs link, the fonts and
# what SDL's KMS/DRM driver opens at run time. The packaged kiosk accepts the packaged kiosk.toml.
# Installing it into a booted Debian 12 root is tests/deploy/image_test.sh (KIOSK_IMAGE_TESTS=1).
# Usage: package_test.sh SOURCE_DIR BUILD_DIR SCRATCH_DIR. Takes a few seconds.
set -euo pipefail
src=$(cd "$1" && pwd) build=$(cd "$2" && pwd) scratch=$3
failures=0 checks=0
pass() { checks=$((checks + 1)); printf 'ok   %s\n' "$*"; }
fail() { checks=$((checks + 1)); failures=$((failures + 1)); printf 'FAIL %s\n' "$*"; }

rm -rf "$scratch"
mkdir -p "$scratch"
scratch=$(cd "$scratch" && pwd)
if ! (cd "$build" && cpack -G DEB -B "$scratch" >"$scratch/cpack.log" 2>&1); then
    cat "$scratch/cpack.log"
    echo "0 passed, 1 failed"
    exit 1
fi
deb=$(ls "$scratch"/kiosk_*.deb)
pass "cpack built $(basename "$deb")"

# --- Files --------------------------------------------------------------------------------------
dpkg-deb -c "$deb" | awk '{ print $1, $NF }' | sed 's| \./| /|' >"$scratch/files"
expect_file() {
    local mode=$1 path=$2
    if grep -q "^$mode $path\$" "$scratch/files"; then
        pass "$path ($mode)"
    else
        fail "$path with mode $mode is not in the package; it has:"
        grep "$(dirname "$path")" "$scratch/files" | sed 's/^/       /' || true
    fi
}
for program in kiosk kiosk-syncd kiosk-publish kiosk-speak; do
    expect_file -rwxr-xr-x "/usr/bin/$program"
done
for unit in kiosk.service kiosk-syncd.service kiosk-usb-import@.service kiosk-provision.service; do
    expect_file -rw-r--r-- "/lib/systemd/system/$unit"
done
expect_file -rw-r--r-- /usr/lib/sysusers.d/kiosk.conf
expect_file -rw-r--r-- /usr/lib/tmpfiles.d/kiosk.conf
expect_file -rw-r--r-- /usr/lib/udev/rules.d/99-kiosk-usb.rules
expect_file -rwxr-xr-x /usr/libexec/kiosk/kiosk-provision
expect_file -rw-r----- /etc/kiosk/kiosk.toml
expect_file -rw-r--r-- /usr/share/doc/kiosk/kiosk.toml.example
expect_file -rw-r--r-- /usr/share/doc/kiosk/README.md

# --- Control files ------------------------------------------------------------------------------
mkdir -p "$scratch/control" "$scratch/root"
dpkg-deb -e "$deb" "$scratch/control"
dpkg-deb -x "$deb" "$scratch/root"
if grep -qx /etc/kiosk/kiosk.toml "$scratch/control/conffiles" 2>/dev/null; then
    pass "/etc/kiosk/kiosk.toml is a conffile"
else
    fail "/etc/kiosk/kiosk.toml is not listed in conffiles"
fi
for step in "systemd-sysusers /usr/lib/sysusers.d/kiosk.conf" \
    "systemd-tmpfiles --create /usr/lib/tmpfiles.d/kiosk.conf" "systemctl daemon-reload"; do
    grep -qF "$step" "$scratch/control/postinst" && pass "postinst runs $step" ||
        fail "postinst does not run $step"
done
for script in postinst prerm postrm; do
    if [ -x "$scratch/control/$script" ] && sh -n "$scratch/control/$script"; then
        pass "$script is an executable shell script"
    else
        fail "$script is missing, not executable or not valid sh"
    fi
done

# --- Depends ------------------------------------------------------------------------------------
depends=$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed -e 's/([^)]*)//g' -e 's/|.*//' \
    -e 's/[[:space:]]//g' | grep -v '^$' | sort -u)
needs() {
    if printf '%s\n' "$depends" | grep -qx "$1"; then
        pass "Depends: $1 ($2)"
    else
        fail "Depends lacks $1 ($2)"
    fi
}
for font in fonts-noto-cjk fonts-hanazono fonts-wqy-microhei fonts-noto-color-emoji; do
    needs "$font" "font"
done
for runtime in libegl1 libgles2 libegl-mesa0 libgl1-mesa-dri libgbm1; do
    needs "$runtime" "opened by SDL's KMS/DRM driver"
done
needs systemd "sysusers, tmpfiles, the units"
needs udev "the USB import rule"
# Every library a packaged program links must come from a package in Depends.
owner() {
    local path=$1 candidate result
    for candidate in "$path" "$(readlink -f "$path")" "${path#/usr}" "/usr$path"; do
        result=$(dpkg -S "$candidate" 2>/dev/null) || continue
        printf '%s\n' "$result" | sed -n '1s/:.*//p'
        return 0
    done
    return 1
}
ldcache=$(ldconfig -p)
for program in kiosk kiosk-syncd kiosk-publish kiosk-speak; do
    for lib in $(readelf -d "$scratch/root/usr/bin/$program" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
        path=$(awk -v l="$lib" '$1 == l && /x86-64|x32|AArch64|64bit/ { print $NF; exit }' <<<"$ldcache")
        [ -n "$path" ] || path=$(awk -v l="$lib" '$1 == l { print $NF; exit }' <<<"$ldcache")
        if [ -z "$path" ]; then
            fail "$program links $lib, which is not installed here"
            continue
        fi
        package=$(owner "$path") || { fail "no Debian package owns $path"; continue; }
        needs "$package" "$program links $lib"
    done
done

# --- The packaged kiosk accepts the packaged configuration ----------------------------------------
if output=$("$scratch/root/usr/bin/kiosk" --check-config --config "$scratch/root/etc/kiosk/kiosk.toml" 2>&1); then
    pass "the packaged kiosk accepts the packaged /etc/kiosk/kiosk.toml"
else
    fail "kiosk --check-config rejects the packaged kiosk.toml: $output"
fi
if output=$("$scratch/root/usr/bin/kiosk" --check-config \
    --config "$scratch/root/usr/share/doc/kiosk/kiosk.toml.example" 2>&1); then
    pass "the packaged kiosk accepts the packaged kiosk.toml.example"
else
    fail "kiosk --check-config rejects kiosk.toml.example: $output"
fi

echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
