"""What a run is asked to do: the command-line options, constants, argon2id parameters."""

from dataclasses import dataclass
from pathlib import Path

from mungmo.identity.wiring import IdentitySettings

PASSWORD = "correct-horse-9"
HANDLER = "member.on_account_registered"
RESULTS_DIR = Path(__file__).resolve().parent.parent / "results"
EFFECT_TIMEOUT = 30.0  # seconds; the first Kafka event also waits for the group join
WARM_UP = 3  # unmeasured rounds per app and per raw client (1 with --quick)
# Pause before each isolated sample, so the tail of the previous one (offset commits,
# the member service relaying its own MemberCreated) does not overlap it.
SETTLE = 0.02
BURST = 10  # concurrent sign-ups, transactions or raw sends per burst
# The big burst: FLOOD events committed in FLOOD_TRANSACTIONS concurrent transactions.
FLOOD = 1_000
FLOOD_TRANSACTIONS = 10


def _argon2(time_cost: int, memory_kib: int, parallelism: int) -> dict[str, int]:
    return {
        "argon2_time_cost": time_cost,
        "argon2_memory_kib": memory_kib,
        "argon2_parallelism": parallelism,
    }


def production_argon2() -> dict[str, int]:
    """The identity service's own defaults, read from its settings class."""
    fields = IdentitySettings.model_fields
    return _argon2(
        fields["argon2_time_cost"].default,
        fields["argon2_memory_kib"].default,
        fields["argon2_parallelism"].default,
    )


CHEAP_ARGON2 = _argon2(1, 1024, 1)


@dataclass(frozen=True)
class Options:
    kafka: str
    mariadb_url: str
    n: int
    n_production: int
    relay_poll: float
    embedded_only: bool
    quick: bool
    pipeline_only: bool = False


STACK_NAMES = {"embedded": "SQLite + embedded log", "real": "MariaDB + Kafka"}
TRANSPORTS = {"embedded": "embedded", "real": "kafka"}
TRANSPORT_NAMES = {"embedded": "embedded log", "kafka": "Kafka"}
