#!/usr/bin/env bash
# kiosk-syncd's technician commands: `kiosk-syncd --check-config` accepts the annotated example and
# explains what the unprovisioned default lacks; `kiosk-syncd status` says there is no content
# yet, then, after a `--once` sync of the sample from a file:// channel, shows the applied
# version, the last result, the notices per category and the quarantined count.
# Usage: syncd_commands_test.sh SOURCE_DIR BIN_DIR SCRATCH_DIR. Takes a few seconds.
set -euo pipefail
src=$(cd "$1" && pwd) bin=$(cd "$2" && pwd) scratch=$3
failures=0 checks=0
pass() { checks=$((checks + 1)); printf 'ok   %s\n' "$*"; }
fail() { checks=$((checks + 1)); failures=$((failures + 1)); printf 'FAIL %s\n' "$*"; }
# expect CODE DESCRIPTION PATTERN... -- COMMAND...: exit code and every pattern in the output.
expect() {
    local code=$1 what=$2 patterns=() output rc=0
    shift 2
    while [ "$1" != -- ]; do patterns+=("$1"); shift; done
    shift
    output=$("$@" 2>&1) || rc=$?
    local missing=""
    for p in "${patterns[@]}"; do
        printf '%s\n' "$output" | grep -qE -- "$p" || missing="$missing [$p]"
    done
    if [ "$rc" = "$code" ] && [ -z "$missing" ]; then
        pass "$what"
    else
        fail "$what: exit $rc (expected $code), missing:$missing"
        printf '%s\n' "$output" | sed 's/^/       /'
    fi
}

rm -rf "$scratch"
mkdir -p "$scratch"
scratch=$(cd "$scratch" && pwd)
"$bin/kiosk-publish" keygen --secret "$scratch/k.key" --public "$scratch/k.pub" >/dev/null
"$bin/kiosk-publish" build "$src/content/sample" --key "$scratch/k.key" --out "$scratch/channel" \
    >/dev/null

expect 0 "--check-config accepts systemd/kiosk.toml.example" \
    'configuration is valid: board guihuali-hall' 'source: file:///srv/kiosk-channel' -- \
    "$bin/kiosk-syncd" --check-config --config "$src/systemd/kiosk.toml.example"
expect 1 "--check-config says what the unprovisioned default lacks" \
    'no channel source' 'no trusted key' 'would not start' -- \
    "$bin/kiosk-syncd" --check-config --config "$src/systemd/kiosk.toml.default"
printf '[sync]\nsource = ["https://x/"]\n' >"$scratch/bad.toml"
expect 1 "--check-config names a misspelt key" 'bad.toml:2: sync.source: unknown key' -- \
    "$bin/kiosk-syncd" --check-config --config "$scratch/bad.toml"

expect 1 "status before any sync says there is no content yet" 'no content yet' -- \
    "$bin/kiosk-syncd" status --data "$scratch/data" --config "$src/systemd/kiosk.toml.example"
expect 0 "kiosk-syncd --once applies the sample from file://" '' -- \
    "$bin/kiosk-syncd" --once --data "$scratch/data" --source "file://$scratch/channel" \
    --trust "$scratch/k.pub" --board guihuali-hall
expect 0 "status after the sync" \
    '^board: +guihuali-hall' 'applied: +version 1 of channel' "last attempt: .* from file://$scratch/channel" \
    '^last result: +applied' '^last success: +[0-9]{4}-' \
    '^notices: +[0-9]+ stored, [0-9]+ shown now \(党务 [0-9]+, 政务 [0-9]+, 事务 [0-9]+, 财务 [0-9]+, 服务 [0-9]+, 公告 [0-9]+\)' \
    '^quarantined: +[0-9]+' -- \
    "$bin/kiosk-syncd" status --data "$scratch/data" --config "$src/systemd/kiosk.toml.example"
# Run as root, status must read as the database's owner and never leave root-owned SQLite files.
if [ "$(id -u)" -eq 0 ]; then
    chown -R nobody:nogroup "$scratch/data"
    rm -f "$scratch/data/content.db-wal" "$scratch/data/content.db-shm"
    expect 0 "status as root reads as the database's owner" '^last result: +applied' -- \
        "$bin/kiosk-syncd" status --data "$scratch/data" --config "$src/systemd/kiosk.toml.example"
    root_owned=$(find "$scratch/data" -user root | tr '\n' ' ')
    [ -z "$root_owned" ] && pass "no file in the data folder became root's" ||
        fail "status as root left root-owned files: $root_owned"
fi
expect 2 "status with an unknown option is a usage error" 'usage: kiosk-syncd status' -- \
    "$bin/kiosk-syncd" status --verbose

echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
