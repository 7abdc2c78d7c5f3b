"""phrasebank: the Qt-free core of the speech editor.

Cleaning, mining, storage, suggestion and checking of standard formulations
(规范表述) for Chinese official speeches. Never imports Qt.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("speech-editor")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0"

__all__ = ["__version__"]
