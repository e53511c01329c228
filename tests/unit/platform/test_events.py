import uuid
from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from mungmo.contracts.identity import AccountRegistered
from mungmo.platform.events.catalogue import asyncapi_document, markdown_catalogue
from mungmo.platform.events.contract import Event, contract, find_contract
from mungmo.platform.events.envelope import Envelope, UnknownContract


def _envelope(payload: dict[str, object], *, version: int = 1) -> Envelope:
    return Envelope(
        id=uuid.uuid4(),
        type="identity.AccountRegistered",
        version=version,
        source="identity",
        key="k",
        time=datetime.now(UTC),
        payload=payload,
    )


def test_contract_names_its_topic_and_type() -> None:
    assert AccountRegistered.topic == "mungmo.identity.account"
    assert AccountRegistered.event_type == "identity.AccountRegistered"
    assert find_contract("identity.AccountRegistered", 1) is AccountRegistered


def test_envelope_round_trips_and_opens_against_its_contract() -> None:
    account_id = uuid.uuid4()
    envelope = _envelope(
        {"account_id": str(account_id), "nickname": "보리", "registered_at": "2026-11-25T00:00:00Z"}
    )
    again = Envelope.from_bytes(envelope.to_bytes())
    assert again == envelope
    event = again.open()
    assert isinstance(event, AccountRegistered)
    assert event.account_id == account_id


def test_new_optional_fields_are_ignored_by_old_consumers() -> None:
    envelope = _envelope(
        {
            "account_id": str(uuid.uuid4()),
            "nickname": "보리",
            "registered_at": "2026-11-25T00:00:00Z",
            "added_later": True,
        }
    )
    assert isinstance(envelope.open(), AccountRegistered)


def test_a_payload_breaking_the_contract_is_refused() -> None:
    with pytest.raises(ValidationError):
        _envelope({"account_id": "nope", "nickname": "보리"}).open()


def test_an_unknown_version_is_refused() -> None:
    with pytest.raises(UnknownContract):
        _envelope({}, version=99).open()


def test_registering_the_same_type_and_version_twice_fails() -> None:
    with pytest.raises(ValueError):

        @contract(source="identity", aggregate="account", name="AccountRegistered")
        class Impostor(Event):
            pass


def test_catalogue_lists_every_contract_with_its_payload_schema() -> None:
    document = asyncapi_document(topic_prefix="x.")
    assert document["asyncapi"].startswith("3.")
    channel = document["channels"]["mungmo_identity_account"]
    assert channel["address"] == "x.mungmo.identity.account"
    message = document["components"]["messages"]["identity.AccountRegistered.v1"]
    payload = message["payload"]["allOf"][1]["properties"]["payload"]
    assert set(payload["required"]) == {"account_id", "nickname", "registered_at"}
    assert "`identity.AccountRegistered`" in markdown_catalogue()
