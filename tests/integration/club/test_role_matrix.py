"""Every club action against every role, as one table: the owner-admin (관리자),
a manager (매니저), a member, a member whose request is pending, and an outsider.

Each cell is the HTTP status (and the problem code of a refusal) the action must give.
Each case builds a club of its own, so destructive actions do not disturb the others.
"""

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import httpx
import pytest

from mungmo.contracts.media import MediaUploaded
from mungmo.platform.clock import utc_now
from tests.integration.club.driver import ClubDriver, Person

ROLES = ("owner", "manager", "member", "pending", "outsider")
OK = "ok"
MINE = "club.not_a_member"  # refused: not an active member
ROLE = "club.not_allowed"  # refused: the role does not allow it

# action: expected outcome per role, in ROLES order. An int is the success status;
# a code is a refusal (403); a tuple is (status, code) for other refusals.
MATRIX: dict[str, tuple[Any, ...]] = {
    "edit_club":             (200, 200, ROLE, MINE, MINE),
    "list_pending":          (200, 200, ROLE, MINE, MINE),
    "approve_member":        (200, 200, ROLE, MINE, MINE),
    "decline_member":        (204, 204, ROLE, MINE, MINE),
    "remove_member":         (204, ROLE, ROLE, MINE, MINE),
    "lift_ban":              (204, ROLE, ROLE, MINE, MINE),
    "set_manager":           (200, ROLE, ROLE, MINE, MINE),
    "transfer_ownership":    (204, ROLE, ROLE, MINE, MINE),
    "create_schedule":       (201, 201, ROLE, MINE, MINE),
    "edit_schedule":         (200, 200, ROLE, MINE, MINE),
    "delete_schedule":       (204, 204, ROLE, MINE, MINE),
    "rsvp":                  (200, 200, 200, MINE, MINE),
    "list_members":          (200, 200, 200, MINE, MINE),
    "post_notice":           (201, 201, ROLE, MINE, MINE),
    "pin_notice":            (200, 200, ROLE, MINE, MINE),
    "post_free":             (201, 201, 201, MINE, MINE),
    "read_boards":           (200, 200, 200, MINE, MINE),
    "delete_others_post":    (204, 204, ROLE, MINE, MINE),
    "add_album_photo":       (201, 201, 201, MINE, MINE),
    "delete_others_photo":   (204, 204, ROLE, MINE, MINE),
    "send_chat":             (201, 201, 201, MINE, MINE),
    "read_chat":             (200, 200, 200, MINE, MINE),
    "delete_others_message": (204, 204, ROLE, MINE, MINE),
    "join":                  ((409, "club.already_member"),) * 4 + (200,),
    "leave":                 ((409, "club.owner_cannot_leave"), 204, 204, 204,
                              (404, "club.member_not_found")),
}  # fmt: skip


@dataclass
class Case:
    clubs: ClubDriver
    club_id: str
    people: dict[str, Person]
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def owner(self) -> Person:
        return self.people["owner"]

    def url(self, path: str = "") -> str:
        return f"/api/v1/clubs/{self.club_id}{path}"

    async def member(self) -> Person:
        """Another active member, as the object of an action."""
        person = self.clubs.anyone()
        await self.clubs.join(self.club_id, person)
        approved = await self.clubs.client.post(
            self.url(f"/members/{person.id}/approve"), headers=self.owner.headers
        )
        assert approved.status_code == 200
        return person

    async def made(self, response: httpx.Response) -> Any:
        assert response.status_code in (200, 201), response.text
        return response.json()


Act = Callable[[Case, Person], Awaitable[httpx.Response]]


async def _others_post(case: Case, board: str = "free") -> str:
    author = case.owner if board == "notice" else await case.member()
    post = await case.made(
        await case.clubs.client.post(
            case.url("/posts"),
            json={"board": board, "title": "제목", "body": "본문"},
            headers=author.headers,
        )
    )
    return str(post["id"])


async def _upload(case: Case, person: Person) -> uuid.UUID:
    media_id = uuid.uuid4()
    await case.clubs.publish(
        (
            MediaUploaded(
                media_id=media_id,
                owner_id=person.id,
                kind="image",
                content_type="image/jpeg",
                purpose="club_photo",
                uploaded_at=utc_now(),
            ),
            media_id,
        )
    )
    return media_id


async def _schedule(case: Case) -> str:
    made = await case.clubs.schedule(case.club_id, case.owner, capacity=10)
    return str(made[0]["id"])


async def _others_photo(case: Case) -> str:
    uploader = await case.member()
    media_id = await _upload(case, uploader)
    photo = await case.made(
        await case.clubs.client.post(
            case.url("/photos"), json={"media_id": str(media_id)}, headers=uploader.headers
        )
    )
    return str(photo["id"])


async def _others_message(case: Case) -> str:
    author = await case.member()
    message = await case.made(
        await case.clubs.client.post(
            case.url("/chat/messages"), json={"body": "안녕하세요"}, headers=author.headers
        )
    )
    return str(message["id"])


async def _applicant(case: Case) -> Person:
    person = case.clubs.anyone()
    await case.clubs.join(case.club_id, person)
    return person


async def _banned(case: Case) -> Person:
    person = await case.member()
    removed = await case.clubs.client.post(
        case.url(f"/members/{person.id}/remove"),
        json={"allow_rejoin": False},
        headers=case.owner.headers,
    )
    assert removed.status_code == 204
    return person


def _c(case: Case) -> httpx.AsyncClient:
    return case.clubs.client


async def act(action: str, case: Case, who: Person) -> httpx.Response:
    h = who.headers
    match action:
        case "edit_club":
            return await _c(case).patch(case.url(), json={"title": "새 이름"}, headers=h)
        case "list_pending":
            return await _c(case).get(case.url("/members"), params={"pending": "true"}, headers=h)
        case "approve_member":
            person = await _applicant(case)
            return await _c(case).post(case.url(f"/members/{person.id}/approve"), headers=h)
        case "decline_member":
            person = await _applicant(case)
            return await _c(case).post(case.url(f"/members/{person.id}/decline"), headers=h)
        case "remove_member":
            person = await case.member()
            return await _c(case).post(
                case.url(f"/members/{person.id}/remove"), json={"allow_rejoin": True}, headers=h
            )
        case "lift_ban":
            person = await _banned(case)
            return await _c(case).delete(case.url(f"/bans/{person.id}"), headers=h)
        case "set_manager":
            person = await case.member()
            return await _c(case).put(
                case.url(f"/members/{person.id}/role"), json={"role": "manager"}, headers=h
            )
        case "transfer_ownership":
            person = await case.member()
            return await _c(case).post(
                case.url("/transfer"), json={"member_id": str(person.id)}, headers=h
            )
        case "create_schedule":
            starts = (utc_now() + timedelta(days=5)).isoformat()
            return await _c(case).post(
                case.url("/schedules"),
                json={"title": "산책", "starts_at": starts, "place_name": "공원"},
                headers=h,
            )
        case "edit_schedule":
            schedule = await _schedule(case)
            return await _c(case).patch(
                case.url(f"/schedules/{schedule}"), json={"place_name": "서울숲"}, headers=h
            )
        case "delete_schedule":
            schedule = await _schedule(case)
            return await _c(case).delete(case.url(f"/schedules/{schedule}"), headers=h)
        case "rsvp":
            schedule = await _schedule(case)
            return await _c(case).put(case.url(f"/schedules/{schedule}/rsvp"), headers=h)
        case "list_members":
            return await _c(case).get(case.url("/members"), headers=h)
        case "post_notice" | "post_free":
            board = action.removeprefix("post_")
            return await _c(case).post(
                case.url("/posts"), json={"board": board, "title": "글", "body": "내용"}, headers=h
            )
        case "pin_notice":
            post = await _others_post(case, "notice")
            return await _c(case).put(
                case.url(f"/posts/{post}/pin"), json={"pinned": True}, headers=h
            )
        case "read_boards":
            return await _c(case).get(case.url("/posts"), params={"board": "notice"}, headers=h)
        case "delete_others_post":
            post = await _others_post(case)
            return await _c(case).delete(case.url(f"/posts/{post}"), headers=h)
        case "add_album_photo":
            media_id = await _upload(case, who)
            return await _c(case).post(
                case.url("/photos"), json={"media_id": str(media_id)}, headers=h
            )
        case "delete_others_photo":
            photo = await _others_photo(case)
            return await _c(case).delete(case.url(f"/photos/{photo}"), headers=h)
        case "send_chat":
            return await _c(case).post(case.url("/chat/messages"), json={"body": "hi"}, headers=h)
        case "read_chat":
            return await _c(case).get(case.url("/chat/messages"), headers=h)
        case "delete_others_message":
            message = await _others_message(case)
            return await _c(case).delete(case.url(f"/chat/messages/{message}"), headers=h)
        case "join":
            return await _c(case).post(case.url("/join"), headers=h)
        case "leave":
            return await _c(case).post(case.url("/leave"), headers=h)
    raise AssertionError(f"no such action {action}")


@pytest.fixture(scope="module")
async def owner(clubs: ClubDriver) -> Person:
    (person,) = await clubs.people("매트릭스관리자")
    return person


async def _case(clubs: ClubDriver, owner: Person) -> Case:
    club = await clubs.create_club(owner, join_mode="approval", title="권한 표 모임")
    case = Case(clubs, club["id"], {"owner": owner})
    manager = await case.member()
    promoted = await clubs.client.put(
        case.url(f"/members/{manager.id}/role"), json={"role": "manager"}, headers=owner.headers
    )
    assert promoted.status_code == 200
    case.people["manager"] = manager
    case.people["member"] = await case.member()
    case.people["pending"] = await _applicant(case)
    case.people["outsider"] = clubs.anyone()
    return case


def test_the_matrix_lists_every_action_for_every_role() -> None:
    from mungmo.club.domain import Action

    assert all(len(row) == len(ROLES) for row in MATRIX.values())
    # Every permission of the domain's table has at least one row here.
    covered = {
        Action.EDIT_CLUB: "edit_club", Action.APPROVE_MEMBER: "approve_member",
        Action.REMOVE_MEMBER: "remove_member", Action.LIFT_BAN: "lift_ban",
        Action.SET_MANAGER: "set_manager", Action.TRANSFER_OWNERSHIP: "transfer_ownership",
        Action.MANAGE_SCHEDULE: "create_schedule", Action.RSVP: "rsvp",
        Action.READ_CONTENT: "read_boards", Action.POST_NOTICE: "post_notice",
        Action.PIN_NOTICE: "pin_notice", Action.POST_FREE: "post_free",
        Action.UPLOAD_PHOTO: "add_album_photo", Action.DELETE_OTHERS_CONTENT: "delete_others_post",
        Action.CHAT: "send_chat",
    }  # fmt: skip
    assert set(covered) == set(Action)
    assert set(covered.values()) <= set(MATRIX)


@pytest.mark.parametrize(
    ("action", "role"), [(a, r) for a in MATRIX for r in ROLES], ids=lambda v: str(v)
)
async def test_role_matrix(clubs: ClubDriver, owner: Person, action: str, role: str) -> None:
    expected = MATRIX[action][ROLES.index(role)]
    case = await _case(clubs, owner)
    response = await act(action, case, case.people[role])
    if isinstance(expected, int):
        assert response.status_code == expected, response.text
    elif isinstance(expected, tuple):
        assert (response.status_code, response.json()["code"]) == expected
    else:
        assert (response.status_code, response.json()["code"]) == (403, expected)
