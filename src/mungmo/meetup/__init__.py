"""Lightning meetups (번개): create, find on a calendar, join, check in, rate, no-shows."""
