"""Finding members by nickname, for pickers such as the report page's autocomplete."""

from sqlalchemy import exists, select

from mungmo.member.models import Block, Member
from mungmo.member.schemas import MemberSuggestionRead
from mungmo.member.service.context import Members
from mungmo.member.service.queries import photo_urls
from mungmo.platform.auth import Actor


async def search_members(
    members: Members, actor: Actor, nickname_prefix: str, limit: int
) -> list[MemberSuggestionRead]:
    """Onboarded, visible members whose nickname starts with the prefix, by nickname.

    The caller, deleted and banned members and anyone blocked either way are left out:
    a blocked member is not told, so they cannot find the blocker here either."""
    members.nickname_searches.hit(str(actor.member_id))
    prefix = nickname_prefix.strip()
    if not prefix:
        return []
    blocked_by_me = exists().where(
        Block.blocker_id == actor.member_id, Block.blocked_id == Member.id
    )
    blocked_me = exists().where(Block.blocker_id == Member.id, Block.blocked_id == actor.member_id)
    statement = (
        select(Member.id, Member.nickname, Member.photo_media_id)
        .where(
            Member.nickname.startswith(prefix, autoescape=True),
            Member.onboarding_status == "completed",
            Member.deleted_at.is_(None),
            Member.banned_at.is_(None),
            Member.id != actor.member_id,
            ~blocked_by_me,
            ~blocked_me,
        )
        .order_by(Member.nickname, Member.id)
        .limit(limit)
    )
    async with members.uow() as uow:
        rows = (await uow.session.execute(statement)).all()
    return [
        MemberSuggestionRead(
            id=member_id, nickname=nickname, photo_thumbnail_url=photo_urls(photo)[1]
        )
        for member_id, nickname, photo in rows
    ]
