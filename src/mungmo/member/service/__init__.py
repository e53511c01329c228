"""Member use cases, one module per area; each use case is one transaction."""
