"""Selling in the window: the proposal editor, a lead's documents and the catalogue."""
