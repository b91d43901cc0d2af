"""Actors are real things: what names no actor (fragments of titles, addresses and party tags,
state abbreviations, datelines, the outlet's own name, common words, materials), the kind titles
give, and names split and merged rightly.  Each table holds the right answer and the case that
must stay as it is."""

from __future__ import annotations

from collections import Counter

import pytest

from framing import lexicons
from framing.actors import find, people
from framing.actors import link as actor_links
from framing.actors.names import FEMALE, MALE, gender_of
from framing.actors.stage import Pending
from framing.actors.stances import link_documents
from framing.records import ActorMention, Document, Span

FIRST_NAMES = people.resources(lexicons.load()).first_names


def actors(parser, *texts: str, first_names: dict[str, str] | None = None) -> list[dict[str, str]]:
    """Each text's actors, name -> kind, as linked across the texts."""
    found = [
        find.find(parser.parse([t])[0], index=None, first_names=first_names or {}) for t in texts
    ]
    links = actor_links.link([groups for _, groups in found])
    return [
        {linked[m.group].name: linked[m.group].kind for m in mentions}
        for (mentions, _), linked in zip(found, links, strict=True)
    ]


def tagged(parser, text: str, words: str) -> bool:
    """The precondition: the parse does tag ``words`` as a named entity."""
    return any(e.text.strip(" .") == words.strip(" .") for e in parser.parse([text])[0].ents)


@pytest.mark.parametrize(
    ("text", "fragment", "kept"),
    [
        # a portfolio in a title names no department
        ("Secretary of State Jane Okafor flew to Lisbon on Monday.", "State", "Jane Okafor"),
        ("Defense Secretary Ravi Patel met the generals in Ohio.", "Defense", "Ravi Patel"),
        # a party tag and a state's abbreviation
        ("Sen. Rand Paul (R-Ky.) said the bill was dead.", "Ky.", "Rand Paul"),
        # an address
        ("She spoke at a fund-raiser in Corpus Christi, Tex., on Friday with Mark Dunne.", "Tex.",
         "Mark Dunne"),
        # datelines without an agency
        ("WASHINGTON \u2014 Carla Mendes told voters that taxes would fall.", "WASHINGTON",
         "Carla Mendes"),
        ("LAS VEGAS -- Carla Mendes told voters that taxes would fall.", "LAS VEGAS",
         "Carla Mendes"),
        ("GREENVILLE, S.C. \u2014 Carla Mendes told voters that taxes would fall.", "GREENVILLE",
         "Carla Mendes"),
        ("New Delhi, India - Carla Mendes told voters that taxes would fall.", "New Delhi",
         "Carla Mendes"),
        # a common word opening a quotation, written in lower case elsewhere
        ('"Justice will be done," said Tom Avery. The court promised justice for the families.',
         "Justice", "Tom Avery"),
        # a place in a person's title
        ("He appeared before U.S. District Judge Robert Wilkins on Monday.", "U.S.",
         "Robert Wilkins"),
        ("The U.S. attorney's office in Brooklyn charged Tom Grimm on Monday.", "U.S.",
         "Tom Grimm"),
        # a party in a person's title or in apposition is the person's tag
        ("New York Republican Rep. Tom Hale voted against the bill on Monday.", "Republican",
         "Tom Hale"),
        ("The challenger, Domenic Recchia, a Democrat, spoke on Monday.", "Democrat",
         "Domenic Recchia"),
        # a headline in title case runs its words into names
        ("NAACP Condemns Tea Party Racism In Resolution\n\nSecretary Jane Okafor spoke on Monday.",
         "NAACP Condemns Tea Party", "Jane Okafor"),
        # a company's legal suffix cut from its name; an institution's adjective; a place run
        # into a name across a sentence the parse did not split
        ("The company Tom Grimm formed to operate it was called Granny Sayz, L.L.C., and was "
         "affiliated with a company.", "L.L.C.", "Tom Grimm"),
        ("Judicial ethics require that a judge step aside, said Tom Avery.", "Judicial",
         "Tom Avery"),
        ("It was shipped a month later to Mr. Jackson's Congressional office.", "Congressional",
         "Jackson"),
        ("He appeared before Judge Robert L. Wilkins in Washington, D.C. Jackson's wife spent "
         "$5,150 on fur capes.", "D.C. Jackson's", "Robert L. Wilkins"),
        # a party or a people describing one person's role, and one person named by party
        ("Sam Cole took money from followers of an Israeli rabbi.", "Israeli", "Sam Cole"),
        ("Tom Hale, the only Republican member of the delegation, voted no.", "Republican",
         "Tom Hale"),
        ("The Ohio Democrat faces up to five years in prison, Judge Ann Reed said.", "Democrat",
         "Ann Reed"),
        # a stance word; an owner run into the body's acronym
        ("There is no place for racism and anti-Semitism in the party, Tom Hale said.",
         "anti-Semitism", "Tom Hale"),
        ("He noted that Reed\u2019s DNC actually sponsored a conference call for the group.",
         "Reed\u2019s DNC", "DNC"),
        # a material's abbreviation
        ("The PVC in the pipes leached into the water, Mayor Jane Smith said.", "PVC",
         "Jane Smith"),
        ("Investigators found TNT in the truck that Jane Smith rented.", "TNT", "Jane Smith"),
    ],
)  # fmt: skip
def test_a_fragment_names_no_actor(parser, text: str, fragment: str, kept: str) -> None:
    assert tagged(parser, text, fragment)
    (found,) = actors(parser, text)
    assert kept in found, found
    assert not any(fragment.strip(".").lower() in name.lower() for name in found), found


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The State Department said on Monday that the talks would go on.", "State Department"),
        ("The Governor of Texas signed the bill on Monday.", "Texas"),  # a place, not a portfolio
        ("Kentucky voters backed Sen. Rand Paul on Tuesday.", "Kentucky"),
        ("The U.S. sent Ambassador Ana Ruiz to Lisbon.", "U.S."),  # a country acting
        ("Israeli troops entered the town on Monday.", "Israelis"),  # a people's adjective
        ("D.C. police arrested three men on Monday.", "D.C."),  # D.C. standing alone is a place
        ("NPR \u2014 along with seven public radio stations \u2014 sued the agency.", "NPR"),
        ("Turner said the court would rule on Monday, and Ana Ruiz agreed.", "Turner"),
    ],
)
def test_a_real_actor_stays(parser, text: str, actor: str) -> None:
    (found,) = actors(parser, text)
    assert actor in found, found


def test_a_place_opening_an_office_title_behind_the_names_no_actor(parser) -> None:
    text = "The United States attorney's office in Boston charged Tom Grimm on Monday."
    assert tagged(parser, text, "The United States")
    (found,) = actors(parser, text)
    assert "Tom Grimm" in found and not any("United States" in name for name in found), found


def test_a_dateline_word_later_in_the_article_stays(parser) -> None:
    text = "WASHINGTON \u2014 Carla Mendes spoke.\n\nVoters in Washington cheered her on Monday."
    (found,) = actors(parser, text)
    assert "Carla Mendes" in found and "Washington" in found


@pytest.mark.parametrize(
    ("form", "outlet", "expected"),
    [
        ("Fox News", "Fox News", True),
        ("Fox News", "Fox Online News", True),
        ("the Huffington Post", "HuffPost", True),
        ("The New York Times", "New York Times - News", True),
        ("the Times", "The New York Times", True),
        ("NYT", "The New York Times", True),
        ("CNN", "CNN (Web News)", True),
        ("BBC", "BBC News", True),
        ("New York", "The New York Times", False),  # a place in the outlet's name
        ("Fox News", "CNN (Web News)", False),  # another outlet
        ("Washington", "The Washington Post", False),
    ],
)
def test_names_outlet(form: str, outlet: str, expected: bool) -> None:
    assert actor_links.names_outlet(form, outlet) is expected


def _built(parser, doc_id: str, outlet: str, text: str) -> tuple[Document, Pending]:
    mentions, groups = find.find(parser.parse([text])[0], index=None)
    scored = [(m.group, m.text, ActorMention(Span(m.start, m.end), 0.0)) for m in mentions]
    document = Document(
        id=doc_id, path=f"{doc_id}.txt", outlet=outlet, outlet_from="metadata", title=None,
        date=None, url=None, author=None, text=text, article=(Span(0, len(text)),), chrome=(),
        word_count=len(text.split()),
    )  # fmt: skip
    return document, Pending(groups, scored)


def test_an_outlet_citing_itself_names_no_actor(parser) -> None:
    text = "Speaking on Fox News Sunday, Senator Jane Smith said the bill was dead."
    own, other = link_documents(
        [_built(parser, "a", "Fox News", text), _built(parser, "b", "CNN", text)]
    )
    assert "Jane Smith" in {st.actor for st in own.stance}
    assert "Fox News" not in {st.actor for st in own.stance}
    assert "Fox News" in {st.actor for st in other.stance}  # another outlet's channel is one


@pytest.mark.parametrize(
    ("texts", "group", "named"),
    [
        # a group the articles only describe with its adjective is no actor of its own
        (("Republican senators urged Tom Hale to quit.", "The Israeli envoy met Tom Hale."),
         "Republicans", False),
        (("Republican senators urged Tom Hale to quit.", "The Israeli envoy met Tom Hale."),
         "Israelis", False),
        # a group named by a noun of one word is named, not described
        (("Tom Hale said Muslims and Christians prayed together.", "Tom Hale spoke on Monday."),
         "Christians", True),
        (("Tom Hale wrote a book about Islam and its history.", "Tom Hale spoke on Monday."),
         "Islam", True),
        # the adjective joins the group once an article names it
        (("Republican senators urged Tom Hale to quit.", "Republicans hold the Senate, Tom Hale"
          " said."), "Republicans", True),
    ],
)  # fmt: skip
def test_a_group_only_described_is_no_actor(
    parser, texts: tuple[str, ...], group: str, named: bool
) -> None:
    assert {group} <= {n for found in actors(parser, *texts) for n in found}  # the precondition
    built = [_built(parser, str(i), f"Outlet {i}", t) for i, t in enumerate(texts)]
    reported = {st.actor for doc in link_documents(built) for st in doc.stance}
    assert "Tom Hale" in reported
    assert (group in reported) is named, reported


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Mr Urban had stopped there after the rally.", "Urban", "person"),  # tagged a body
        ("The F.B.I. questioned Ana Ruiz on Monday.", "F.B.I.", "organisation"),  # tagged a place
        ("Chuck Hagel met the senators. Critics said Hagel had failed.", "Chuck Hagel", "person"),
    ],
)
def test_titles_and_names_give_the_kind(parser, text: str, name: str, kind: str) -> None:
    (found,) = actors(parser, text)
    assert found.get(name) == kind, found


def _group(kind: str, *forms: str) -> find.Group:
    return find.Group(kind, forms=Counter(forms))


def test_a_person_named_in_full_is_never_a_body() -> None:
    # "Trump" tagged a body more often than "Donald Trump" a person: still a person
    person, body = _group("person", "Jim Avery"), _group("organisation", "Avery", "Avery", "Avery")
    (a,), (b,) = actor_links.link([[person], [body]])
    assert a == b and (a.name, a.kind) == ("Jim Avery", "person")


def test_a_body_alone_stays_a_body() -> None:
    (a,), (b,) = actor_links.link([[_group("organisation", "Avery")], [_group("place", "Ohio")]])
    assert (a.kind, b.kind) == ("organisation", "place")


@pytest.mark.parametrize(
    ("texts", "joined"),
    [
        (["Democrats blocked the bill.", "Democratic leaders cheered the vote."], True),
        (["Afghan officials met the envoy.", "Afghanistan asked for help."], True),
        (["Pres Obama spoke on Monday.", "Barack Obama's aides left."], True),
        (["Democrats blocked the bill.", "Dominican leaders cheered the vote."], False),
    ],
)
def test_forms_of_one_actor_join(parser, texts: list[str], joined: bool) -> None:
    first, second = actors(parser, *texts)
    assert first and second  # each text names an actor
    assert (set(first) == set(second)) is joined, (first, second)


@pytest.mark.parametrize(
    ("text", "first_names", "apart"),
    [
        # a first name that tells the gender
        ("Maria Lopez left the company. Mr. Lopez said he would stay.", {"maria": "female"}, True),
        # a courtesy title the article gives her
        ("Maria Lopez left the company. Ms. Lopez was tired. Mr. Lopez said he would stay.", {},
         True),
        # nothing tells: the surname joins the one full name
        ("Maria Lopez left the company. Mr. Lopez said he would stay.", {}, False),
    ],
)  # fmt: skip
def test_a_courtesy_title_keeps_people_of_one_surname_apart(
    parser, text: str, first_names: dict[str, str], apart: bool
) -> None:
    mentions, _ = find.find(parser.parse([text])[0], index=None, first_names=first_names)
    lopez = {m.group for m in mentions if m.text.endswith("Lopez")}
    maria = {m.group for m in mentions if m.text == "Maria Lopez"}
    assert maria and len(lopez) >= 1  # both found
    mister = next(m.group for m in mentions if text[m.start - 4 : m.start] == "Mr. ")
    assert (mister not in maria) is apart


def test_a_surname_two_people_share_joins_neither(parser) -> None:
    text = "Carlos Lopez and Juan Lopez ran the shop. Mr. Lopez said it would close."
    (found,) = actors(parser, text)
    assert {"Carlos Lopez", "Juan Lopez"} <= set(found)
    assert len([n for n in found if n.endswith("Lopez")]) == 3  # the lone "Mr. Lopez" too


@pytest.mark.parametrize(
    ("name", "before", "expected"),
    [("Lopez", "Mr.", MALE), ("Ms. Lopez", "", FEMALE), ("Maria Lopez", "", None)],
)
def test_gender_from_a_courtesy_title(name: str, before: str, expected: str | None) -> None:
    assert gender_of(name, before, {}) == expected


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # the first name the recogniser cut off at a middle initial
        ("The challenger, former City Councilman Domenic M. Recchia Jr., a Democrat, spoke.",
         "Domenic M. Recchia Jr."),
        # a title is no first name
        ("The attack killed U.S. Ambassador J. Christopher Stevens and three other Americans.",
         "J. Christopher Stevens"),
    ],
)  # fmt: skip
def test_a_name_begun_at_its_initial(parser, text: str, actor: str) -> None:
    (found,) = actors(parser, text, first_names=dict(FIRST_NAMES))
    assert actor in found, found
