"""Request and response models of the trust API, one module per topic."""
