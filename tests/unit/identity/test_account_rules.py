import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from mungmo.identity.adapters import TokenSigner
from mungmo.identity.models import Account
from mungmo.platform.auth import StaticJwks, TokenVerifier

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def _account(**values: object) -> Account:
    defaults: dict[str, object] = {
        "id": uuid.uuid4(),
        "email": "bori@example.com",
        "nickname": "Bori",
        "nickname_key": "bori",
        "password_hash": "$argon2id$...",
        "status": "active",
        "created_at": NOW,
    }
    return Account(**{**defaults, **values})


def test_the_first_nickname_change_is_free_then_the_cooldown_runs() -> None:
    account = _account()
    assert account.nickname_change_allowed_at(timedelta(days=30)) is None
    account.nickname_changed_at = NOW
    assert account.nickname_change_allowed_at(timedelta(days=30)) == NOW + timedelta(days=30)


def test_erasing_leaves_a_tombstone_that_frees_the_nickname() -> None:
    account = _account(onboarded_at=NOW, nickname_changed_at=NOW)
    account.erase(NOW)
    assert account.status == "deleted" and account.deleted_at == NOW
    assert account.email == f"deleted+{account.id.hex}@invalid"
    assert account.nickname == "" and account.nickname_key is None
    assert account.password_hash is None and not account.has_password
    assert account.onboarded_at is None and not account.is_active


async def test_access_tokens_carry_onb_only_for_onboarded_members(tmp_path: Path) -> None:
    signer = TokenSigner.from_file(tmp_path / "key.pem", issuer="mungmo", audience="mungmo")
    verifier = TokenVerifier(StaticJwks(signer.jwks), issuer="mungmo", audience="mungmo")
    common = {
        "account_id": uuid.uuid4(),
        "session_id": uuid.uuid4(),
        "roles": ["member"],
        "now": datetime.now(UTC),
        "ttl": timedelta(minutes=5),
    }
    assert not (await verifier.verify(signer.issue(**common))).onboarded  # type: ignore[arg-type]
    onboarded = signer.issue(**common, onboarded=True)  # type: ignore[arg-type]
    assert (await verifier.verify(onboarded)).onboarded


def test_derived_secrets_differ_by_purpose_and_follow_the_key(tmp_path: Path) -> None:
    signer = TokenSigner.from_file(tmp_path / "key.pem", issuer="mungmo", audience="mungmo")
    again = TokenSigner.from_file(tmp_path / "key.pem", issuer="mungmo", audience="mungmo")
    other = TokenSigner.from_file(tmp_path / "other.pem", issuer="mungmo", audience="mungmo")
    assert signer.derived_secret("a") == again.derived_secret("a")
    assert signer.derived_secret("a") != signer.derived_secret("b")
    assert signer.derived_secret("a") != other.derived_secret("a")
