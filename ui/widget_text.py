"""User text on menus and buttons, where Qt reads ``&`` as the shortcut marker."""


def literal_ampersands(text: str) -> str:
    """``Smith & Jones`` as it should appear on a QAction or QPushButton (``&&`` is one ``&``).

    Without this, "Undo Move 'Smith & Jones'" shows as "Smith _Jones" with J as a shortcut.
    """
    return text.replace("&", "&&")
