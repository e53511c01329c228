"""The moderation events are registered contracts on the trust member topic and are in
the event catalogue with their payload schemas."""

from mungmo.contracts.trust import AppealDecided, MemberBanned, ReportFiled, ReportResolved
from mungmo.platform.events.catalogue import asyncapi_document, markdown_catalogue
from mungmo.platform.events.contract import find_contract

EVENTS = (ReportFiled, ReportResolved, MemberBanned, AppealDecided)


def test_moderation_events_are_in_the_catalogue() -> None:
    messages = asyncapi_document()["components"]["messages"]
    markdown = markdown_catalogue()
    for event in EVENTS:
        assert event.topic == "mungmo.trust.member"
        assert find_contract(event.event_type, 1) is event
        message = messages[f"{event.event_type}.v1"]
        payload = message["payload"]["allOf"][1]["properties"]["payload"]
        assert set(event.model_fields) <= set(payload["properties"])
        assert f"`{event.event_type}`" in markdown


def test_report_outcomes_and_types_are_closed_sets() -> None:
    schema = ReportResolved.model_json_schema()["properties"]
    assert set(schema["outcome"]["enum"]) == {"upheld", "dismissed"}
    assert set(schema["report_type"]["enum"]) == {
        "romance",
        "dog",
        "no_show",
        "abuse",
        "spam",
        "other",
    }
