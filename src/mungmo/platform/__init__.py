"""Shared kernel: configuration, database, events, HTTP and auth used by every service."""
