"""Meetup review posts arrive as MeetupReviewPostWritten and are filed under 번개후기 as
the event's post id, once, however often the event is delivered."""

import uuid

from mungmo.contracts.meetup import MeetupReviewPostWritten
from mungmo.platform.clock import utc_now
from tests.support.board_app import BoardDriver
from tests.support.foreign_events import publish_event
from tests.support.polling import eventually


async def test_a_review_post_lands_in_meetup_reviews_once(board: BoardDriver) -> None:
    author, reader = await board.member(), await board.member()
    photo = await board.upload(author)
    foreign = await board.upload(reader)  # not the author's: left out
    post_id, meetup_id = uuid.uuid4(), uuid.uuid4()
    event = MeetupReviewPostWritten(
        post_id=post_id,
        meetup_id=meetup_id,
        author_id=author.id,
        title="한강 번개 후기",
        content="<script>x</script> 즐거웠어요",
        media_ids=[photo, foreign],
        region_code="1111051500",
        meetup_title="한강 산책 번개",
        meetup_starts_at=utc_now(),
        written_at=utc_now(),
    )
    sent = await board.publish(event, key=meetup_id)
    # The same envelope again (a redelivery) and a new one for the same post.
    await publish_event(
        board.app.runtime.transport, event, key=meetup_id,
        topic_prefix=board.topic_prefix, event_id=sent,
    )  # fmt: skip
    await board.publish(event, key=meetup_id)

    read = await board.get(reader, f"/posts/{post_id}")
    assert (read["category"], read["meetup_id"], read["title"]) == (
        "meetup_review",
        str(meetup_id),
        "한강 번개 후기",
    )
    assert "<script>" not in read["content_html"]
    assert [m["id"] for m in read["media"]] == [str(photo)]
    assert read["author"]["nickname"] == author.nickname

    async def reviews() -> list[str]:
        page = await board.get(reader, "/posts", category="meetup_review", limit=100)
        return [item["id"] for item in page["items"]]

    assert (await eventually(reviews)).count(str(post_id)) == 1
