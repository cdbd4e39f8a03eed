"""IIIF Presentation 2 and 3: every real manifest in the shared data, and collections followed
to their manifests from a server on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

from glamwiki.intake.base import Issue, Read
from glamwiki.intake.stream import read_source
from glamwiki.model.records import FORM_2D, FORM_MOVING_IMAGE, FORM_SOUND, IMAGE_IIIF, ObjectRecord

from ..localserver import serve

JSON = {"Content-Type": "application/json"}


def read(path: Path | str, **options: object) -> tuple[list[ObjectRecord], list[Issue]]:
    items = list(read_source(str(path), reader="iiif", options=dict(options)))
    return [i.record for i in items if isinstance(i, Read)], [i for i in items if isinstance(i, Issue)]  # type: ignore[misc]


def test_every_real_manifest_reads(shared_data: Path) -> None:
    files = sorted((shared_data / "iiif").glob("*/*.json"))
    manifests = [f for f in files if json.loads(f.read_text()).get("@type", json.loads(f.read_text()).get("type"))
                 in ("sc:Manifest", "Manifest")]  # fmt: skip
    assert len(manifests) >= 30
    for path in manifests:
        (obj,), issues = read(path, offline=True)
        assert obj.id.startswith(("http", "info:")), path.name
        assert not [i for i in issues if i.severity == "error"], path.name


def test_not_a_manifest_is_said_plainly(shared_data: Path) -> None:
    objs, (issue,) = read(shared_data / "iiif" / "version-3" / "svg-annotations.json")
    assert objs == [] and "AnnotationPage, not a manifest or collection" in issue.message


def test_v2_manifest_fields(shared_data: Path) -> None:
    (obj,), _ = read(shared_data / "iiif" / "version-2" / "299843.json")
    assert obj.title == "Self-Portrait Dedicated to Paul Gauguin"
    assert obj.accession_number == "1951.65" and obj.medium == "Oil on canvas" and obj.form == FORM_2D
    assert obj.date.earliest_year == obj.date.latest_year == 1888
    (gogh,) = obj.creators
    assert (gogh.name, gogh.role, gogh.nationality, gogh.death.latest_year) == (
        "Vincent van Gogh",
        "artist",
        "Dutch",
        1890,
    )
    assert obj.credit_line and obj.credit_line.startswith("Harvard Art Museums/Fogg Museum")
    assert len(obj.images) == 6 and all(i.kind == IMAGE_IIIF for i in obj.images)
    (euro,), _ = read(shared_data / "iiif" / "version-2" / "BibliographicResource_3000126341277.json")
    assert euro.rights_statement == "http://creativecommons.org/publicdomain/mark/1.0/"
    assert euro.date.earliest == "1909-11-26"


def test_v3_manifests_language_maps_and_media(shared_data: Path) -> None:
    (bod,), _ = read(shared_data / "iiif" / "version-3" / "001.json")
    assert bod.title.startswith("Bodleian Library")
    assert bod.credit_line  # requiredStatement
    assert bod.images and bod.images[0].kind == IMAGE_IIIF and not bod.images[0].location.endswith("/")
    (audio,), _ = read(shared_data / "iiif" / "version-3" / "0002-mvm-audio.json")
    assert audio.form == FORM_SOUND and audio.images == []
    (video,), _ = read(shared_data / "iiif" / "version-3" / "video_with_annotation_captions.json")
    assert video.form == FORM_MOVING_IMAGE


def test_a_collection_is_followed_over_http(shared_data: Path) -> None:
    v2, v3 = shared_data / "iiif" / "version-2", shared_data / "iiif" / "version-3"
    docs: dict[str, dict] = {}  # type: ignore[type-arg]

    with serve(lambda path, q: (200, JSON, json.dumps(docs[path]).encode()) if path in docs
               else (404, {}, b"")) as (base, requests):  # fmt: skip
        chosen = {"/m/1": v2 / "299843.json", "/m/2": v3 / "001.json", "/m/3": v2 / "sn904cj3429.json"}
        for path, file in chosen.items():
            docs[path] = json.loads(file.read_text())
        collection = json.loads((v2 / "collection.json").read_text())
        collection["manifests"] = [{"@id": f"{base}{p}", "@type": "sc:Manifest"} for p in chosen]
        collection["manifests"].append({"@id": f"{base}/m/missing", "@type": "sc:Manifest"})
        docs["/c/child"] = collection
        parent = json.loads((v2 / "parentCollection.json").read_text())
        parent["collections"] = [{"@id": f"{base}/c/child", "@type": "sc:Collection"}] * 2  # listed twice
        docs["/c/parent"] = parent
        objs, issues = read(f"{base}/c/parent")
    assert len(objs) == 3  # each manifest once, though its collection is listed twice
    assert "Self-Portrait Dedicated to Paul Gauguin" in {o.title for o in objs}
    (missing,) = issues
    assert "HTTP 404" in missing.message and missing.severity == "error"
    paths = [path for path, _, _ in requests]
    assert paths.count("/c/child") == paths.count("/m/1") == paths.count("/m/missing") == 1


def test_a_local_collection_reads_manifests_beside_it(tmp_path: Path, shared_data: Path) -> None:
    v2 = shared_data / "iiif" / "version-2"
    for name in ("299843.json", "Osbornfa1.json"):
        (tmp_path / name).write_bytes((v2 / name).read_bytes())
    members = [{"@id": "299843.json"}, {"@id": "Osbornfa1.json"}, {"@id": "https://example.org/elsewhere.json"}]
    collection = {"@id": "local", "@type": "sc:Collection", "label": "ours", "manifests": members}
    (tmp_path / "collection.json").write_text(json.dumps(collection))
    objs, issues = read(tmp_path / "collection.json", offline=True)
    assert len(objs) == 2
    (note,) = issues
    assert note.severity == "warning" and "1 member(s) at remote addresses were not fetched" in note.message


def test_cli_ingests_a_manifest_folder_offline(tmp_path: Path, shared_data: Path) -> None:
    from click.testing import CliRunner

    from glamwiki.cli import cli

    runner = CliRunner()
    assert runner.invoke(cli, ["init", str(tmp_path / "p")]).exit_code == 0
    env = {"GLAMWIKI_PROJECT": str(tmp_path / "p")}
    result = runner.invoke(
        cli, ["ingest", str(shared_data / "iiif" / "version-3"), "--profile", "iiif", "--offline", "--json"], env=env
    )
    assert result.exit_code == 3, result.output  # the AnnotationPage in the folder is not a manifest
    summary = json.loads(result.output)
    # and fallback-image.json repeats 0001-mvm-image.json's manifest id: reported, not overwritten (issue 18)
    assert summary["objects"] == 11 and summary["errors"] == 2
