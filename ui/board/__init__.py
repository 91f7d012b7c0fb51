"""The lead board: columns of cards that drag between Cold, Warm, Hot, Won and Lost."""
