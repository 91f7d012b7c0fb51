"""Dialogs and lists for touches, campaigns and planning settings, shared by several screens."""
