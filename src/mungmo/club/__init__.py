"""Small groups (소모임): roles, schedules with RSVP, notice and free boards, album, chat."""
