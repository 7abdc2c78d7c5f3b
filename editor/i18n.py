"""The UI language: Simplified Chinese source strings, English through a shipped .qm.

Every user-facing string goes through ``tr()``/``QCoreApplication.translate`` in
Chinese; ``resources/translations/speech_editor_en.qm`` (compiled from the .ts with
pyside6-lrelease) turns them into English when ``settings.language == "en"``.
"""

from __future__ import annotations

import logging
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from phrasebank.paths import resource

__all__ = ["current_language", "set_language", "translation_file"]

log = logging.getLogger(__name__)

_translator: QTranslator | None = None
_qt_translator: QTranslator | None = None
_language = "zh_CN"


def translation_file(language: str) -> str:
    return f"speech_editor_{language}.qm"


def current_language() -> str:
    return _language


def _install_qt_translation(app: QCoreApplication, language: str) -> None:
    """Qt's own strings (OK/Cancel buttons, context menus) in the UI language.

    Qt's sources are English; the binding ships qtbase_zh_CN.qm beside its libraries.
    """
    global _qt_translator
    if _qt_translator is not None:
        app.removeTranslator(_qt_translator)
        _qt_translator = None
    if language == "en":
        return
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{language}", folder):
        app.installTranslator(translator)
        _qt_translator = translator
    else:
        log.info(
            "Qt's own %s translation is not installed; standard buttons stay English", language
        )


def set_language(language: str) -> bool:
    """Install the translator for ``language`` on the running application.

    "zh_CN" removes any translator (the source strings are Chinese). Returns False
    when the translation is missing or cannot be loaded; the UI stays Chinese then.
    """
    global _translator, _language
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("set_language() needs a running QApplication")
    if _translator is not None:
        app.removeTranslator(_translator)
        _translator = None
    _language = "zh_CN"
    _install_qt_translation(app, language)
    if language == "zh_CN":
        return True
    node = resource("translations", translation_file(language))
    if not node.is_file():
        log.warning("no translation for %s", language)
        return False
    translator = QTranslator(app)
    with resources.as_file(node) as path:
        ok = translator.load(str(path))
    if not ok:
        log.warning("could not load translation %s", node)
        return False
    app.installTranslator(translator)
    _translator = translator
    _language = language
    return True
