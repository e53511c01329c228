"""Pure rules of the board: content rendering, the 인기글 formula, search terms."""
