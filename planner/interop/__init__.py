"""Files other programs read and write: calendars (``.ics``), and later CSV and vCard."""
