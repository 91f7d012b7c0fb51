"""The documents screens: sender profile, templates, mail merge, labels, preview and print."""
