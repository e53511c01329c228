"""Trust rules that need no database: the 발도장 score policy (SPEC §3)."""
