"""phrasebank: the Qt-free core of the speech editor.

Cleaning, mining, storage, suggestion and checking of standard formulations
(规范表述) for Chinese official speeches. Never imports Qt.

>>> from phrasebank import PhraseBank
>>> bank = PhraseBank.open("bank.db")          # doctest: +SKIP
>>> bank.suggest("坚持以人民为")               # doctest: +SKIP

The public names are loaded on first use, so ``import phrasebank`` (and the editor's
start-up) does not pay for SQLite, sqlite-utils and numpy before it needs them.
"""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

try:
    __version__ = version("speech-editor")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0"

if TYPE_CHECKING:
    from phrasebank.bank import BankError, DuplicateError, MineReport, PhraseBank
    from phrasebank.model import SLOT, Occurrence, Phrase, Suggestion

_LAZY = {
    "BankError": "phrasebank.bank",
    "DuplicateError": "phrasebank.bank",
    "MineReport": "phrasebank.bank",
    "PhraseBank": "phrasebank.bank",
    "SLOT": "phrasebank.model",
    "Occurrence": "phrasebank.model",
    "Phrase": "phrasebank.model",
    "Suggestion": "phrasebank.model",
}

__all__ = [
    "SLOT",
    "BankError",
    "DuplicateError",
    "MineReport",
    "Occurrence",
    "Phrase",
    "PhraseBank",
    "Suggestion",
    "__version__",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'phrasebank' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
