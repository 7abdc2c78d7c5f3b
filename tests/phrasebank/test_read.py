"""Reading speech files: encodings, .docx, and clear errors for everything else."""

from __future__ import annotations

import hashlib
import os
import zipfile
from pathlib import Path

import docx
import pytest

from phrasebank.paths import resource
from phrasebank.read import (
    Document,
    ReadError,
    decode_bytes,
    expand_paths,
    iter_documents,
    read_document,
)

SPEECH = (
    "区长在全区统筹推进重点工作会议上的讲话\n"
    "同志们：\n"
    "一分部署，九分落实。要确保各项工作有人抓、有人管、有人负责。\n"
)


@pytest.mark.parametrize(
    ("encoding", "reported"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("gbk", "gb18030"),
        ("gb18030", "gb18030"),
        ("utf-16", "utf-16"),
    ],
)
def test_text_round_trips_in_every_encoding(tmp_path, encoding, reported):
    path = tmp_path / "讲话.txt"
    path.write_bytes(SPEECH.encode(encoding))
    doc = read_document(path)
    assert isinstance(doc, Document)
    assert doc.text == SPEECH
    assert doc.encoding == reported
    assert doc.size == path.stat().st_size
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.title == "区长在全区统筹推进重点工作会议上的讲话"
    assert doc.path == path


def test_short_gbk_text_is_not_mistaken_for_another_code_page(tmp_path):
    path = tmp_path / "短.txt"
    path.write_bytes("谢谢大家。".encode("gbk"))
    assert read_document(path).text == "谢谢大家。"


def test_gb18030_only_characters_decode(tmp_path):
    text = "𠀀字与“〇”都要保留。同志们：要抓落实。" * 3
    path = tmp_path / "扩展.md"
    path.write_bytes(text.encode("gb18030"))
    assert read_document(path).text == text


def test_windows_line_breaks_are_unified(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(SPEECH.replace("\n", "\r\n").encode("utf-8"))
    assert read_document(path).text == SPEECH


def test_markdown_is_read_as_text(tmp_path):
    path = tmp_path / "稿.md"
    path.write_text("# 在全县工作会议上的讲话\n\n同志们：\n", encoding="utf-8")
    doc = read_document(path)
    assert doc.text.startswith("# 在全县")
    assert doc.title == "在全县工作会议上的讲话"


def test_title_falls_back_to_the_file_stem(tmp_path):
    path = tmp_path / "三季度讲话.txt"
    path.write_text("同志们：\n" + "今天我们召开会议，研究部署下一步工作。" * 5, encoding="utf-8")
    assert read_document(path).title == "三季度讲话"


def test_title_skips_furniture_and_is_simplified(tmp_path):
    path = tmp_path / "web.txt"
    path.write_text(
        "首页 > 讲话范文 > 某某 >\n\n市區經濟工作會議講話\n\n同志們：", encoding="utf-8"
    )
    assert read_document(path).title == "市区经济工作会议讲话"


def test_docx_paragraphs_and_tables(tmp_path):
    path = tmp_path / "讲话.docx"
    d = docx.Document()
    d.add_paragraph("在全县工作会议上的讲话")
    d.add_paragraph("同志们：")
    d.add_paragraph("一分部署，九分落实。")
    d.add_table(rows=1, cols=1).cell(0, 0).text = "表格里的一段话。"
    d.save(str(path))
    doc = read_document(path)
    assert doc.encoding == "docx"
    assert doc.text.splitlines()[:3] == [
        "在全县工作会议上的讲话",
        "同志们：",
        "一分部署，九分落实。",
    ]
    assert "表格里的一段话。" in doc.text
    assert doc.title == "在全县工作会议上的讲话"


def _message(path: Path, **kw) -> str:
    with pytest.raises(ReadError) as info:
        read_document(path, **kw)
    err = info.value
    assert err.path == path
    assert f"“{path.name}”" in str(err)
    assert err.message == str(err)
    return str(err)


def test_broken_docx(tmp_path):
    path = tmp_path / "坏.docx"
    path.write_bytes(os.urandom(2048))
    assert "已损坏" in _message(path)


def test_zip_that_is_not_a_docx(tmp_path):
    path = tmp_path / "假.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "不是 Word")
    assert "Word" in _message(path)


def test_binary_file(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert "不是文本文件" in _message(path)


def test_undecodable_bytes_are_binary_too(tmp_path):
    path = tmp_path / "乱码.txt"
    path.write_bytes(b"\x81\x30\xff\xfe\x80" * 50 + b"\x01\x02\x03\x04" * 50)
    assert "不是文本文件" in _message(path)


def test_empty_file(tmp_path):
    path = tmp_path / "空.txt"
    path.write_bytes(b"")
    assert "空文件" in _message(path)
    path.write_bytes(b"  \n\r\n ")
    assert "空文件" in _message(path)


def test_oversized_file(tmp_path):
    path = tmp_path / "大.txt"
    path.write_text("同志们：" * 100, encoding="utf-8")
    assert "太大" in _message(path, max_bytes=100)
    assert read_document(path, max_bytes=10_000).text.startswith("同志们")


def test_missing_file(tmp_path):
    assert "找不到" in _message(tmp_path / "没有.txt")


def test_folder_is_not_a_file(tmp_path):
    folder = tmp_path / "讲话稿"
    folder.mkdir()
    assert "文件夹" in _message(folder)


def test_unsupported_extension(tmp_path):
    path = tmp_path / "讲话.pdf"
    path.write_bytes(b"%PDF-1.4")
    msg = _message(path)
    assert ".pdf" in msg and ".docx" in msg


def test_permission_denied(tmp_path, monkeypatch):
    path = tmp_path / "锁定.txt"
    path.write_text("同志们：", encoding="utf-8")
    real_open = Path.open

    def deny(self, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    assert "没有权限" in _message(path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_permission_denied_on_disk(tmp_path):
    path = tmp_path / "锁定.txt"
    path.write_text("同志们：", encoding="utf-8")
    path.chmod(0)
    try:
        assert "没有权限" in _message(path)
    finally:
        path.chmod(0o644)


def test_decode_bytes_refuses_nul_bytes_without_bom():
    with pytest.raises(ValueError):
        decode_bytes("2024年，同志们：".encode("utf-16-le"))  # ASCII gives NULs


def test_folder_expansion_is_sorted_and_skips_unsupported(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("二", encoding="utf-8")
    (tmp_path / "a.md").write_text("甲", encoding="utf-8")
    (tmp_path / "c.docx").write_bytes(b"broken")
    (tmp_path / "d.pdf").write_bytes(b"%PDF")
    (tmp_path / "e.TXT").write_text("戊", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("隐", encoding="utf-8")
    (tmp_path / "~$c.docx").write_bytes(b"lock")
    names = [p.relative_to(tmp_path).as_posix() for p in expand_paths([tmp_path])]
    assert names == ["a.md", "b/2.txt", "c.docx", "e.TXT"]
    flat = [p.name for p in expand_paths([tmp_path], recursive=False)]
    assert flat == ["a.md", "c.docx", "e.TXT"]


def test_batch_keeps_going_past_bad_files(tmp_path):
    (tmp_path / "1.txt").write_text("同志们：今天开会。", encoding="utf-8")
    (tmp_path / "2.docx").write_bytes(b"not a zip")
    (tmp_path / "3.txt").write_bytes(b"")
    (tmp_path / "4.txt").write_text("谢谢大家。", encoding="gbk")
    missing = tmp_path / "无.txt"
    results = list(iter_documents([tmp_path, missing, tmp_path / "1.txt"]))
    kinds = [type(r).__name__ for r in results]
    assert kinds == ["Document", "ReadError", "ReadError", "Document", "ReadError"]
    assert results[3].text == "谢谢大家。"
    assert results[4].path == missing


def test_seed_corpus_reads(tmp_path):
    seeds = sorted(
        (s for s in resource("seeds").iterdir() if s.name.endswith(".txt")), key=lambda s: s.name
    )
    for seed in seeds:
        path = tmp_path / seed.name
        path.write_bytes(seed.read_bytes())
        doc = read_document(path)
        assert doc.encoding == "utf-8"
        assert doc.text == seed.read_text(encoding="utf-8")
        assert doc.title
    titles = {d.title for d in iter_documents([tmp_path])}
    assert "市区经济工作会议讲话" in titles
    assert "在全区产业发展现场观摩总结会上的讲话" in titles
