"""The served OpenAPI document is valid JSON for every reader: no object holds a key twice
(Python's parser keeps the last, Swagger UI's refuses the whole document)."""

import json


def _refuse_duplicates(pairs):  # type: ignore[no-untyped-def]
    keys = [key for key, _ in pairs]
    twice = {key for key in keys if keys.count(key) > 1}
    assert not twice, f"keys given twice: {sorted(twice)} in {keys}"
    return dict(pairs)


def test_no_object_in_the_document_holds_a_key_twice(client, practitioner):
    client.force_login(practitioner.user)
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = json.loads(response.content, object_pairs_hook=_refuse_duplicates)
    assert document["openapi"].startswith("3.1")
