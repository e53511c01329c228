"""What the trust service consumes, one module per topic."""
