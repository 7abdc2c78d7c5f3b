"""phrasebank: the Qt-free core of the speech editor.

Cleaning, mining, storage, suggestion and checking of standard formulations
(规范表述) for Chinese official speeches. Never imports Qt.

>>> from phrasebank import PhraseBank
>>> bank = PhraseBank.open("bank.db")          # doctest: +SKIP
>>> bank.suggest("坚持以人民为")               # doctest: +SKIP
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from phrasebank.bank import BankError, DuplicateError, MineReport, PhraseBank
from phrasebank.model import SLOT, Occurrence, Phrase, Suggestion

try:
    __version__ = version("speech-editor")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0"

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
