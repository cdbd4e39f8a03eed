"""The matcher on small hand-made authorities: identifiers decide or veto, namesakes go to
review, conflicting dates count against, EM keeps sensible weights with few true matches."""

from __future__ import annotations

import numpy as np

from glamwiki.linking.entity import Entity, from_person
from glamwiki.linking.features import FEATURES
from glamwiki.linking.fellegi_sunter import FSModel
from glamwiki.linking.matcher import MATCH, NO_MATCH, REVIEW, link
from glamwiki.model.dates import DateInterval
from glamwiki.model.records import Person


def y(v: int | None) -> DateInterval:
    return DateInterval(str(v), f"{v:04d}-01-01", f"{v:04d}-12-31") if v else DateInterval()


def ent(pid: str, name: str, born: int | None = None, died: int | None = None, **ids: str) -> Entity:
    return from_person(Person(id=pid, name=name, birth=y(born), death=y(died), identifiers=ids))


def authority() -> list[Entity]:
    names = [f"{f} {s}" for f in ("Anna", "Bruno", "Carla", "Dieter", "Emil", "Frida", "Gustav", "Hilde")
             for s in ("Abel", "Brandt", "Cerny", "Dorn", "Eckel", "Falk", "Gross", "Hahn")]  # fmt: skip
    people = [ent(f"a{i}", n, 1800 + i, 1870 + i) for i, n in enumerate(names)]
    people += [
        ent("clark1", "Steve Clark", 1943),
        ent("clark2", "Steve Clark", None),
        ent("ulan1", "Jane Roe", ulan="5001"),
    ]
    return people


def test_exact_name_and_dates_match_conflicting_dates_do_not() -> None:
    auth = authority()
    sources = [ent("s1", "Abel, Carla", 1816, 1886), ent("s2", "Carla Abel", 1950, 2000), ent("s3", "Nobody Known")]
    sources += [ent(f"x{i}", e.name, e.birth[0], e.death[0]) for i, e in enumerate(auth[:40])]  # give EM matches
    got = {r.source.id: r for r in link(sources, auth).results}
    assert got["s1"].decision == MATCH and got["s1"].best.entity.id == "a16"
    assert got["s2"].decision != MATCH  # same name, birth 134 years apart
    assert got["s3"].decision == NO_MATCH and got["s3"].authority is None


def test_namesakes_share_probability_and_go_to_review() -> None:
    auth = authority()
    got = link([ent("s", "Steve Clark")], auth).results[0]
    assert got.decision in (REVIEW, NO_MATCH)
    assert got.probability < 0.95 and got.runner_up > 0


def test_identifier_agreement_decides_and_conflict_vetoes() -> None:
    auth = authority()
    agree = link([ent("s", "J. Roe", ulan="5001")], auth).results[0]
    assert agree.decision == MATCH and agree.probability == 1.0 and "agree:ulan" in agree.why
    veto = link([ent("s", "Jane Roe", ulan="9999")], auth).results[0]
    assert veto.decision == NO_MATCH and "conflicting identifier" in veto.why
    ignored = link([ent("s", "Jane Roe", ulan="9999")], auth, use_identifiers=False).results[0]
    assert ignored.best and ignored.best.entity.id == "ulan1"


def test_em_recovers_separated_classes() -> None:
    rng = np.random.default_rng(1)
    n_match, n_non = 500, 5000
    k = len(FEATURES)
    matches = np.zeros((n_match, k), dtype=np.int64)
    non = np.column_stack([rng.integers(3, len(f.levels), n_non) if len(f.levels) > 3 else
                           rng.integers(0, len(f.levels), n_non) for f in FEATURES])  # fmt: skip
    model = FSModel().fit(np.vstack([matches, non]))
    assert abs(model.lam - n_match / (n_match + n_non)) < 0.03
    p = model.probabilities(np.vstack([matches[:5], non[:5]]))
    assert (p[:5] > 0.99).all() and (p[5:] < 0.5).all()
