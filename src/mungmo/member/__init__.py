"""Member: profiles, dogs, traits, neighbourhood, friends and blocks."""
