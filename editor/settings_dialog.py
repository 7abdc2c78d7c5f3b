"""The settings dialog (视图 ▸ 设置…).

Use :meth:`SettingsDialog.edit`, which returns ``(settings, accepted)``; tests call
it or stub it and never drive the modal loop.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFontComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from editor.settings import LANGUAGES, Settings

__all__ = ["SettingsDialog"]

_LANGUAGE_NAMES = {"zh_CN": "简体中文", "en": "English"}


class SettingsDialog(QDialog):
    """Edit a copy of the settings; ``result_settings()`` gives the edited copy."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("设置"))
        self._original = settings

        # Suggestions.
        self.suggestions_box = QCheckBox(self.tr("输入时显示联想建议"), self)
        self.suggestions_box.setChecked(settings.suggestions_enabled)
        self.delay_spin = QSpinBox(self)
        self.delay_spin.setRange(0, 2000)
        self.delay_spin.setSingleStep(20)
        self.delay_spin.setSuffix(self.tr(" 毫秒"))
        self.delay_spin.setValue(settings.suggest_delay_ms)
        self.count_spin = QSpinBox(self)
        self.count_spin.setRange(1, 9)
        self.count_spin.setValue(settings.suggest_count)
        self.min_chars_spin = QSpinBox(self)
        self.min_chars_spin.setRange(1, 10)
        self.min_chars_spin.setValue(settings.min_chars)
        self.strictness_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.strictness_slider.setRange(0, 100)
        self.strictness_slider.setValue(round(settings.fuzzy_strictness * 100))
        suggest_group = QGroupBox(self.tr("联想"), self)
        form = QFormLayout(suggest_group)
        form.addRow(self.suggestions_box)
        form.addRow(self.tr("停顿多久后联想："), self.delay_spin)
        form.addRow(self.tr("建议条数："), self.count_spin)
        form.addRow(self.tr("至少输入几个字："), self.min_chars_spin)
        form.addRow(self.tr("匹配严格程度（宽松 ↔ 严格）："), self.strictness_slider)

        # Editor.
        self.font_combo = QFontComboBox(self)
        self.font_combo.setWritingSystem(QFontDatabase.WritingSystem.SimplifiedChinese)
        if settings.font_family:
            self.font_combo.setCurrentFont(QFont(settings.font_family))
        # An untouched combo keeps "" (automatic: the first installed CJK font).
        self._font_chosen = False
        self.font_combo.currentFontChanged.connect(self._on_font_chosen)
        self.font_size_spin = QSpinBox(self)
        self.font_size_spin.setRange(6, 72)
        self.font_size_spin.setValue(settings.font_size)
        self.wrap_box = QCheckBox(self.tr("自动换行"), self)
        self.wrap_box.setChecked(settings.word_wrap)
        self.fullwidth_box = QCheckBox(self.tr("输入时把中文里的半角标点转为全角"), self)
        self.fullwidth_box.setChecked(settings.fullwidth_punctuation)
        self.encoding_box = QCheckBox(self.tr("保留原编码（否则一律存为 UTF-8）"), self)
        self.encoding_box.setChecked(settings.keep_original_encoding)
        editor_group = QGroupBox(self.tr("编辑"), self)
        form = QFormLayout(editor_group)
        form.addRow(self.tr("字体："), self.font_combo)
        form.addRow(self.tr("字号："), self.font_size_spin)
        form.addRow(self.wrap_box)
        form.addRow(self.fullwidth_box)
        form.addRow(self.encoding_box)

        # Language.
        self.language_combo = QComboBox(self)
        for code in LANGUAGES:
            self.language_combo.addItem(_LANGUAGE_NAMES.get(code, code), code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(settings.language)))
        language_group = QGroupBox(self.tr("界面语言"), self)
        form = QFormLayout(language_group)
        form.addRow(self.tr("语言："), self.language_combo)
        form.addRow(QLabel(self.tr("界面语言在重新启动后生效。"), self))

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(suggest_group)
        layout.addWidget(editor_group)
        layout.addWidget(language_group)
        layout.addWidget(buttons)

    def result_settings(self) -> Settings:
        """The settings as edited in the dialog (fields it does not show are kept)."""
        family = (
            self.font_combo.currentFont().family()
            if self._font_chosen
            else self._original.font_family
        )
        return dataclasses.replace(
            self._original,
            suggestions_enabled=self.suggestions_box.isChecked(),
            suggest_delay_ms=self.delay_spin.value(),
            suggest_count=self.count_spin.value(),
            min_chars=self.min_chars_spin.value(),
            fuzzy_strictness=self.strictness_slider.value() / 100,
            font_family=family,
            font_size=self.font_size_spin.value(),
            word_wrap=self.wrap_box.isChecked(),
            fullwidth_punctuation=self.fullwidth_box.isChecked(),
            keep_original_encoding=self.encoding_box.isChecked(),
            language=str(self.language_combo.currentData()),
            recent_files=list(self._original.recent_files),
        ).normalized()

    def _on_font_chosen(self, _font: QFont) -> None:
        self._font_chosen = True

    @classmethod
    def edit(cls, parent: QWidget | None, settings: Settings) -> tuple[Settings, bool]:
        """Run the dialog; return (edited settings, True) or (the given settings, False)."""
        dialog = cls(settings, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.result_settings(), True
            return settings, False
        finally:
            dialog.deleteLater()
