"""Request and response models of the club API, one module per topic."""
