"""Build briefer/data/common_words.txt.gz: the lower-case English words of Debian's wamerican list
(SCOWL), less given names, one a line.

    python scripts/build_common_words.py [--dictionary FILE]

The analysis asks it one question: is a capitalised word glued before a given name a plain English
word ("Shepherd John Hendy", "Masters Jack Nicklaus": a noun, then the person) or part of the
person's name ("Tanka Maya Sitoula")? SCOWL's licence, which asks that its notice travel with the
words, is copied to briefer/data/common_words.NOTICE.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefer.analysis.tokens import given_names  # noqa: E402

MIN_LENGTH = 3


def build(dictionary: Path) -> list[str]:
    names = given_names()
    words = set()
    for line in dictionary.read_text(encoding="utf-8").splitlines():
        w = line.strip()
        if w.islower() and w.isalpha() and len(w) >= MIN_LENGTH and w not in names:
            words.add(w)
    return sorted(words)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dictionary", type=Path, default=Path("/usr/share/dict/american-english"))
    args = ap.parse_args(argv)
    words = build(args.dictionary)
    target = ROOT / "briefer" / "data" / "common_words.txt.gz"
    # mtime=0: the same words give the same bytes, so a rebuild shows no change in git.
    target.write_bytes(gzip.compress("\n".join(words).encode("utf-8"), 9, mtime=0))
    print(f"{target}: {len(words)} words", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
