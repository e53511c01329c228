"""Identity: accounts, passwords, sessions and access tokens."""
