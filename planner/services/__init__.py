"""One function per user action; each runs in one transaction and returns the Change it made."""
