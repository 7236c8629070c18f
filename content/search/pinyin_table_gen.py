#!/usr/bin/env python3
# Build-time generator: Unihan readings -> the compact pinyin table compiled into content_core.
"""Writes a C++ source holding every Han character's toneless pinyin readings.

Usage: pinyin_table_gen.py UNIHAN_READINGS OUTPUT.cpp

UNIHAN_READINGS is Unihan_Readings.txt, plain or .bz2 (Debian's unicode-data ships
/usr/share/unicode/Unihan_Readings.txt.bz2), or a Unihan.zip holding it.

Which readings a character gets, and why:
- kMandarin is the most common reading and always comes first.
- kHanyuPinlu, kXHC1983 (Xiandai Hanyu Cidian) and kTGHZ2013 (the 2013 standard list) give the
  other modern readings of polyphones (行 xing/hang, 长 chang/zhang, 重 zhong/chong, 乐 le/yue).
- kHanyuPinyin (Hanyu Da Zidian) is used only for characters none of those three cover: for
  common characters it adds classical readings (行 heng, 重 tong) that would make searches noisy.
Tones are dropped; ü is written v (lv, nve) as pinyin keyboards do, and also u (lu, nue), since
many people type that.
"""

import bz2
import io
import re
import sys
import unicodedata
import zipfile

MODERN_FIELDS = ("kHanyuPinlu", "kXHC1983", "kTGHZ2013")
ALL_FIELDS = ("kMandarin", "kHanyuPinyin") + MODERN_FIELDS


def open_readings(path):
    if path.endswith(".zip"):
        archive = zipfile.ZipFile(path)
        return io.TextIOWrapper(archive.open("Unihan_Readings.txt"), encoding="utf-8")
    if path.endswith(".bz2"):
        return io.TextIOWrapper(bz2.open(path), encoding="utf-8")
    return open(path, encoding="utf-8")


def toneless(reading):
    """'lǘ' -> ['lv', 'lu'], 'xíng' -> ['xing']."""
    decomposed = unicodedata.normalize("NFD", reading.lower())
    plain = ""
    for ch in decomposed:
        if ch == "\u0308":  # diaeresis: ü
            plain = plain[:-1] + "v"
        elif not unicodedata.combining(ch):
            plain += ch
    if not re.fullmatch(r"[a-z]+", plain):
        return []
    return [plain, plain.replace("v", "u")] if "v" in plain else [plain]


def field_readings(field, value):
    if field == "kHanyuPinlu":  # "xíng(2943) háng(218)"
        return re.findall(r"([^\s(]+)\(\d+\)", value)
    if field in ("kHanyuPinyin", "kXHC1983", "kTGHZ2013"):  # "0442.080:háng 0443.050:hàng"
        out = []
        for item in value.split():
            out.extend(item.split(":", 1)[1].split(","))
        return out
    return value.split()  # kMandarin: "xíng"


def load(path):
    fields = {}  # code point -> {field: [readings]}
    with open_readings(path) as source:
        for line in source:
            if not line.startswith("U+"):
                continue
            code, field, value = line.rstrip("\n").split("\t", 2)
            if field in ALL_FIELDS:
                cp = int(code[2:], 16)
                fields.setdefault(cp, {})[field] = field_readings(field, value)
    return fields


def readings_of(by_field):
    chosen = list(by_field.get("kMandarin", []))
    modern = [r for f in MODERN_FIELDS for r in by_field.get(f, [])]
    chosen += modern if modern else by_field.get("kHanyuPinyin", [])
    out = []
    for reading in chosen:
        for syllable in toneless(reading):
            if syllable not in out:
                out.append(syllable)
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: pinyin_table_gen.py UNIHAN_READINGS OUTPUT.cpp")
    table = {cp: readings_of(f) for cp, f in load(sys.argv[1]).items()}
    table = {cp: r for cp, r in table.items() if r}
    syllables = sorted({s for r in table.values() for s in r})
    if len(syllables) >= 1024 or not table:
        sys.exit("unexpected Unihan data: %d syllables, %d characters" % (len(syllables), len(table)))
    index = {s: i for i, s in enumerate(syllables)}
    entries = [(cp << 10) | index[s] for cp in sorted(table) for s in table[cp]]

    out = []
    out.append("// Generated at build time by content/search/pinyin_table_gen.py from Unihan; do not edit.")
    out.append('#include "content/search/readings_data.h"')
    out.append("")
    out.append("namespace content::search::pinyin_data {")
    out.append("")
    out.append("const char* const k_syllables[] = {")
    for i in range(0, len(syllables), 12):
        out.append("    " + " ".join('"%s",' % s for s in syllables[i:i + 12]))
    out.append("};")
    out.append("const size_t k_syllable_count = %d;" % len(syllables))
    out.append("")
    out.append("const uint32_t k_entries[] = {")
    for i in range(0, len(entries), 8):
        out.append("    " + " ".join("0x%08x," % e for e in entries[i:i + 8]))
    out.append("};")
    out.append("const size_t k_entry_count = %d;" % len(entries))
    out.append("")
    out.append("}  // namespace content::search::pinyin_data")
    with open(sys.argv[2], "w", encoding="utf-8") as target:
        target.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
