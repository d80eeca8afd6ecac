"""Countries, blocs and places by every name, demonym and capital that ``data/gazetteer.json`` lists."""

from __future__ import annotations

from functools import cache

from ..lexicon import gazetteer


class Gazetteer:
    """Countries, blocs and places by every name, demonym and capital the data lists."""

    def __init__(self) -> None:
        data = gazetteer()
        self.names: dict[str, tuple[str, str]] = {}  # key → (canonical, kind)
        self.capitals: dict[str, str] = {}
        self.demonyms: dict[str, str] = {}
        for kind, rows in (("country", data["countries"]), ("group", data["groups"])):
            for row in rows:
                for n in (row["name"], *row["aliases"]):
                    self.names.setdefault(n.casefold(), (row["name"], kind))
                for c in row["capitals"]:
                    self.capitals.setdefault(c.casefold(), row["name"])
                for d in row["demonyms"]:
                    self.demonyms.setdefault(d.casefold(), row["name"])
        self.places = {p.casefold() for p in data["places"]}


@cache
def gaz() -> Gazetteer:
    """Return the gazetteer, read once."""
    return Gazetteer()


