"""Topics the app creates on a real broker carry the partitions, replication,
min.insync.replicas and retention from the settings."""

import uuid

from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

from mungmo.platform.config import PlatformSettings
from mungmo.platform.events.factory import build_transport
from tests.support.stack import KAFKA_BOOTSTRAP


async def test_created_topics_carry_the_configured_settings(tmp_path: object) -> None:
    topic = f"topics{uuid.uuid4().hex[:8]}.mungmo.probe.probe"
    settings = PlatformSettings(
        data_dir=tmp_path,  # type: ignore[arg-type]
        events_transport="kafka",
        kafka_bootstrap_servers=KAFKA_BOOTSTRAP,
        kafka_partitions=4,
        kafka_replication_factor=1,  # the test broker is one node
        kafka_min_insync_replicas=1,
        event_log_retention_days=2,
    )
    transport = build_transport(settings, client_id="topics-test")
    await transport.start([topic])
    admin = AIOKafkaAdminClient(bootstrap_servers=KAFKA_BOOTSTRAP)
    await admin.start()
    try:
        (described,) = await admin.describe_topics([topic])
        assert len(described["partitions"]) == 4
        assert {len(p["replicas"]) for p in described["partitions"]} == {1}
        responses = await admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, topic)])
        configs = {
            entry[0]: entry[1]
            for response in responses
            for resource in response.resources
            for entry in resource[4]
        }
        assert configs["min.insync.replicas"] == "1"
        assert configs["retention.ms"] == str(2 * 86_400_000)
    finally:
        await admin.close()
        await transport.stop()
