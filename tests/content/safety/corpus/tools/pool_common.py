"""Shared machinery of the corpus generator: notice assembly, evasions, insertion positions.

The phrasing lives in pool_train.py and pool_heldout.py, written separately so that the
held-out notices share no sentence, name or template with the training ones.
"""
import hashlib
import random

CATEGORIES = ["party", "government", "affairs", "finance", "service", "announcement"]
CATEGORY_ZH = {"party": "党务", "government": "政务", "affairs": "事务", "finance": "财务",
               "service": "服务", "announcement": "公告"}

ZERO_WIDTH = ["\u200b", "\u200c", "\u2060", "\ufeff"]
FULLWIDTH = {c: chr(ord(c) + 0xFEE0) for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"}
CYRILLIC = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "k": "к",
            "A": "А", "P": "Р", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "O": "О", "T": "Т", "X": "Х"}
# CJK Radicals Supplement and Kangxi radicals that look like the characters they stand for.
RADICALS = {"门": "⻔", "马": "⻢", "长": "⻓", "见": "⻅", "车": "⻋", "风": "⻛", "龙": "⻰",
            "金": "⻐", "飞": "⻜", "鱼": "⻥", "黄": "⻩", "齐": "⻬", "西": "⻄", "食": "⻝",
            "页": "⻚", "贝": "⻉", "言": "⻈", "大": "⼤", "人": "⼈", "八": "⼋", "子": "⼦",
            "小": "⼩", "山": "⼭", "水": "⽔", "火": "⽕", "手": "⼿", "心": "⼼", "日": "⽇",
            "月": "⽉", "一": "⼀", "二": "⼆", "口": "⼝", "女": "⼥", "方": "⽅", "玉": "⽟",
            "王": "⺩", "母": "⺟", "民": "⺠", "网": "⺫"}
# Emoji written in place of a character.
EMOJI = {"马": "🐎", "龙": "🐉", "虎": "🐯", "牛": "🐮", "有": "🈶", "无": "🈚", "得": "🉐",
         "合": "🈴", "月": "🈷", "禁": "🈲", "满": "🈵", "金": "💰", "球": "⚽", "鸡": "🐔",
         "鱼": "🐟", "猪": "🐷", "狗": "🐶", "蛇": "🐍", "兔": "🐰", "羊": "🐑", "鼠": "🐭"}


def stable_seed(*parts):
    return int(hashlib.sha256("/".join(parts).encode()).hexdigest()[:12], 16)


def spread(rng, text, seps):
    """Puts a separator between the characters of a word: 博.彩, 博 彩."""
    out = text[0]
    for c in text[1:]:
        out += rng.choice(seps) + c
    return out


def evade(rng, text, how):
    if how == "plain":
        return text
    if how == "zero-width":
        return spread(rng, text, ZERO_WIDTH)
    if how == "dots":
        return spread(rng, text, [".", "·", "*", "~", "_"])
    if how == "spaces":
        return spread(rng, text, [" ", "\u3000", "  "])
    if how == "fullwidth":
        return "".join(FULLWIDTH.get(c, c) for c in text)
    if how == "cyrillic":
        return "".join(CYRILLIC.get(c, c) if rng.random() < 0.7 else c for c in text)
    if how == "radicals":
        swapped = "".join(RADICALS.get(c, c) for c in text)
        return swapped
    if how == "emoji":
        return "".join(EMOJI.get(c, c) for c in text)
    if how == "commas":
        return spread(rng, text, ["，", "、"])
    raise ValueError(how)


def notice_file(front, body):
    lines = ["---"]
    for key in ("title", "category", "department", "date", "source_url"):
        if front.get(key):
            value = front[key]
            if key in ("title", "department"):
                value = '"' + value.replace('\\', '\\\\').replace('"', '\\"') + '"'
            lines.append(f"{key}: {value}")
    lines.append("---")
    return "\n".join(lines) + "\n" + body.strip() + "\n"


def escape_yaml_invisible(text):
    # A YAML double-quoted scalar may not hold raw control characters; zero-width ones are fine.
    return text
