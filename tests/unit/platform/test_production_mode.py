"""MUNGMO_MODE=production refuses settings that can lose acknowledged events."""

from pathlib import Path

import pytest

from mungmo.platform.config import PlatformSettings
from mungmo.platform.events.embedded import EmbeddedLog
from mungmo.platform.metrics import Metrics
from mungmo.platform.runtime import Runtime, UnsafeForProduction


def _settings(**values: object) -> PlatformSettings:
    return PlatformSettings(data_dir=Path("unused"), **values)  # type: ignore[arg-type]


def test_production_needs_kafka_with_three_replicas() -> None:
    assert _settings(mode="production").unsafe_for_production() == [
        "MUNGMO_EVENTS_TRANSPORT must be kafka (the embedded log has no replicas)",
        "MUNGMO_KAFKA_REPLICATION_FACTOR is 1; at least 3",
    ]
    two = _settings(mode="production", events_transport="kafka", kafka_replication_factor=2)
    assert two.unsafe_for_production() == ["MUNGMO_KAFKA_REPLICATION_FACTOR is 2; at least 3"]
    safe = _settings(
        mode="production",
        events_transport="kafka",
        kafka_replication_factor=3,
        kafka_min_insync_replicas=2,
    )
    assert safe.unsafe_for_production() == []
    too_many = _settings(
        events_transport="kafka", kafka_replication_factor=3, kafka_min_insync_replicas=4
    )
    assert "MUNGMO_KAFKA_MIN_INSYNC_REPLICAS is 4" in too_many.unsafe_for_production()[0]


async def test_the_runtime_refuses_to_start_in_production_with_one_replica() -> None:
    settings = _settings(mode="production", events_transport="kafka", auto_migrate=False)
    runtime = Runtime(settings, [], EmbeddedLog("sqlite+aiosqlite:///:memory:"), Metrics())
    with pytest.raises(UnsafeForProduction, match="REPLICATION_FACTOR is 1; at least 3"):
        await runtime.start()


def test_development_mode_starts_on_a_laptop_setup() -> None:
    settings = _settings()
    assert settings.mode == "development"
    assert settings.unsafe_for_production()  # it would not pass in production, and need not
