"""Boards (게시판): posts in categories, comments with one level of replies, likes,
인기글, Korean search and live comments."""
