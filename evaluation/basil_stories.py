"""Rebuild the story folders of the hand-annotated BASIL evaluation set (``evaluation/basil_gold``).

Usage: python evaluation/basil_stories.py --basil ../shared/eval/basil --out /tmp/basil_stories

BASIL (Fan et al. 2019) articles are not kept in this repository (licence); this script writes
them, for the triplets listed in ``TRIPLETS``, as ``OUT/<slug>/{fox,nyt,hpo}.md``: front matter
(``outlet``, ``title``, ``date``) read by ``framing.corpus.parse_front_matter``, then the title
line, a blank line and the body paragraphs (``body-paragraphs``: each a list of sentences, joined
by one space) separated by blank lines.  The gold files ``evaluation/basil_gold/<slug>.json``
anchor their items in that text, so keep the layout as it is.  Standard library only.

Score with ``python ../shared/scorers/journalist_score.py --root OUT --gold evaluation/basil_gold``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

# triplet uuid -> (year folder, story slug = gold file name without .json)
TRIPLETS: dict[str, tuple[str, str]] = {
    "2b95d2cf-e979-4f9c-ae27-9a5370934f23": ("2010", "steele-afghanistan"),
    "97b1305c-13ca-4b74-a56a-f459bd79dfaf": ("2010", "naacp-tea-party"),
    "005a2961-0c2e-4575-8eec-770ba52a08e0": ("2011", "trump-birther"),
    "08bb9bee-c167-4c17-9c6d-4a1259231eb7": ("2012", "romney-akin"),
    "f506aafc-8b43-427a-936e-bbd1ef33e076": ("2013", "jackson-plea"),
    "33521e65-12da-4521-b132-7b606243b0e4": ("2014", "grimm-indictment"),
}

OUTLETS = ("fox", "nyt", "hpo")


def one_line(text: str) -> str:
    return " ".join(text.split())


def front_matter_value(text: str) -> str:
    """``text`` quoted for a ``key: value`` front matter line.  framing strips one pair of matching
    outer quotes and reads the rest as written (no escapes), so a colon or an inner quote is
    safe; single quotes are used when the text holds a double quote and no single quote (valid
    YAML then too)."""
    if '"' in text and "'" not in text:
        return f"'{text}'"
    return f'"{text}"'


def paragraphs(article: dict) -> list[str]:
    out = []
    for para in article["body-paragraphs"]:
        text = " ".join(s.strip() for s in para if s.strip())
        if text:
            out.append(text)
    return out


def render(article: dict, outlet: str) -> str:
    title = one_line(article["title"])
    head = (
        f"---\noutlet: {outlet}\ntitle: {front_matter_value(title)}\n"
        f"date: {one_line(article['date'])}\n---\n"
    )
    return head + title + "\n\n" + "\n\n".join(paragraphs(article)) + "\n"


def build(basil: Path, out: Path) -> list[Path]:
    written = []
    for uuid, (year, slug) in TRIPLETS.items():
        folder = out / slug
        folder.mkdir(parents=True, exist_ok=True)
        seen = set()
        for path in sorted((basil / "articles" / year).glob(f"{uuid}_*.json")):
            article = json.loads(path.read_text(encoding="utf-8"))
            outlet = article["source"].strip().lower()
            if outlet not in OUTLETS or outlet in seen:
                sys.exit(f"{path}: unexpected source {article['source']!r}")
            seen.add(outlet)
            target = folder / f"{outlet}.md"
            target.write_text(render(article, outlet), encoding="utf-8")
            written.append(target)
        if seen != set(OUTLETS):
            sys.exit(f"triplet {uuid} ({year}): found {sorted(seen)}, expected {list(OUTLETS)}")
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--basil", type=Path, required=True, help="BASIL folder (holds articles/)")
    ap.add_argument("--out", type=Path, required=True, help="folder to write the stories into")
    args = ap.parse_args()
    written = build(args.basil, args.out)
    print(f"wrote {len(written)} articles in {len(TRIPLETS)} stories under {args.out}")


if __name__ == "__main__":
    main()
