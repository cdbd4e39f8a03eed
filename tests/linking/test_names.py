"""GLAM name normalisation: inversion, particles, initials, diacritics, qualifiers, honorifics, couples."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glamwiki.linking.names import couple_members, fold, initial_compatible, name_forms, parse_name


def tokens(name: str) -> tuple[str, ...]:
    return parse_name(name)[0].tokens


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Rijn, Rembrandt van", ("rembrandt", "rijn")),
        ("Attributed to Rembrandt van Rijn", ("rembrandt", "rijn")),
        ("Workshop of Rembrandt van Rijn", ("rembrandt", "rijn")),
        ("After Rembrandt van Rijn", ("rembrandt", "rijn")),
        ("Rembrandt van Rijn and workshop", ("rembrandt", "rijn")),
        ("Sir Anthony Van Dyck", ("anthony", "dyck")),
        ("Moore, Henry, OM, CH", ("henry", "moore")),
        ("Gordon, Sir Harry Percy, 2nd Bt", ("harry", "percy", "gordon")),
        ("Thomas Schütte", ("thomas", "schutte")),
        ("Łukasz Ørsted", ("lukasz", "orsted")),
        ("W. Eugene Smith", ("w", "eugene", "smith")),
        ("Mary Miss", ("mary", "miss")),  # a surname that is also a title stays
        ("Dame Barbara Hepworth", ("barbara", "hepworth")),
    ],
)
def test_forms(written: str, expected: tuple[str, ...]) -> None:
    assert tokens(written) == expected


def test_inverted_and_forward_forms_agree() -> None:
    assert tokens("Baldung, Hans") == tokens("Hans Baldung")
    assert parse_name("Baldung, Hans")[0].surname == "baldung"


def test_pseudonym_in_brackets_is_a_form_of_its_own() -> None:
    forms = parse_name("Gego (Gertrud Goldschmidt)")
    assert [f.tokens for f in forms] == [("gego",), ("gertrud", "goldschmidt")]


def test_dates_in_brackets_are_not_names() -> None:
    assert len(parse_name("Jane Doe (born 1950)")) == 1


def test_all_names_of_a_person_are_forms() -> None:
    forms = name_forms("Hans Baldung", "Baldung, Hans", ["Hans Baldung Grien"])
    assert {f.tokens for f in forms} == {("hans", "baldung"), ("hans", "baldung", "grien")}


def test_couples() -> None:
    assert couple_members("Anne and Patrick Poirier") == ["Anne Poirier", "Patrick Poirier"]
    assert couple_members("Gilbert & George") == ["Gilbert", "George"]
    assert couple_members("Pablo Picasso") == []
    assert parse_name("Anne and Patrick Poirier")[0].tokens == ("anne", "patrick", "poirier")


def test_initials_and_diacritics() -> None:
    assert initial_compatible("w", "william")
    assert not initial_compatible("w", "eugene")
    assert fold("Émile Zola") == "emile zola"


def test_empty_names_have_no_forms() -> None:
    assert parse_name("") == []
    assert name_forms("", None, []) == []


WORD = st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzéüøł"), min_size=2, max_size=9)


@given(st.lists(WORD, min_size=1, max_size=3), WORD)
def test_inversion_gives_the_same_tokens(forenames: list[str], surname: str) -> None:
    forward = parse_name(" ".join([*forenames, surname]).title())
    inverted = parse_name(f"{surname.upper()}, {' '.join(forenames)}")
    if forward and inverted:
        assert sorted(forward[0].tokens) == sorted(inverted[0].tokens)


@given(st.text(max_size=80))
def test_any_text_parses_without_error(text: str) -> None:
    for form in parse_name(text):
        assert form.tokens and form.surname
