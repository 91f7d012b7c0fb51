"""The PySide6 front end: thin Qt models, views and dialogs over the services of ``planner``."""
