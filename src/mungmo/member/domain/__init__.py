"""Member rules and reference data that need no database: trait and breed catalogues,
행정동 records."""
