"""Events: contracts, envelope, outbox relay, inbox consumer, Kafka and embedded transports."""
