"""Pure meetup rules: distances, Seoul days and times of day, the ICS feed, 동 centres."""
