"""A flood of tokens with unknown key ids cannot make a service hammer identity's JWKS."""

import asyncio
import json
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import jwt
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from mungmo.platform.auth import ALGORITHM, HttpJwks, TokenVerifier
from mungmo.platform.errors import Unauthenticated

MIN_REFRESH_SECONDS = 30.0


@dataclass
class SigningKey:
    kid: str = field(default_factory=lambda: uuid.uuid4().hex)
    private: Ed25519PrivateKey = field(default_factory=Ed25519PrivateKey.generate)

    def jwk(self) -> dict[str, Any]:
        public: dict[str, Any] = json.loads(
            jwt.algorithms.OKPAlgorithm.to_jwk(self.private.public_key())
        )
        return {**public, "kid": self.kid, "alg": ALGORITHM, "use": "sig"}

    def token(self, *, kid: str | None = None) -> str:
        now = int(time.time())
        claims = {
            "sub": str(uuid.uuid4()),
            "sid": uuid.uuid4().hex,
            "iat": now,
            "exp": now + 600,
            "iss": "mungmo",
            "aud": "mungmo",
        }
        return jwt.encode(
            claims, self.private, algorithm=ALGORITHM, headers={"kid": kid or self.kid}
        )


@dataclass
class JwksServer:
    keys: list[SigningKey]
    fetches: int = 0
    url: str = ""
    # Answer 503, as an identity service that is down behind its proxy would.
    failing: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def document(self) -> bytes:
        with self._lock:
            self.fetches += 1
            return json.dumps({"keys": [key.jwk() for key in self.keys]}).encode()


@contextmanager
def jwks_server(keys: list[SigningKey]) -> Iterator[JwksServer]:
    served = JwksServer(keys=keys)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = served.document()
            if served.failing:
                self.send_response(503)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    served.url = f"http://127.0.0.1:{server.server_address[1]}/.well-known/jwks.json"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield served
    finally:
        server.shutdown()
        server.server_close()


class ManualClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def _refused(verifier: TokenVerifier, token: str) -> bool:
    try:
        await verifier.verify(token)
    except Unauthenticated:
        return True
    return False


async def test_unknown_key_ids_refetch_at_most_once_per_interval() -> None:
    current = SigningKey()
    clock = ManualClock()
    with jwks_server([current]) as server:
        source = HttpJwks(server.url, min_refresh_seconds=MIN_REFRESH_SECONDS, now=clock)
        verifier = TokenVerifier(source, issuer="mungmo", audience="mungmo")
        await verifier.verify(current.token())
        assert server.fetches == 1

        flood = [current.token(kid=uuid.uuid4().hex) for _ in range(40)]
        refused = await asyncio.gather(*(_refused(verifier, token) for token in flood))
        assert all(refused)
        assert server.fetches == 1

        clock.now += MIN_REFRESH_SECONDS / 2
        assert await _refused(verifier, current.token(kid=uuid.uuid4().hex))
        assert server.fetches == 1

        # After the interval an unknown kid may fetch again: a real rotation is picked up.
        rotated = SigningKey()
        server.keys.append(rotated)
        clock.now += MIN_REFRESH_SECONDS
        actor = await verifier.verify(rotated.token())
        assert actor.session_id
        assert server.fetches == 2
        again = await asyncio.gather(
            *(_refused(verifier, current.token(kid=uuid.uuid4().hex)) for _ in range(20))
        )
        assert all(again)
        assert server.fetches == 2


async def test_a_known_key_never_triggers_a_fetch_within_the_cache_lifetime() -> None:
    key = SigningKey()
    with jwks_server([key]) as server:
        verifier = TokenVerifier(HttpJwks(server.url), issuer="mungmo", audience="mungmo")
        for _ in range(10):
            await verifier.verify(key.token())
        assert server.fetches == 1


async def test_concurrent_first_requests_share_one_fetch() -> None:
    key = SigningKey()
    with jwks_server([key]) as server:
        verifier = TokenVerifier(HttpJwks(server.url), issuer="mungmo", audience="mungmo")
        await asyncio.gather(*(verifier.verify(key.token()) for _ in range(25)))
        assert server.fetches == 1


async def test_keys_already_fetched_keep_working_while_identity_is_down() -> None:
    key = SigningKey()
    clock = ManualClock()
    with jwks_server([key]) as server:
        source = HttpJwks(server.url, ttl_seconds=300, min_refresh_seconds=30, now=clock)
        verifier = TokenVerifier(source, issuer="mungmo", audience="mungmo")
        await verifier.verify(key.token())
        # Identity fails and the cache has expired: the known key still verifies, and
        # identity is asked again only after the refresh interval, not per request.
        server.failing = True
        clock.now += 301
        for _ in range(5):
            assert (await verifier.verify(key.token())).session_id
        assert server.fetches == 2
        server.failing = False
        clock.now += 10
        await verifier.verify(key.token())
        assert server.fetches == 2
        clock.now += 25
        await verifier.verify(key.token())
        assert server.fetches == 3


async def test_without_any_keys_an_unreachable_identity_is_an_error() -> None:
    with jwks_server([]) as server:
        url = server.url
    source = HttpJwks(url)
    try:
        await source.keys()
    except httpx.HTTPError:
        return
    raise AssertionError("an unreachable key set without a cache must not pass")
