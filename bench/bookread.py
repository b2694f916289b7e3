"""Reading a gobook book folder, shared by make_10x_book.py and pandoc_prep.py.

Only what the benchmark needs: the SUMMARY.md manifest, the +++ front matter,
and GitHub's heading anchors (the rule gobook follows, see book/README.md).
"""

from __future__ import annotations

import re
from pathlib import Path

_LIST_ITEM = re.compile(r"^\s*(?:\d+[.)]|[-*+])\s+\[(.+)\]\(([^()\s]+)\)\s*$")


def parse_summary(path: Path):
    """Return (book title, [{name, description, lessons: [(title, path)]}])."""
    title = ""
    tracks: list[dict] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            title = line[2:].strip()
        elif line.startswith("## "):
            tracks.append({"name": line[3:].strip(), "description": "", "lessons": []})
        elif tracks and (m := _LIST_ITEM.match(line)):
            tracks[-1]["lessons"].append((m.group(1), m.group(2)))
        elif tracks and line.strip() and not tracks[-1]["lessons"]:
            tracks[-1]["description"] = line.strip()
    if not tracks:
        raise SystemExit(f"{path}: no tracks found")
    return title, tracks


def split_front_matter(text: str) -> tuple[str, str]:
    """Split '+++ ... +++' off the top: (front matter with its fences, body)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n")
    if not text.startswith("+++\n"):
        return "", text
    end = text.find("\n+++\n", 3)
    if end < 0:
        return "", text
    return text[: end + 5], text[end + 5 :]


def front_matter_value(front: str, key: str) -> str | None:
    """One basic TOML string value from front matter (all the book uses)."""
    m = re.search(rf'(?m)^{re.escape(key)}\s*=\s*"((?:[^"\\]|\\.)*)"\s*$', front)
    if not m:
        return None
    return m.group(1).encode("utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")


def heading_text(md: str) -> str:
    """The text a reader sees for an ATX heading's Markdown content."""
    md = re.sub(r"\s+#+\s*$", "", md.strip())          # closing #s
    md = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", md)  # links and images -> text
    md = re.sub(r"<[^>]+>", "", md)                      # inline HTML tags
    md = md.replace("`", "")
    md = re.sub(r"(?<!\w)[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?!\w)", "", md)  # emphasis marks
    return md.strip()


def github_slug(text: str) -> str:
    """GitHub's anchor: lower case, spaces to hyphens, punctuation dropped."""
    out = []
    for ch in text.strip().lower():
        if ch == " ":
            out.append("-")
        elif ch.isalnum() or ch in "-_":
            out.append(ch)
    return "".join(out)
