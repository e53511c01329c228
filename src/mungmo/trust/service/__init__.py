"""Trust use cases; ``api`` and ``handlers`` call them as ``service.<module>.<use_case>``."""
