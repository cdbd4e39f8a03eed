"""`glamwiki serve` built from settings given as arguments (no click, no CLI context): the project's
stored model is used when a store is given, the address and request limits are the settings'."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from glamwiki.demo import sample_folder
from glamwiki.errors import ConfigError
from glamwiki.linking.fellegi_sunter import FSModel
from glamwiki.linking.serving import ServeSettings, open_service, stored_model
from glamwiki.store import Store
from glamwiki.store.linking import start_run

from .test_serve_hardening import FORM, request

# The bundled Tate sample's artist table (Tate's public collection data, CC0), read with the tate profile.
TATE_ARTISTS = str(sample_folder() / "artist_data.csv")


def test_the_project_model_limits_and_address_come_from_the_arguments(store: Store) -> None:
    model = FSModel(lam=0.125).as_dict()
    start_run(store, "tate", "tate artists", {}, model)
    assert stored_model(store) == json.loads(json.dumps(model))
    settings = ServeSettings(TATE_ARTISTS, profile="tate", port=0, max_body=64, origins=("http://127.0.0.1:9",))
    service, server = open_service(settings, store)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        port = server.server_address[1]
        assert service.model.lam == 0.125 and service.name == "tate" and len(service.by_id) > 100
        status, headers, body = request(port, "GET", "/", headers={"Origin": "http://127.0.0.1:9"})
        assert status == 200 and json.loads(body)["name"] == "glamwiki: tate"
        assert headers["Access-Control-Allow-Origin"] == "http://127.0.0.1:9"
        status, _, body = request(port, "POST", "/", body=b"queries=" + b"x" * 100, headers=FORM)
        assert status == 413 and b"larger than 64 bytes" in body
    finally:
        server.shutdown()
        server.server_close()


def test_without_a_project_the_authority_fits_its_own_priors(store: Store) -> None:
    assert stored_model(store) is None
    service, server = open_service(ServeSettings(TATE_ARTISTS, profile="tate", port=0))
    server.server_close()
    assert service.model.lam == 0.01  # build_service's prior, not a stored run's


def test_live_wikidata_is_refused_as_an_authority(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="authority it can hold"):
        open_service(ServeSettings("wikidata", port=0))
