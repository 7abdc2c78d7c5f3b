from __future__ import annotations

import codecs
import errno
import os
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from editor.docx_export import classify_paragraph, export_docx, resolve_fonts
from editor.files import DraftFileError, decode_bytes, read_draft, write_draft

SPEECH = (
    "同志们：\n今天，我们召开全区经济工作会议，主要任务是总结成绩、部署工作。\n一、充分肯定成绩"
)


@pytest.mark.parametrize(
    ("data", "codec"),
    [
        (SPEECH.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SPEECH.encode("utf-8"), "utf-8-sig"),
        (SPEECH.encode("gbk"), "gb18030"),
        (SPEECH.encode("gb18030"), "gb18030"),
        (SPEECH.encode("utf-16"), "utf-16"),
    ],
)
def test_encodings_are_detected(tmp_path, data, codec):
    path = tmp_path / "稿.txt"
    path.write_bytes(data)
    draft = read_draft(path)
    assert draft.text == SPEECH
    assert draft.encoding == codec


def test_short_gbk_text_is_not_mistaken_for_another_encoding():
    text, codec = decode_bytes("会议".encode("gbk"))
    assert (text, codec) == ("会议", "gb18030")


def test_crlf_becomes_newline(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("第一段\r\n第二段\r\n".encode())
    assert read_draft(path).text == "第一段\n第二段\n"


def test_binary_file_is_refused_with_a_chinese_message(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(DraftFileError, match="不是文本文件"):
        read_draft(path)


def test_missing_file_message(tmp_path):
    with pytest.raises(DraftFileError, match="不存在"):
        read_draft(tmp_path / "nope.txt")


def test_folder_is_refused(tmp_path):
    with pytest.raises(DraftFileError, match="无法打开"):
        read_draft(tmp_path)


def test_save_utf8_by_default_and_gbk_when_asked(tmp_path):
    path = tmp_path / "out.txt"
    write_draft(path, SPEECH)
    assert path.read_bytes() == SPEECH.encode("utf-8")
    write_draft(path, SPEECH, encoding="gb18030")
    assert path.read_bytes().decode("gbk") == SPEECH


def test_save_text_the_encoding_cannot_hold_is_refused_and_file_untouched(tmp_path):
    path = tmp_path / "out.txt"
    path.write_bytes(b"old")
    with pytest.raises(DraftFileError, match="UTF-8"):
        write_draft(path, "emoji 😀", encoding="cp1252")
    assert path.read_bytes() == b"old"


def test_save_to_unwritable_path_raises_and_leaves_nothing(tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(DraftFileError, match="无法保存"):
        write_draft(blocker / "sub.txt", SPEECH)
    with pytest.raises(DraftFileError, match="不存在"):
        write_draft(tmp_path / "no" / "such" / "dir.txt", SPEECH)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt"]


def test_save_replaces_atomically_without_temp_files(tmp_path):
    path = tmp_path / "out.txt"
    write_draft(path, "一")
    write_draft(path, "二")
    assert path.read_text(encoding="utf-8") == "二"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


# --- .docx --------------------------------------------------------------------------------

DOC_TEXT = (
    "关于加强作风建设的讲话\n"
    "同志们：\n"
    "今天召开这次会议，主要是部署作风建设工作。\n"
    "一、提高思想认识\n"
    "（一）深刻认识重要意义\n"
    "要切实增强责任感和使命感。"
)


def test_docx_round_trip_keeps_paragraphs(tmp_path):
    path = tmp_path / "讲话.docx"
    write_draft(path, DOC_TEXT)
    draft = read_draft(path)
    assert draft.encoding == "docx"
    assert draft.text == DOC_TEXT


def test_docx_export_follows_gbt_9704(tmp_path):
    path = tmp_path / "公文.docx"
    export_docx(path, DOC_TEXT, available_fonts=[])
    document = docx.Document(str(path))
    section = document.sections[0]
    assert round(section.top_margin.mm) == 37
    assert round(section.bottom_margin.mm) == 35
    assert round(section.left_margin.mm) == 28
    assert round(section.right_margin.mm) == 26
    assert abs(section.page_width - Mm(210)) < Mm(1)

    paragraphs = document.paragraphs
    title = paragraphs[0]
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    run = title.runs[0]
    assert run.font.size == Pt(22)
    assert run._element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "方正小标宋简体"

    def east_asia(p):
        return p.runs[0]._element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))

    by_text = {p.text: p for p in paragraphs}
    assert east_asia(by_text["同志们："]) == "仿宋_GB2312"
    assert by_text["同志们："].runs[0].font.size == Pt(16)
    assert east_asia(by_text["一、提高思想认识"]) == "黑体"
    assert east_asia(by_text["（一）深刻认识重要意义"]) == "楷体_GB2312"
    for p in paragraphs:
        assert p.paragraph_format.line_spacing_rule == WD_LINE_SPACING.EXACTLY
        assert p.paragraph_format.line_spacing == Pt(28.95)

    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml
    assert 'w:fldCharType="begin"' in footer_xml
    assert "— " in footer_xml and " —" in footer_xml
    assert 'w:eastAsia="宋体"' in footer_xml
    assert '<w:sz w:val="28"/>' in footer_xml  # 四号 = 14 pt = 28 half-points
    assert "PAGE" in section.even_page_footer._element.xml


def test_font_fallbacks_pick_installed_fonts():
    fonts = resolve_fonts(["FangSong", "SimHei", "KaiTi", "SimSun"])
    assert fonts["body"] == "FangSong"
    assert fonts["heading1"] == "SimHei"
    assert fonts["heading2"] == "KaiTi"
    assert fonts["title"] == "SimSun"
    assert resolve_fonts(None)["body"] == "仿宋_GB2312"
    assert resolve_fonts([])["heading2"] == "楷体_GB2312"


def test_heading_levels():
    assert classify_paragraph("一、总体要求") == "heading1"
    assert classify_paragraph("十二、其他") == "heading1"
    assert classify_paragraph("（三）工作措施") == "heading2"
    assert classify_paragraph("一是加强领导") == "body"


def test_broken_docx_message(tmp_path):
    path = tmp_path / "bad.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(DraftFileError, match="无法打开"):
        read_draft(path)


def test_full_disk_message_and_the_old_file_survives(tmp_path, monkeypatch):
    path = tmp_path / "out.txt"
    path.write_text("旧内容", encoding="utf-8")
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, fd, mode):
            self._fh = real_fdopen(fd, mode)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self._fh.close()

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("editor.files.os.fdopen", FullDisk)
    with pytest.raises(DraftFileError, match="磁盘空间不足"):
        write_draft(path, "新内容")
    assert path.read_text(encoding="utf-8") == "旧内容"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_permission_denied_message(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("机密", encoding="utf-8")

    def deny(self):
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", deny)
    with pytest.raises(DraftFileError, match="没有访问权限"):
        read_draft(path)
