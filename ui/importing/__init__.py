"""The import wizard, the import history and export in the window."""
