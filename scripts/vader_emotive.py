"""Print the rows of lexicons/loaded.tsv that come from VADER and Pattern.

Usage: pip download --no-deps vaderSentiment==3.3.2 textblob==0.20.1 && unzip the wheels, then
    python scripts/vader_emotive.py vaderSentiment/vader_lexicon.txt > /tmp/vader_rows.tsv
    python scripts/vader_emotive.py vaderSentiment/vader_lexicon.txt \
        --judgement textblob/en/en-sentiment.xml > /tmp/judgement_rows.tsv
(the judgement rows leave out words the curated and emotive rows already hold: drop duplicates
when appending, as `framing lexicon check` will insist).

VADER (Hutto and Gilbert 2014, MIT licence) rates words from -4 to +4.  We keep alphabetic words
whose mean rating is at least 2.8 either way (the most strongly felt words; below that VADER rates plain news words such as "agreement" or "rejected", which would drown the report in noise), drop words that in news
usually report an event rather than colour it (a list below: "killed" is a fact, "slaughtered"
is a choice), and weight each by its strength (|rating| / 4, so 0.7 to 1.0).
"""

from __future__ import annotations

import sys

THRESHOLD = 2.8
# Event and state words VADER rates strongly but news uses as plain report.
EVENT_WORDS = set(
    """
    kill killed kills killing death deaths dead die died dies dying war wars attack attacked attacks
    injured injury injuries wounded bomb bombs bombing fire fired arrest arrested arrests prison
    prisoner prisoners jailed crime crimes victim victims fight fighting fought fights violence
    violent hostage hostages crisis disaster disasters accident accidents sick illness disease
    cancer hurt hurts pain lost lose loses losing loss losses fail failed fails failure win won
    wins winning winner winners won't no yes ok okay like liked likes love loved loves lovely
    friend friends friendly help helped helps helping support supported supports agree agreed
    peace peaceful safe safety secure security free freedom protect protected protection
    rescue rescued care cared cares important thanks thank thanked welcome welcomed best better
    good great nice fine happy please pleased hope hoped hopes hopeful true truth honest fair
    fun funny joke jokes play playing party celebrate celebrated celebration award awarded
    strong stronger strongest weak weaker problem problems worried worry worries concern
    concerned fear feared fears afraid threat threats threatened threaten risk risks dangerous
    danger sad sorry grief mourn mourning funeral tragedy tragic abduction assassination assault
    fatalities fatality killings killer killers murder murdered murders murderer murderers rape
    raped rapes raping raper rapers rapist rapists suicide suicidal slavery torture torturing
    torturers terrorism terrorisms stab poisoning drowned fraud scams successful champion super
    heart hearts honored congratulation congratulations miracle lifesaver
    """.split()
)


JUDGEMENT_LOW = 1.0
JUDGEMENT_SCALE = 0.3  # plain judgement words count for a third of a loaded word of equal rating
PATTERN_SUBJECTIVITY = 0.6
PATTERN_WEIGHT = 0.05


def judgement(vader_path: str, pattern_path: str) -> None:
    """Weak evaluative words: VADER words rated 1.0 to 2.8, and Pattern's subjective adjectives."""
    import xml.etree.ElementTree as ET
    from collections import defaultdict

    seen = set()
    with open(vader_path, encoding="utf-8") as handle:
        for line in handle.read().splitlines():
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            word, rating = parts[0].lower(), abs(float(parts[1]))
            plain = word.isalpha() and len(word) >= 4 and word not in EVENT_WORDS
            if plain and JUDGEMENT_LOW <= rating < THRESHOLD:
                seen.add(word)
                print(f"{word}\tjudgement\t{rating / 4 * JUDGEMENT_SCALE:.3g}")
    scores: dict[str, list[float]] = defaultdict(list)
    for element in ET.parse(pattern_path).getroot().iter("word"):
        if element.get("pos") == "JJ":
            scores[str(element.get("form")).lower()].append(float(element.get("subjectivity", 0)))
    for word, values in sorted(scores.items()):
        mean = sum(values) / len(values)
        plain = word.isalpha() and len(word) >= 4 and word not in seen | EVENT_WORDS
        if plain and mean >= PATTERN_SUBJECTIVITY:
            print(f"{word}\tjudgement\t{PATTERN_WEIGHT:g}")


def main(path: str) -> None:
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    for line in lines:
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        word, rating = parts[0].lower(), float(parts[1])
        if not word.isalpha() or len(word) < 4 or word in EVENT_WORDS or abs(rating) < THRESHOLD:
            continue
        print(f"{word}\temotive\t{min(1.0, abs(rating) / 4):.2f}")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[2] == "--judgement":
        judgement(sys.argv[1], sys.argv[3])
    else:
        main(sys.argv[1])
