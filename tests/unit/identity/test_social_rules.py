import json
import time
import uuid

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from mungmo.identity.adapters.oauth import kakao_profile, naver_profile
from mungmo.identity.adapters.oidc import IdTokenInvalid, google_profile, verify_id_token
from mungmo.identity.adapters.signed import LinkTicket, OAuthState, SignedValues
from mungmo.identity.errors import OAuthFailed
from mungmo.identity.schemas import NicknameUpdate
from mungmo.identity.service.linking import mask_email
from mungmo.identity.service.social import nickname_candidates, safe_next_path


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (None, "/"),
        ("", "/"),
        ("/meetups?day=3", "/meetups?day=3"),
        ("https://evil.example/", "/"),
        ("//evil.example/path", "/"),
        ("/\\evil.example", "/"),
        ("/ok\r\nSet-Cookie: x", "/"),
        ("relative/path", "/"),
    ],
)
def test_next_path_stays_on_the_site(given: str | None, expected: str) -> None:
    assert safe_next_path(given) == expected


@pytest.mark.parametrize(
    ("provider_name", "base"),
    [
        ("보리 아빠!", "보리아빠"),
        ("Gil-Dong Hong", "GilDongHong"),
        ("<script>alert(1)</script>", "scriptalert1script"[:16]),
        ("", "멍모회원"),
        (None, "멍모회원"),
        ("😀😀", "멍모회원"),
        ("가" * 30, "가" * 16),
    ],
)
def test_nickname_candidates_follow_the_sign_up_rules(provider_name: str | None, base: str) -> None:
    candidates = nickname_candidates(provider_name)
    assert candidates[0] == base
    for candidate in candidates:
        NicknameUpdate(nickname=candidate)  # the same validation as sign-up
        assert candidate.startswith(base)
    assert len(set(candidates[1:])) > 1  # suffixed variants differ


def test_a_one_letter_name_only_comes_with_digits() -> None:
    candidates = nickname_candidates("Z")
    assert all(len(c) == 5 and c.startswith("Z") for c in candidates)


def test_masked_email_shows_only_a_hint() -> None:
    assert mask_email("bori.owner@example.com") == "b***@example.com"


def test_kakao_vouches_only_for_verified_and_valid_addresses() -> None:
    def account(**flags: object) -> dict[str, object]:
        return {
            "id": 4242,
            "kakao_account": {"email": "a@kakao.com", "profile": {"nickname": "보리"}, **flags},
        }

    good = kakao_profile(account(is_email_verified=True, is_email_valid=True))
    assert (good.subject, good.email, good.email_verified, good.nickname) == (
        "4242",
        "a@kakao.com",
        True,
        "보리",
    )
    assert not kakao_profile(account(is_email_verified=True, is_email_valid=False)).email_verified
    assert not kakao_profile(account(is_email_verified=False, is_email_valid=True)).email_verified
    bare = kakao_profile({"id": 7})
    assert (bare.email, bare.email_verified, bare.nickname) == (None, False, None)
    with pytest.raises(OAuthFailed):
        kakao_profile({"kakao_account": {}})


def test_naver_vouches_only_for_its_own_mailboxes() -> None:
    def me(email: str) -> dict[str, object]:
        return {
            "resultcode": "00",
            "message": "success",
            "response": {"id": "n-1", "email": email, "nickname": "보리"},
        }

    assert naver_profile(me("someone@naver.com")).email_verified
    assert naver_profile(me("someone@NAVER.COM")).email_verified
    assert not naver_profile(me("someone@gmail.com")).email_verified
    assert not naver_profile(me("someone@naver.com.evil.example")).email_verified
    with pytest.raises(OAuthFailed):
        naver_profile({"resultcode": "024", "message": "Authentication failed"})


def test_google_email_verified_must_be_true() -> None:
    assert google_profile(
        {"sub": "1", "email": "a@gmail.com", "email_verified": True}
    ).email_verified
    assert google_profile({"sub": "1", "email": "a@x.kr", "email_verified": "true"}).email_verified
    assert not google_profile(
        {"sub": "1", "email": "a@x.kr", "email_verified": False}
    ).email_verified
    assert not google_profile({"sub": "1", "email": "a@x.kr"}).email_verified
    assert not google_profile({"sub": "1", "email_verified": True}).email_verified


class _Issuer:
    def __init__(self, key: object, alg: str) -> None:
        self.key, self.alg, self.kid = key, alg, uuid.uuid4().hex
        algorithm = jwt.get_algorithm_by_name(alg)
        public = json.loads(algorithm.to_jwk(key.public_key()))  # type: ignore[attr-defined]
        self.keys = jwt.PyJWKSet.from_dict({"keys": [{**public, "kid": self.kid, "alg": alg}]})

    def token(self, **overrides: object) -> str:
        now = int(time.time())
        claims = {
            "iss": "https://id.example",
            "aud": "client-1",
            "sub": "person-1",
            "iat": now,
            "exp": now + 300,
            "nonce": "n-1",
            **overrides,
        }
        return jwt.encode(
            {k: v for k, v in claims.items() if v is not None},
            self.key,  # type: ignore[arg-type]
            algorithm=self.alg,
            headers={"kid": self.kid},
        )

    def verify(self, token: str, nonce: str | None = "n-1") -> dict[str, object]:
        return verify_id_token(
            token, self.keys, issuer="https://id.example", client_id="client-1", nonce=nonce
        )


@pytest.fixture(scope="module")
def rsa_issuer() -> _Issuer:
    return _Issuer(rsa.generate_private_key(public_exponent=65537, key_size=2048), "RS256")


def test_a_good_id_token_passes_with_rs256_and_es256(rsa_issuer: _Issuer) -> None:
    assert rsa_issuer.verify(rsa_issuer.token())["sub"] == "person-1"
    ec_issuer = _Issuer(ec.generate_private_key(ec.SECP256R1()), "ES256")
    assert ec_issuer.verify(ec_issuer.token())["sub"] == "person-1"


@pytest.mark.parametrize(
    "overrides",
    [
        {"nonce": "another-login"},
        {"nonce": None},
        {"aud": "someone-else"},
        {"iss": "https://evil.example"},
        {"exp": int(time.time()) - 3600},
        {"sub": None},
        {"aud": ["client-1", "other"], "azp": "other"},
    ],
)
def test_id_tokens_with_wrong_claims_are_refused(
    rsa_issuer: _Issuer, overrides: dict[str, object]
) -> None:
    with pytest.raises(IdTokenInvalid):
        rsa_issuer.verify(rsa_issuer.token(**overrides))


def test_id_tokens_signed_otherwise_are_refused(rsa_issuer: _Issuer) -> None:
    stranger = _Issuer(rsa.generate_private_key(public_exponent=65537, key_size=2048), "RS256")
    stranger.kid = rsa_issuer.kid
    with pytest.raises(IdTokenInvalid):
        rsa_issuer.verify(stranger.token())
    hs = jwt.encode({"sub": "x"}, "client-1-secret-but-long-enough-for-hs", algorithm="HS256")
    with pytest.raises(IdTokenInvalid):
        rsa_issuer.verify(hs)
    unsigned = jwt.encode({"sub": "x"}, None, algorithm="none")
    with pytest.raises(IdTokenInvalid):
        rsa_issuer.verify(unsigned)
    with pytest.raises(IdTokenInvalid):
        rsa_issuer.verify("not-a-token")


def test_signed_values_round_trip_and_refuse_forgery_and_age() -> None:
    values = SignedValues(b"k" * 32)
    state = OAuthState(provider="kakao", state="s", code_verifier="v", nonce=None, next="/")
    raw = values.dump_state(state)
    assert values.load_state(raw, max_age_seconds=60) == state
    assert values.load_state(raw[:-2] + "xx", max_age_seconds=60) is None
    assert values.load_state(raw, max_age_seconds=-1) is None  # expired
    assert SignedValues(b"o" * 32).load_state(raw, max_age_seconds=60) is None
    # A state cookie is not a link ticket (different salt).
    assert values.load_ticket(raw, max_age_seconds=60) is None
    ticket = LinkTicket(
        account_id=uuid.uuid4(), provider="naver", subject="1", email="a@b.kr", next="/"
    )
    assert values.load_ticket(values.dump_ticket(ticket), max_age_seconds=60) == ticket
