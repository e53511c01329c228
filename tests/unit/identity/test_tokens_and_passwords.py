import asyncio
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mungmo.identity.adapters import PasswordHashing, TokenSigner
from mungmo.platform.auth import StaticJwks, TokenVerifier
from mungmo.platform.errors import TokenExpired, Unauthenticated


def _signer(tmp_path: Path) -> TokenSigner:
    return TokenSigner.from_file(tmp_path / "key.pem", issuer="mungmo", audience="mungmo")


def test_the_key_is_created_once_private_to_its_owner_and_reloaded(tmp_path: Path) -> None:
    first = _signer(tmp_path)
    assert (tmp_path / "key.pem").stat().st_mode & 0o077 == 0
    assert _signer(tmp_path).kid == first.kid
    (key,) = first.jwks()["keys"]
    assert key["alg"] == "EdDSA" and "d" not in key


async def test_a_verifier_with_only_the_public_keys_accepts_a_fresh_token(tmp_path: Path) -> None:
    signer = _signer(tmp_path)
    account_id = uuid.uuid4()
    token = signer.issue(
        account_id=account_id,
        session_id=uuid.uuid4(),
        roles=["member", "admin"],
        now=datetime.now(UTC),
        ttl=timedelta(minutes=10),
    )
    actor = await TokenVerifier(StaticJwks(signer.jwks), issuer="mungmo", audience="mungmo").verify(
        token
    )
    assert actor.member_id == account_id
    assert actor.is_admin


async def test_expired_wrong_audience_and_other_keys_are_refused(tmp_path: Path) -> None:
    signer = _signer(tmp_path)
    verifier = TokenVerifier(StaticJwks(signer.jwks), issuer="mungmo", audience="mungmo")
    common = {"account_id": uuid.uuid4(), "session_id": uuid.uuid4(), "roles": ["member"]}
    expired = signer.issue(
        **common, now=datetime.now(UTC) - timedelta(hours=1), ttl=timedelta(minutes=5)
    )
    with pytest.raises(TokenExpired):
        await verifier.verify(expired)
    other_audience = TokenSigner.from_file(
        tmp_path / "key.pem", issuer="mungmo", audience="someone-else"
    ).issue(**common, now=datetime.now(UTC), ttl=timedelta(minutes=5))
    with pytest.raises(Unauthenticated):
        await verifier.verify(other_audience)
    stranger = TokenSigner.from_file(tmp_path / "other.pem", issuer="mungmo", audience="mungmo")
    with pytest.raises(Unauthenticated):
        await verifier.verify(
            stranger.issue(**common, now=datetime.now(UTC), ttl=timedelta(minutes=5))
        )
    with pytest.raises(Unauthenticated):
        await verifier.verify("not.a.token")


def test_passwords_are_hashed_with_argon2id_and_verified() -> None:
    hashing = PasswordHashing(time_cost=1, memory_kib=1024, parallelism=1)

    async def scenario() -> None:
        stored = await hashing.hash("correct-horse-9")
        assert stored.startswith("$argon2id$")
        assert await hashing.verify(stored, "correct-horse-9")
        assert not await hashing.verify(stored, "wrong")
        assert not await hashing.verify(None, "anything")  # unknown e-mail: decoy hash
        assert not await hashing.verify("garbage", "anything")

    asyncio.run(scenario())


def test_weaker_stored_parameters_ask_for_a_rehash() -> None:
    weak = PasswordHashing(time_cost=1, memory_kib=1024, parallelism=1)
    strong = PasswordHashing(time_cost=2, memory_kib=2048, parallelism=1)
    stored = asyncio.run(weak.hash("correct-horse-9"))
    assert strong.needs_rehash(stored)
    assert not weak.needs_rehash(stored)
