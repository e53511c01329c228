"""Which access tokens one denial refuses, and which of two denials wins."""

from datetime import UTC, datetime, timedelta

from mungmo.platform.deny_list import Denial

BANNED_AT = datetime(2026, 12, 1, 9, 30, 15, 250_000, tzinfo=UTC)


def test_a_ban_refuses_tokens_issued_until_the_ban_and_accepts_later_ones() -> None:
    ban = Denial(since=BANNED_AT, reason="banned")
    assert ban.refuses(BANNED_AT - timedelta(minutes=9))
    assert ban.refuses(BANNED_AT)
    # iat has whole seconds: a token from the ban's own second counts as before it.
    assert ban.refuses(BANNED_AT.replace(microsecond=0))
    assert not ban.refuses(BANNED_AT + timedelta(seconds=1))


def test_a_deletion_refuses_every_token() -> None:
    deletion = Denial(since=BANNED_AT, reason="deleted")
    assert deletion.refuses(BANNED_AT - timedelta(minutes=1))
    assert deletion.refuses(BANNED_AT + timedelta(minutes=1))


def test_a_deletion_outweighs_a_ban_and_a_later_ban_an_earlier_one() -> None:
    early = Denial(since=BANNED_AT, reason="banned")
    late = Denial(since=BANNED_AT + timedelta(seconds=5), reason="banned")
    deletion = Denial(since=BANNED_AT - timedelta(seconds=5), reason="deleted")
    assert early.stronger(late) == late and late.stronger(early) == late
    assert late.stronger(deletion) == deletion and deletion.stronger(late) == deletion


def test_a_role_change_refuses_tokens_issued_before_it_to_the_millisecond() -> None:
    change = Denial(since=BANNED_AT, reason="roles_changed")
    assert change.refuses(BANNED_AT - timedelta(milliseconds=1))
    assert not change.refuses(BANNED_AT + timedelta(milliseconds=1))


def test_a_ban_outweighs_a_role_change_whichever_comes_first() -> None:
    change = Denial(since=BANNED_AT + timedelta(seconds=5), reason="roles_changed")
    ban = Denial(since=BANNED_AT, reason="banned")
    assert change.stronger(ban) == ban and ban.stronger(change) == ban
