"""The trust and meetup events are in the event catalogue (AsyncAPI and markdown)."""

from mungmo import contracts  # noqa: F401  (registers every contract)
from mungmo.platform.events.catalogue import asyncapi_document, markdown_catalogue

EVENTS = {
    "trust.TrustScoreChanged": "mungmo.trust.member",
    "trust.MemberSuspended": "mungmo.trust.member",
    "trust.SuspensionEnded": "mungmo.trust.member",
    "meetup.MeetupReviewSubmitted": "mungmo.meetup.meetup",
    "meetup.NoShowRecorded": "mungmo.meetup.meetup",
}


def test_the_score_events_are_catalogued_on_their_topics() -> None:
    document = asyncapi_document()
    for event_type, topic in EVENTS.items():
        channel = document["channels"][topic.replace(".", "_")]
        assert channel["address"] == topic
        assert f"{event_type}.v1" in channel["messages"]
        assert f"`{event_type}`" in markdown_catalogue()
    changed = document["components"]["messages"]["trust.TrustScoreChanged.v1"]
    fields = changed["payload"]["allOf"][1]["properties"]["payload"]["properties"]
    assert {"member_id", "score", "version", "cause_kind", "delta", "changed_at"} <= set(fields)
