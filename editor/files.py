"""Reading and writing drafts: .txt/.md with encoding detection, .docx paragraphs.

Qt-free so it can be tested and reused on its own. Errors are raised as
:class:`DraftFileError` whose message is a Chinese sentence saying what went wrong
and what to do; the window shows it as is.

Encodings: a file is tried as UTF-8 (with or without BOM) first, then UTF-16 by
its BOM, then GB18030 (the superset of GBK/GB2312 that Chinese Windows writes),
then whatever charset-normalizer finds. Drafts are saved as UTF-8 unless the caller
asks to keep the encoding they were read in.
"""

from __future__ import annotations

import codecs
import errno
import os
from dataclasses import dataclass
from pathlib import Path

from phrasebank.atomic import atomic_write_bytes

__all__ = [
    "DOCX_SUFFIXES",
    "TEXT_SUFFIXES",
    "Draft",
    "DraftFileError",
    "atomic_write_bytes",
    "decode_bytes",
    "encoding_label",
    "read_draft",
    "write_draft",
]

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
DOCX_SUFFIXES = (".docx",)

#: Files bigger than this are refused: a speech is a few hundred KB at most, and a
#: huge file would freeze the editor.
MAX_TEXT_BYTES = 20 * 1024 * 1024

_GB_FAMILY = {"gb2312", "gbk", "gb18030", "cp936", "hz", "euc_cn", "ms936"}


class DraftFileError(Exception):
    """A draft could not be read or written; ``str(exc)`` is a message for the user."""


@dataclass(frozen=True, slots=True)
class Draft:
    """A draft as read from disk."""

    text: str
    encoding: str  # Python codec name: "utf-8", "utf-8-sig", "gb18030", "utf-16", "docx"
    path: Path


def encoding_label(encoding: str) -> str:
    """A short name for the status bar (GB18030 is shown as GBK, the name users know)."""
    return {
        "utf-8": "UTF-8",
        "utf-8-sig": "UTF-8 BOM",
        "gb18030": "GBK",
        "utf-16": "UTF-16",
        "utf-16-le": "UTF-16LE",
        "utf-16-be": "UTF-16BE",
        "docx": "Word",
    }.get(encoding, encoding.upper())


def _looks_chinese(text: str) -> bool:
    """Most non-ASCII characters of ``text`` are CJK (a sanity check on a GB decoding)."""
    non_ascii = [c for c in text if ord(c) > 0x7F]
    if not non_ascii:
        return True
    cjk = sum(
        1
        for c in non_ascii
        if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or c > "\uff00"
    )
    return cjk / len(non_ascii) >= 0.8


def _normalize_codec(name: str) -> str:
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return name
    return "gb18030" if codec in _GB_FAMILY else codec


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data`` to (text, codec). Raises DraftFileError for binary data."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            pass
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    has_nul = b"\x00" in data
    if not has_nul:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            text = None
        if text is not None and _looks_chinese(text) and not _has_control_chars(text):
            return text, "gb18030"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        codec = _normalize_codec(best.encoding)
        text = str(best)
        if not _has_control_chars(text):
            return text, codec
    raise DraftFileError("这不是文本文件（可能是二进制文件或编码无法识别），已保留当前文稿。")


def _has_control_chars(text: str) -> bool:
    """NUL and other C0 controls besides tab/newline/form feed mean it is not a draft."""
    bad = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f\v")
    return bad > max(2, len(text) // 1000)


def _os_error_message(action: str, path: Path, exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        why = "文件或文件夹不存在"
        what = "请检查路径是否正确"
    elif isinstance(exc, PermissionError):
        why = "没有访问权限"
        what = "请检查文件权限，或换一个位置保存" if action == "保存" else "请检查文件权限"
    elif isinstance(exc, IsADirectoryError):
        why = "这是一个文件夹"
        what = "请选择一个文件"
    elif exc.errno == errno.ENOSPC:
        why = "磁盘空间不足"
        what = "请清理磁盘后重试，或换一个位置保存"
    elif exc.errno == errno.EROFS:
        why = "磁盘是只读的"
        what = "请换一个位置保存"
    else:
        why = exc.strerror or str(exc)
        what = "请重试或换一个文件"
    return f"无法{action}“{path}”：{why}。{what}。"


def read_draft(path: str | Path) -> Draft:
    """Read a .txt/.md (any other suffix is read as text too) or .docx draft."""
    p = Path(path)
    if p.suffix.lower() in DOCX_SUFFIXES:
        return Draft(text=_read_docx(p), encoding="docx", path=p)
    try:
        size = p.stat().st_size
        if size > MAX_TEXT_BYTES:
            raise DraftFileError(
                f"“{p.name}”太大（{size // (1024 * 1024)} MB），不像是一篇文稿，未打开。"
            )
        data = p.read_bytes()
    except OSError as exc:
        raise DraftFileError(_os_error_message("打开", p, exc)) from exc
    try:
        text, codec = decode_bytes(data)
    except DraftFileError as exc:
        raise DraftFileError(f"无法打开“{p.name}”：{exc}") from None
    # Editors work with \n; keep the text's own line breaks out of the document.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Draft(text=text, encoding=codec, path=p)


def _read_docx(p: Path) -> str:
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError as exc:  # pragma: no cover - python-docx is a dependency
        raise DraftFileError("缺少 python-docx，无法打开 Word 文件。") from exc
    try:
        document = docx.Document(str(p))
    except OSError as exc:
        raise DraftFileError(_os_error_message("打开", p, exc)) from exc
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise DraftFileError(
            f"无法打开“{p.name}”：不是有效的 Word（.docx）文件。旧版 .doc 请先在 Word 中另存为 .docx。"
        ) from exc
    except Exception as exc:  # zipfile.BadZipFile, lxml errors …
        raise DraftFileError(f"无法打开“{p.name}”：文件已损坏或不是 .docx（{exc}）。") from exc
    return "\n".join(par.text for par in document.paragraphs)


def write_draft(path: str | Path, text: str, *, encoding: str = "utf-8") -> str:
    """Save ``text`` atomically; returns the codec used.

    ``encoding`` is a codec from :func:`read_draft`; "docx" writes a GB/T 9704 Word
    file. Text the encoding cannot hold raises DraftFileError (nothing is written).
    """
    p = Path(path)
    if p.suffix.lower() in DOCX_SUFFIXES or encoding == "docx":
        from editor.docx_export import export_docx

        try:
            export_docx(p, text)
        except OSError as exc:
            raise DraftFileError(_os_error_message("保存", p, exc)) from exc
        return "docx"
    if p.suffix.lower() in TEXT_SUFFIXES and os.linesep != "\n":
        text = text.replace("\n", os.linesep)
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError as exc:
        bad = exc.object[exc.start : exc.end]
        raise DraftFileError(
            f"文稿中的“{bad}”无法用 {encoding_label(encoding)} 编码保存。"
            "请取消“保留原编码”以 UTF-8 保存，或删除该字符。"
        ) from exc
    except LookupError as exc:
        raise DraftFileError(f"不支持的编码 {encoding}，请以 UTF-8 保存。") from exc
    try:
        if not p.parent.is_dir():
            raise FileNotFoundError(errno.ENOENT, "no such folder", str(p.parent))
        atomic_write_bytes(p, data)
    except OSError as exc:
        raise DraftFileError(_os_error_message("保存", p, exc)) from exc
    return encoding
