#!/usr/bin/env python3
# Build-time generator: Debian's pinyin dictionaries -> the reading tables compiled into kiosk_speech.
"""Writes a C++ source with two sorted tables, "key<TAB>syllables" a line:
- every Han character's default reading, with its tone number (行 -> xing2);
- words whose reading is not simply the default reading of each character (银行 -> yin2 hang2,
  长大 -> zhang3 da4, 音乐 -> yin1 yue4).

Usage: readings_gen.py UNIHAN_READINGS TERRA_DICT LUNA_DICT TRADITIONAL OVERRIDES OUTPUT.cpp

Sources, all from Debian 12 packages:
- Unihan (unicode-data): kHanyuPinlu (readings with their frequency in a corpus), kMandarin (the
  most common reading), kXHC1983 / kTGHZ2013 (the other modern readings of polyphones).
- Terra Pinyin (rime-data-terra-pinyin): ~100,000 words from CC-CEDICT with tone numbers, and
  per-character reading weights (行 xing2 90%, hang2 10%). Written in traditional characters.
- Luna Pinyin (rime-data-luna-pinyin): ~70,000 more words, toneless (音樂 yin yue). A toneless
  syllable picks the character's reading with that syllable (乐: le4 / yue4 -> yue4); when two
  readings share the syllable (为 wei2 / wei4) the word is skipped unless Terra has it.
- traditional.txt (content/safety/rules/unicode/, from Unihan's kSimplifiedVariant): both
  dictionaries are traditional, the boards show simplified text.
Words made only of characters with one reading are dropped: the per-character default already
reads them, and the table stays small. A curated override list (overrides.tsv) is applied at run
time, after these tables, so staff can extend it the same way.
"""

import bz2
import io
import re
import sys
import unicodedata

TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}


def open_text(path):
    if path.endswith(".bz2"):
        return io.TextIOWrapper(bz2.open(path), encoding="utf-8")
    return open(path, encoding="utf-8")


def numbered(reading):
    """'xíng' -> 'xing2', 'lǜ' -> 'lv4', 'de' -> 'de5'."""
    tone = 5
    plain = ""
    for ch in unicodedata.normalize("NFD", reading.lower()):
        if ch in TONE_MARKS:
            tone = TONE_MARKS[ch]
        elif ch == "\u0308":
            plain = plain[:-1] + "v"
        elif not unicodedata.combining(ch):
            plain += ch
    if not re.fullmatch(r"[a-z]+", plain):
        return None
    return plain + str(tone)


def load_unihan(path):
    readings = {}  # char -> [(syllable, weight)]
    with open_text(path) as source:
        for line in source:
            if not line.startswith("U+"):
                continue
            code, field, value = line.rstrip("\n").split("\t", 2)
            ch = chr(int(code[2:], 16))
            entry = readings.setdefault(ch, {})
            if field == "kHanyuPinlu":
                for r, n in re.findall(r"([^\s(]+)\((\d+)\)", value):
                    s = numbered(r)
                    if s:
                        entry[s] = max(entry.get(s, 0), 1000 + int(n))
            elif field == "kMandarin":
                for i, r in enumerate(value.split()):
                    s = numbered(r)
                    if s:
                        entry[s] = max(entry.get(s, 0), 500 - i)
            elif field in ("kXHC1983", "kTGHZ2013"):
                for item in value.split():
                    for r in item.split(":", 1)[1].split(","):
                        s = numbered(r)
                        if s:
                            entry.setdefault(s, 1)
    return readings


def load_traditional(path):
    table = {}
    with open(path, encoding="utf-8") as source:
        for line in source:
            if line.startswith("#") or not line.strip():
                continue
            parts = line.split()
            if len(parts) >= 2 and len(parts[0]) == 1 and len(parts[1]) == 1:
                table.setdefault(parts[0], parts[1])
    return table


def rime_entries(path):
    """Yields (word, syllables, weight or None) from a Rime dict.yaml."""
    body = False
    with open(path, encoding="utf-8") as source:
        for line in source:
            line = line.rstrip("\n")
            if line == "...":
                body = True
                continue
            if not body or not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            weight = None
            if len(parts) >= 3:
                m = re.match(r"([\d.]+)%?", parts[2])
                weight = float(m.group(1)) if m else None
            yield parts[0], parts[1].split(), weight


def main(argv):
    if len(argv) != 7:
        sys.exit("usage: readings_gen.py UNIHAN TERRA LUNA TRADITIONAL OVERRIDES OUTPUT.cpp")
    unihan, terra, luna, traditional, overrides, output = argv[1:]
    to_simple = load_traditional(traditional)
    simplify = lambda w: "".join(to_simple.get(c, c) for c in w)

    readings = load_unihan(unihan)  # char -> {syllable: weight}
    # Terra's per-character weights decide defaults where it lists the character.
    terra_chars = {}
    terra_words = {}
    for word, syllables, weight in rime_entries(terra):
        if not all(re.fullmatch(r"[a-z]+[1-5]", s) for s in syllables):
            continue
        if len(word) == 1 and len(syllables) == 1:
            for ch in {word, simplify(word)}:
                terra_chars.setdefault(ch, {})
                w = weight if weight is not None else 50.0
                terra_chars[ch][syllables[0]] = max(terra_chars[ch].get(syllables[0], -1), w)
        elif len(word) == len(syllables):
            terra_words.setdefault(simplify(word), syllables)

    all_readings = {}
    for ch, entry in readings.items():
        all_readings.setdefault(ch, {}).update({s: w for s, w in entry.items()})
    for ch, entry in terra_chars.items():
        merged = all_readings.setdefault(ch, {})
        for s in entry:
            merged.setdefault(s, 1)

    defaults = {}
    for ch, entry in all_readings.items():
        if ch in terra_chars and terra_chars[ch]:
            best = max(terra_chars[ch].items(), key=lambda kv: (kv[1], all_readings[ch].get(kv[0], 0)))
            defaults[ch] = best[0]
        elif entry:
            defaults[ch] = max(entry.items(), key=lambda kv: kv[1])[0]

    polyphonic = {ch for ch, entry in all_readings.items() if len(entry) > 1}

    words = {}
    for word, syllables in terra_words.items():
        if any(c in polyphonic for c in word):
            words[word] = syllables
    for word, toneless, _ in rime_entries(luna):
        word = simplify(word)
        if word in words or len(word) != len(toneless) or len(word) < 2:
            continue
        if not any(c in polyphonic for c in word):
            continue
        chosen = []
        for ch, plain in zip(word, toneless):
            options = [s for s in all_readings.get(ch, {}) if s[:-1] == plain.replace("ü", "v")]
            if not options:
                chosen = None
                break
            # Two tones may share the syllable (为 wei2 / wei4): the more frequent one wins.
            chosen.append(max(options, key=lambda s: all_readings[ch][s]))
        if chosen:
            words[word] = chosen
    # Drop words that read exactly as their characters' defaults.
    words = {w: s for w, s in words.items() if [defaults.get(c) for c in w] != s}

    def blob(name, table=None, text=None):
        if text is None:
            lines = sorted(f"{k}\t{v}" for k, v in table.items())
            text = "\n".join(lines) + "\n"
        out = [f"extern const char {name}[];", f"const char {name}[] ="]
        chunk = 4000
        raw = text.encode("utf-8")
        # Split on line boundaries so every literal holds whole UTF-8 sequences.
        start = 0
        while start < len(raw):
            end = min(len(raw), start + chunk)
            while end < len(raw) and raw[end - 1] != 0x0A:
                end += 1
            piece = raw[start:end].decode("utf-8")
            out.append('    R"~(' + piece + ')~"')
            start = end
        out[-1] += ";"
        return "\n".join(out)

    chars_table = {c: s for c, s in defaults.items() if len(c) == 1 and ord(c) >= 0x3400}
    words_table = {w: " ".join(s) for w, s in words.items()}
    with open(output, "w", encoding="utf-8") as out:
        out.write("// Generated at build time by kiosk/speech/readings_gen.py; do not edit.\n")
        out.write("namespace kiosk::speech::data {\n")
        out.write(blob("k_char_readings", chars_table) + "\n")
        out.write(blob("k_word_readings", words_table) + "\n")
        with open(overrides, encoding="utf-8") as curated:
            out.write(blob("k_curated_overrides", text=curated.read()) + "\n")
        out.write("}  // namespace kiosk::speech::data\n")
    print(f"readings: {len(chars_table)} characters, {len(words_table)} words", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
