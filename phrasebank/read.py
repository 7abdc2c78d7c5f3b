"""Read speech files (.txt, .md, .docx) into :class:`Document` records.

Text files come in every encoding Chinese offices produce: UTF-8 with or without BOM,
GBK/GB18030, UTF-16 with BOM. Decoding tries, in order: the UTF-8 BOM, strict UTF-8,
the UTF-16/32 BOMs, then charset-normalizer; a GB2312/GBK guess is decoded as GB18030 (its
superset), and when the guess is some other legacy code page but the bytes are valid
GB18030 with more Chinese in them, GB18030 wins (short GBK files fool detectors).

Every failure is a :class:`ReadError` whose message, in Simplified Chinese, names the file
and says what to do. :func:`iter_documents` expands folders and yields errors in line with
documents, so a batch import keeps going past a bad file.
"""

from __future__ import annotations

import codecs
import hashlib
import logging
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "Document",
    "ReadError",
    "decode_bytes",
    "expand_paths",
    "iter_documents",
    "read_document",
]

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 20_000_000
SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".docx")
_CHOOSE = "请选择 .txt、.md 或 .docx 文稿。"
_GB_NAMES = {"gb2312", "gbk", "gb18030", "cp936", "hz", "euc_cn", "euccn", "ms936"}
_TITLE_MAX = 50
_TITLE_HEAD_CHARS = 4000


@dataclass(frozen=True, slots=True)
class Document:
    """One speech file as read from disk; ``text`` is decoded but not yet cleaned."""

    path: Path
    title: str
    text: str
    sha256: str
    size: int
    encoding: str


class ReadError(Exception):
    """A file that cannot be imported; ``str(err)`` is a message for the user."""

    def __init__(self, path: Path | str, message: str) -> None:
        super().__init__(message)
        self.path = Path(path)
        self.message = message


def _q(path: Path) -> str:
    return f"“{path.name or path}”"


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n / 1000:.1f} KB"


# ----------------------------------------------------------------------------- decoding


class _Undecodable(Exception):
    pass


def _han_share(text: str) -> float:
    if not text:
        return 0.0
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf")
    return han / len(text)


def _looks_binary(text: str) -> bool:
    """Too many control characters for a text file (tabs and line breaks are fine)."""
    if not text:
        return False
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\t\n\r\f\v") or ch == "\ufffd")
    return bad > max(2, len(text) // 200)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode the bytes of a text file; returns ``(text, encoding)``.

    Raises ``ValueError`` when the bytes are not text in any encoding we accept.
    """
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            pass  # a BOM followed by junk: let detection decide
    for bom, enc in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise ValueError("bad utf-32") from exc
    if not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            if b"\x00" in data or _looks_binary(text):
                raise ValueError("binary")
            return text, "utf-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise ValueError("bad utf-16") from exc
    if b"\x00" in data:
        raise ValueError("binary")  # UTF-16 without a BOM is not supported; NULs mean binary
    return _detect(data)


def _detect(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # imported on first use: slow to load

    best = from_bytes(data).best()
    guess = (best.encoding if best is not None else "").lower().replace("-", "_")
    candidates: list[str] = []
    if guess in _GB_NAMES:
        candidates.append("gb18030")
    elif guess:
        candidates.append(guess)
    if "gb18030" not in candidates:
        candidates.append("gb18030")

    decoded: list[tuple[float, str, str]] = []
    for enc in candidates:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if _looks_binary(text):
            continue
        # The detector's guess wins ties; GB18030 wins when it yields clearly more Chinese.
        decoded.append((_han_share(text) + (0.05 if enc == candidates[0] else 0.0), enc, text))
    if not decoded:
        raise ValueError("undecodable")
    _, enc, text = max(decoded, key=lambda t: t[0])
    return text, enc


# ----------------------------------------------------------------------------- reading


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    with path.open("rb") as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ReadError(
            path,
            f"{_q(path)}太大（超过 {_mb(max_bytes)} 的上限），无法导入。请把文稿拆分成较小的文件后再导入。",
        )
    return data


def _docx_text(path: Path) -> str:
    import docx  # python-docx; imported on first use

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many kinds (zip, XML, missing part)
        raise ReadError(
            path,
            f"{_q(path)}已损坏或不是真正的 Word 文档，无法打开。请用 Word 或 WPS 打开后另存为 .docx 再导入。",
        ) from exc
    parts = [p.text for p in document.paragraphs]
    # Some speeches are laid out in a table (a two-column letterhead, a numbered list).
    for table in document.tables:
        for row in table.rows:
            seen: set[int] = set()
            for cell in row.cells:
                if id(cell._tc) in seen:  # merged cells repeat the same element
                    continue
                seen.add(id(cell._tc))
                parts.extend(p.text for p in cell.paragraphs)
    return "\n".join(parts)


_SENTENCE_PUNCT_RE = re.compile(r"[。！？!?；;：:，,…]")


def _guess_title(text: str, stem: str) -> str:
    """The first short, unpunctuated, non-furniture line near the top, else the file stem."""
    from phrasebank.clean import clean_text  # the cleaner loads OpenCC lazily

    head = text[:_TITLE_HEAD_CHARS]
    for line in clean_text(head).splitlines()[:3]:
        if len(line) <= _TITLE_MAX and not _SENTENCE_PUNCT_RE.search(line):
            return line
        if len(line) > _TITLE_MAX:
            break  # the speech itself has started
    return stem


def read_document(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one speech file; raise :class:`ReadError` with a user-facing message on failure."""
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise ReadError(
            p, f"找不到文件{_q(p)}。请确认路径是否正确，文件是否已被移动或删除。"
        ) from None
    except PermissionError:
        raise ReadError(
            p, f"没有权限读取{_q(p)}。请检查文件权限，或把文件复制到自己的文件夹后再导入。"
        ) from None
    except OSError as exc:
        raise ReadError(p, f"无法读取{_q(p)}（{exc.strerror or exc}）。请检查文件后重试。") from exc
    if p.is_dir():
        raise ReadError(
            p,
            f"{_q(p)}是文件夹，不是文稿。请选择其中的 .txt、.md 或 .docx 文件，或导入整个文件夹。",
        )
    suffix = p.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        hint = "；.doc、.wps、.pdf 文件请先另存为 .docx 或 .txt" if suffix else ""
        raise ReadError(
            p, f"不支持{_q(p)}的文件类型（{suffix or '无扩展名'}）。{_CHOOSE[:-1]}{hint}。"
        )
    if st.st_size > max_bytes:
        raise ReadError(
            p,
            f"{_q(p)}太大（{_mb(st.st_size)}，上限 {_mb(max_bytes)}），无法导入。请把文稿拆分成较小的文件后再导入。",
        )
    try:
        data = _read_bytes(p, max_bytes)
    except PermissionError:
        raise ReadError(
            p, f"没有权限读取{_q(p)}。请检查文件权限，或把文件复制到自己的文件夹后再导入。"
        ) from None
    except OSError as exc:
        raise ReadError(p, f"无法读取{_q(p)}（{exc.strerror or exc}）。请检查文件后重试。") from exc
    if not data.strip():
        raise ReadError(p, f"{_q(p)}是空文件，没有可导入的内容。")

    if suffix == ".docx":
        text, encoding = _docx_text(p), "docx"
    else:
        try:
            text, encoding = decode_bytes(data)
        except ValueError:
            raise ReadError(
                p, f"{_q(p)}不是文本文件（含有二进制内容），无法导入。{_CHOOSE}"
            ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ReadError(p, f"{_q(p)}是空文件，没有可导入的内容。")
    log.debug("read %s (%s, %d bytes)", p, encoding, len(data))
    return Document(
        path=p,
        title=_guess_title(text, p.stem),
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        encoding=encoding,
    )


# ----------------------------------------------------------------------------- batches


def _skip(name: str) -> bool:
    # Hidden files and Office lock files ("~$讲话.docx") are never speeches.
    return name.startswith((".", "~$"))


def expand_paths(paths: Iterable[str | os.PathLike[str]], *, recursive: bool = True) -> list[Path]:
    """Files to import: folders become their supported files, sorted; files stay as given.

    A file named explicitly is kept even with an unsupported extension (so the user hears
    why it was refused); inside folders, unsupported and hidden files are skipped.
    Duplicates are dropped, keeping the first occurrence.
    """
    out: list[Path] = []
    seen: set[str] = set()

    def add(p: Path) -> None:
        key = os.path.normcase(os.path.abspath(p))
        if key not in seen:
            seen.add(key)
            out.append(p)

    for raw in paths:
        p = Path(raw)
        if not p.is_dir():
            add(p)
            continue
        found: list[Path] = []
        if recursive:
            for root, dirs, files in os.walk(p):  # does not follow symlinked folders
                dirs[:] = sorted(d for d in dirs if not _skip(d))
                found.extend(Path(root, f) for f in files)
        else:
            found = [c for c in p.iterdir() if c.is_file()]
        for f in sorted(found, key=lambda f: f.relative_to(p).as_posix()):
            if not _skip(f.name) and f.suffix.lower() in SUPPORTED_SUFFIXES:
                add(f)
    return out


def iter_documents(
    paths: Iterable[str | os.PathLike[str]],
    *,
    recursive: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Document | ReadError]:
    """Read every file under ``paths``, yielding a :class:`ReadError` in place of a bad one."""
    for path in expand_paths(paths, recursive=recursive):
        try:
            yield read_document(path, max_bytes=max_bytes)
        except ReadError as err:
            log.info("skipped %s: %s", path, err.message)
            yield err
