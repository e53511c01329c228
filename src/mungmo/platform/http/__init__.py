"""HTTP kernel: app factory, middleware, problem+json, health and metrics."""
