"""editor: the PySide6 desktop app of the speech editor."""

from phrasebank import __version__

__all__ = ["__version__"]
