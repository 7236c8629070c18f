#!/usr/bin/env python3
"""Writes the generated part of the safety corpus: corpus/train/ from pool_train.py and
corpus/heldout/ from pool_heldout.py (different district, sentences, names and spam phrasings).

    python3 tests/content/safety/corpus/tools/generate.py

Deterministic: the same pools give the same files. Each injected notice is a notice of the
same pool with one payload inserted; its line in expected.tsv records the payload as written so
that the benchmark counts a notice as caught only when a finding overlaps the payload.
"""
import os
import random
import shutil
import sys

sys.path.insert(0, os.path.dirname(__file__))
import pool_common as pc  # noqa: E402
import pool_heldout  # noqa: E402
import pool_train  # noqa: E402

CORPUS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COUNTS = {"train": (92, 68), "heldout": (200, 200)}  # (clean, injected)
TLDS = {"train": ["com", "vip", "cc", "top"], "heldout": ["net", "xyz", "app", "club", "me", "co"]}
DOTS = {"train": ["点", "。", " dot "], "heldout": ["．", "(.)", "[.]", "點"]}


def mobile(rng):
    return "1" + rng.choice("35789") + "".join(rng.choice("0123456789") for _ in range(9))


def person(rng, pool):
    return rng.choice(pool.SURNAMES) + rng.choice(pool.GIVEN)


def latin_name(rng):
    return "".join(rng.choice("bcdfghjklmnpqrstwxyz") + rng.choice("aeiou") for _ in range(rng.randint(1, 3)))


def slots(rng, pool, name):
    n = rng.randint(12000, 980000)
    d = {
        "district": pool.DISTRICT, "street": pool.STREET, "comm": rng.choice(pool.COMMUNITIES),
        "year": str(rng.choice([2025, 2026])), "month": str(rng.randint(1, 12)), "q": str(rng.randint(1, 4)),
        "day": str(rng.randint(1, 14)), "day2": str(rng.randint(15, 28)), "n": str(n),
        "n2": str(rng.randint(1000, n)), "n3": str(rng.randint(3, 90)),
        "land": str(rng.randint(100000, 999999)), "land2": str(rng.randint(100000, 999999)),
        "person": person(rng, pool), "person2": person(rng, pool), "mobile": mobile(rng),
        "mobile2": mobile(rng), "qq": str(rng.randint(100000000, 999999999)),
    }
    site = latin_name(rng) + str(rng.randint(1, 999))
    tld = rng.choice(TLDS[name])
    m = mobile(rng)
    d.update({
        "brand": rng.choice(pool.LISTED_BRANDS), "brand_inv": rng.choice(pool.INVENTED),
        "slot": rng.choice(pool.SLOT_GAMES), "pinyin": rng.choice(pool.PINYIN_BRANDS),
        "inv_site": site + "." + tld, "inv_site_dot": site + rng.choice(DOTS[name]) + tld,
        "wx": latin_name(rng) + str(rng.randint(100, 9999)),
        "mobile_spaced": rng.choice([m[:3] + " " + m[3:7] + " " + m[7:], m[:3] + "-" + m[3:7] + "-" + m[7:], m]),
    })
    return d


def fill(template, d):
    return template.format(**d)


def base_notice(rng, pool, name, category, trap_chance):
    d = slots(rng, pool, name)
    title = fill(rng.choice(pool.TITLES[category]), d)
    paragraphs = [fill(p, slots(rng, pool, name)) for p in rng.sample(pool.PARAGRAPHS, rng.randint(3, 5))]
    if rng.random() < trap_chance:
        for trap in rng.sample(pool.TRAPS, rng.choice([1, 1, 2])):
            paragraphs.insert(rng.randint(0, len(paragraphs)), fill(trap, slots(rng, pool, name)))
    front = {"title": title, "category": rng.choice([category, pc.CATEGORY_ZH[category]]),
             "department": rng.choice(pool.DEPARTMENTS), "date": f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}"}
    if rng.random() < 0.5:
        front["source_url"] = fill(pool.SITE, {"m": rng.randint(1, 12), "d": rng.randint(1, 28), "n": rng.randint(1000, 9999)})
    return front, paragraphs


def make_payload(rng, pool, name, spec):
    technique, family, template, evasions, positions = spec
    d = slots(rng, pool, name)
    how = rng.choice(evasions)
    if "{brand}" in template and how != "plain":
        d["brand"] = pc.evade(rng, d["brand"], how)
        text = fill(template, d)
    else:
        text = pc.evade(rng, fill(template, d), how)
    return technique, family, how, text, positions


def insert(rng, front, paragraphs, payload, positions, technique, pool):
    choices = ["glued"] if positions == "glued" else ["own-paragraph", "after-sentence", "after-comma",
                                                       "glued", "title", "list-item", "end"]
    if technique == "url":
        choices.append("source_url")
    where = rng.choice(choices)
    if where == "title" and "\n" not in payload:
        front["title"] = front["title"] + rng.choice(["", " ", "｜"]) + payload
    elif where == "source_url" and technique == "url":
        front["source_url"] = "http://" + payload.split("：")[-1].split(" ")[-1].strip()
        payload = front["source_url"]
    elif where == "glued":
        sentence = rng.choice(pool.GLUE).replace("|", payload)
        paragraphs.insert(rng.randint(0, len(paragraphs)), sentence)
    elif where == "after-sentence":
        i = rng.randrange(len(paragraphs))
        paragraphs[i] = paragraphs[i] + payload + rng.choice(["。", "！", ""])
    elif where == "after-comma":
        i = rng.randrange(len(paragraphs))
        p = paragraphs[i]
        k = p.find("，")
        paragraphs[i] = p[:k + 1] + payload + "，" + p[k + 1:] if k >= 0 else payload + "，" + p
    elif where == "list-item":
        paragraphs.insert(rng.randint(0, len(paragraphs)), "- " + payload)
    elif where == "end":
        paragraphs.append(payload)
    else:
        where = "own-paragraph"
        paragraphs.insert(rng.randint(1, len(paragraphs)), payload)
    return where, payload


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def generate(name, pool):
    out = os.path.join(CORPUS, name)
    shutil.rmtree(out, ignore_errors=True)
    clean_count, injected_count = COUNTS[name]
    rng = random.Random(pc.stable_seed(name, "clean"))
    for i in range(clean_count):
        category = pc.CATEGORIES[i % 6]
        front, paragraphs = base_notice(rng, pool, name, category, 0.6)
        ident = f"{name[0]}c{i:03d}-{category}"
        write(os.path.join(out, "clean", category, ident + ".md"), pc.notice_file(front, "\n\n".join(paragraphs)))
    rng = random.Random(pc.stable_seed(name, "injected"))
    lines = ["# notice id\trule family\tevasion (where)\ttechnique\tpayload as written"]
    for i in range(injected_count):
        category = pc.CATEGORIES[i % 6]
        front, paragraphs = base_notice(rng, pool, name, category, 0.3)
        spec = pool.PAYLOADS[i % len(pool.PAYLOADS)]
        technique, family, how, payload, positions = make_payload(rng, pool, name, spec)
        where, payload = insert(rng, front, paragraphs, payload, positions, technique, pool)
        ident = f"{name[0]}i{i:03d}-{category}"
        write(os.path.join(out, "injected", category, ident + ".md"), pc.notice_file(front, "\n\n".join(paragraphs)))
        lines.append(f"{ident}\t{family}\t{how} ({where})\t{technique}\t{payload}")
    write(os.path.join(out, "injected", "expected.tsv"), "\n".join(lines) + "\n")


if __name__ == "__main__":
    generate("train", pool_train)
    generate("heldout", pool_heldout)
