"""Widgets, colours and workers shared by every screen."""
