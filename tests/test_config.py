"""The story config: parsing framing.toml, its errors with path:line, and finding the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing import config
from framing.errors import ConfigError
from framing.records import Meta

SEED_CONFIG = Path(__file__).resolve().parent.parent / "seeds" / "framing.toml"

STRIKE = """\
# A dock strike: two sides.
[story]
title = "Dock workers strike over pay"

[sides]
labour = "the union and its members"
management = "the port operator"

[[actors]]
name = "Dockers Union"
side = "labour"
kind = "organisation"
aliases = ["the union", "DU"]

[[actors]]
name = "Pat Quinn"
side = "management"
kind = "person"
aliases = ["Quinn"]

[documents.gazette_01]
outlet = "Harbour Gazette"
date = 2024-06-01
"""


def error_of(text: str) -> str:
    with pytest.raises(ConfigError) as caught:
        config.parse(text, path="story/framing.toml")
    return str(caught.value)


def test_seed_config_parses() -> None:
    story = config.load(SEED_CONFIG)
    assert story.path == str(SEED_CONFIG)
    assert {key for key, _ in story.sides} == {
        "israel", "palestinian", "us", "mediators", "international", "media",
    }  # fmt: skip
    assert story.meta_for("003_8b577698342439a5").outlet == "World Israel News"
    assert story.meta_for("002_1129d831e16be3ea").author == "Sead Dedovic"
    assert story.meta_for("no-such-document") == Meta()
    hamas = next(a for a in story.actors if a.name == "Hamas")
    assert (hamas.side, hamas.kind) == ("palestinian", "organisation")
    assert "the terror group" in hamas.aliases


def test_parse_gives_sides_actors_and_documents() -> None:
    story = config.parse(STRIKE, path="framing.toml")
    assert story.title == "Dock workers strike over pay"
    assert story.sides == (
        ("labour", "the union and its members"),
        ("management", "the port operator"),
    )
    assert story.actors == (
        config.Actor("Dockers Union", "labour", "organisation", ("the union", "DU")),
        config.Actor("Pat Quinn", "management", "person", ("Quinn",)),
    )
    assert story.meta_for("gazette_01") == Meta(outlet="Harbour Gazette", date="2024-06-01")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", config.StoryConfig("f", None, (), (), ())),
        ("[[actors]]\nname = 'Port Authority'\n",
         config.StoryConfig("f", None, (), (config.Actor("Port Authority", None,
                                                         "organisation", ()),), ())),
    ],
)  # fmt: skip
def test_everything_is_optional(text: str, expected: config.StoryConfig) -> None:
    assert config.parse(text, path="f") == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[sides]\nlabour = "x"\nmanagement = \n',
         "3: expected valid TOML, got an error: Invalid value"),
        ('[sides]\nlabour = "x"\n[sides]\n',
         "3: expected valid TOML, got an error: Cannot declare ('sides',) twice"),
        ('[sides]\nlabour = "x"\n\n[timeline]\nstart = 1\n',
         "4: unknown section 'timeline'; expected one of actors, documents, sides, story"),
        ("[sides]\nlabour = 3\n",
         "1: expected [sides] to map each side key to a description string"),
        ('[sides]\nlabour = "x"\n[[actors]]\nside = "labour"\n',
         "3: an [[actors]] entry has no 'name'"),
        ('[sides]\nlabour = "x"\n[[actors]]\nname = "Pat Quinn"\nside = "owners"\n',
         "4: actor 'Pat Quinn' has side 'owners', which is not in [sides]; "
         "expected one of labour"),
        ('[[actors]]\nname = "Pat Quinn"\nside = "owners"\n',
         "2: actor 'Pat Quinn' has side 'owners', which is not in [sides]; "
         "expected one of (none defined)"),
        ('[[actors]]\nname = "Pat Quinn"\nkind = "human"\n',
         "2: actor 'Pat Quinn' has kind 'human'; expected one of person, organisation, place, "
         "group"),
        ('[[actors]]\nname = "Pat Quinn"\naliases = "Quinn"\n',
         "2: actor 'Pat Quinn': expected 'aliases' to be a list of strings"),
        ('[[actors]]\nname = "Dockers Union"\naliases = ["the union"]\n'
         '[[actors]]\nname = "Port Union"\naliases = ["The Union"]\n',
         "6: alias 'The Union' is given to both 'Dockers Union' and 'Port Union'; "
         "keep it under one actor"),
        ('[[actors]]\nname = "Port Union"\n[[actors]]\nname = "port union"\n',
         "4: actor 'port union' is defined twice; merge the two [[actors]] entries"),
        ('[documents.gazette_01]\noutlet = "Harbour Gazette"\nsource = "wire"\n',
         "3: [documents.gazette_01] has unknown key 'source'; expected outlet, title, date, "
         "url or author"),
    ],
)  # fmt: skip
def test_config_error_names_path_and_line(text: str, message: str) -> None:
    assert error_of(text) == f"story/framing.toml:{message}"


@pytest.mark.parametrize(
    ("addition", "line_in_addition"),
    [
        # A typo of a section that exists must point at the typo, not at the real section.
        ('[[actor]]\nname = "Jordan"\n', 1),
        # A key that other lines merely contain ("hostages", "sources") is found as a key.
        ('[documents.005_extra]\noutlet = "Extra"\nsource = "wire"\n', 3),
        # The second actor to claim an alias is the one to fix.
        ('[[actors]]\nname = "Hamas movement"\naliases = ["the movement"]\n', 3),
        ('[[actors]]\nname = "Jordan"\nkind = "country"\n', 2),
    ],
)
def test_error_line_points_into_the_offending_entry(addition: str, line_in_addition: int) -> None:
    base = SEED_CONFIG.read_text(encoding="utf-8")
    text = base + addition
    message = error_of(text)
    line = int(message.split(":")[1])
    assert line == base.count("\n") + line_in_addition


def test_unknown_section_message() -> None:
    assert error_of(STRIKE + '\n[[actor]]\nname = "Jordan"\n') == (
        f"story/framing.toml:{STRIKE.count(chr(10)) + 2}: unknown section 'actor'; "
        "expected one of actors, documents, sides, story"
    )


def test_load_drops_a_bom_and_names_the_shown_path(tmp_path: Path) -> None:
    path = tmp_path / "framing.toml"
    path.write_bytes(b"\xef\xbb\xbf" + STRIKE.encode("utf-8"))
    assert config.load(path, shown="framing.toml").path == "framing.toml"


def test_load_reports_unreadable_config(tmp_path: Path) -> None:
    path = tmp_path / "framing.toml"
    path.write_bytes(b'[story]\ntitle = "Caf\xe9"\n')
    with pytest.raises(ConfigError) as caught:
        config.load(path)
    assert str(caught.value) == (
        f"{path}: expected UTF-8 text, got a byte 0xe9 at offset 20; save the file as UTF-8"
    )


def test_find_uses_an_explicit_path(tmp_path: Path) -> None:
    (tmp_path / "framing.toml").write_text("", encoding="utf-8")
    explicit = tmp_path / "other.toml"
    explicit.write_text("", encoding="utf-8")
    assert config.find([tmp_path], explicit) == explicit


def test_find_rejects_a_missing_explicit_path(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        config.find([tmp_path], tmp_path / "missing.toml")
    assert str(caught.value) == (
        f"{tmp_path}/missing.toml: no such story config file; check the --config path"
    )


@pytest.mark.parametrize(
    ("layout", "given", "expected"),
    [
        (["articles/framing.toml", "articles/a.txt"], ["articles"], "articles/framing.toml"),
        (["articles/framing.toml", "articles/a.txt"], ["articles/a.txt"], "articles/framing.toml"),
        (["articles/a.txt", "framing.toml"], ["articles"], None),
        (["one/a.txt", "two/framing.toml"], ["one", "two"], None),
        (["one/a.txt", "one/sub/framing.toml"], ["one"], None),
        (["one/a.txt"], [], None),
    ],
)
def test_find_discovers_framing_toml_beside_the_first_articles(
    tmp_path: Path, layout: list[str], given: list[str], expected: str | None
) -> None:
    for name in layout:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    found = config.find([tmp_path / g for g in given], None)
    assert found == (tmp_path / expected if expected else None)


def test_control_characters_in_config_strings_are_read_as_spaces() -> None:
    text = (
        '[story]\ntitle = "Dock\\u0000 strike"\n'
        '[sides]\n"labour\\u001b[31m" = "the union\\u0007\\nand its\\u009b members"\n'
        '[[actors]]\nname = "Pat\\u001b[2J Quinn\\u0085"\nside = "labour\\u001b[31m"\n'
        'aliases = ["Quinn\\u007f", "P.\\u0008Q."]\n'
        '[documents.gazette_01]\noutlet = "Harbour\\u0001 Gazette\\u009c"\n'
    )
    story = config.parse(text, path="story/framing.toml")
    assert story.title == "Dock strike"
    assert story.sides == (("labour [31m", "the union and its members"),)
    assert story.actors == (
        config.Actor("Pat [2J Quinn", "labour [31m", "organisation", ("Quinn", "P. Q.")),
    )
    assert story.meta_for("gazette_01") == Meta(outlet="Harbour Gazette")
