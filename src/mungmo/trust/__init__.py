"""The trust service: the 발도장 score, its history, suspensions, reports and moderation."""
