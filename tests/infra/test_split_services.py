"""Identity and member as separate processes (``mungmo serve``) on MariaDB and Kafka:
the deployment operators run when one machine is no longer enough."""

import uuid
from pathlib import Path

import httpx

from tests.support.builders import PASSWORD, account_body
from tests.support.polling import eventually
from tests.support.processes import serve
from tests.support.stack import KAFKA_BOOTSTRAP, Stack


async def test_account_registered_crosses_processes_over_kafka(tmp_path: Path) -> None:
    stack = Stack(kind="real", data_dir=tmp_path)
    try:
        common = {
            "MUNGMO_EVENTS_TRANSPORT": "kafka",
            "MUNGMO_KAFKA_BOOTSTRAP_SERVERS": KAFKA_BOOTSTRAP,
            "MUNGMO_KAFKA_TOPIC_PREFIX": f"split{uuid.uuid4().hex[:8]}.",
            "MUNGMO_LOG_JSON": "true",
        }
        identity_env = {
            **common,
            "MUNGMO_IDENTITY_DATABASE_URL": stack.database_url("identity"),
            "MUNGMO_IDENTITY_ARGON2_MEMORY_KIB": "1024",
            "MUNGMO_IDENTITY_ARGON2_TIME_COST": "1",
        }
        async with serve("identity", identity_env, tmp_path) as identity_url:
            member_env = {
                **common,
                "MUNGMO_MEMBER_DATABASE_URL": stack.database_url("member"),
                "MUNGMO_AUTH_JWKS_URL": f"{identity_url}/.well-known/jwks.json",
            }
            async with (
                serve("member", member_env, tmp_path) as member_url,
                httpx.AsyncClient(base_url=identity_url) as identity,
                httpx.AsyncClient(base_url=member_url) as member,
            ):
                body = account_body()
                created = await identity.post("/api/v1/accounts", json=body)
                assert created.status_code == 201
                login = await identity.post(
                    "/api/v1/auth/login", json={"email": body["email"], "password": PASSWORD}
                )
                headers = {"Authorization": f"Bearer {login.json()['access_token']}"}

                # Each process serves only its own service's API.
                assert (
                    await identity.get("/api/v1/members/me", headers=headers)
                ).status_code == 404
                assert (await member.post("/api/v1/accounts", json=body)).status_code == 404

                async def my_profile() -> httpx.Response:
                    return await member.get("/api/v1/members/me", headers=headers)

                profile = await eventually(my_profile, until=lambda r: r.status_code == 200)
                assert profile.json()["nickname"] == body["nickname"]
                assert profile.json()["trust_score"] == 30

                # The member process verifies tokens with the identity process's public keys.
                forged = headers["Authorization"][:-4] + "AAAA"
                refused = await member.get("/api/v1/members/me", headers={"Authorization": forged})
                assert refused.status_code == 401
    finally:
        await stack.drop_databases()
