"""The curated list of standard formulations, its validation, and the genre tokenizer."""

from __future__ import annotations

import re
import tempfile
import threading
from pathlib import Path

import opencc
import pytest

from phrasebank.curated import (
    CuratedEntry,
    load_curated,
    make_tokenizer,
    parse_curated,
    userdict_path,
)
from phrasebank.model import FUNCTION_TAGS, KINDS, SLOT, TOPIC_TAGS

HAN = r"[\u4e00-\u9fff]"
HALF_WIDTH_BETWEEN_HAN = re.compile(rf"{HAN}[,:;?!()]|[,:;?!()]{HAN}")


@pytest.fixture(scope="module")
def entries() -> list[CuratedEntry]:
    return load_curated()


@pytest.fixture(scope="module")
def by_text(entries: list[CuratedEntry]) -> dict[str, CuratedEntry]:
    return {e.text: e for e in entries}


# ── the shipped list ────────────────────────────────────────────────────────


def test_shipped_list_is_large_and_texts_unique(entries: list[CuratedEntry]) -> None:
    assert len(entries) >= 150
    texts = [e.text for e in entries]
    assert len(set(texts)) == len(texts)
    assert all(e.kind in KINDS for e in entries)
    assert all(set(e.functions) <= set(FUNCTION_TAGS) for e in entries)
    assert all(set(e.topics) <= set(TOPIC_TAGS) for e in entries)
    # Most entries teach a checker something: wrong or outdated variants.
    assert sum(1 for e in entries if e.variants) >= len(entries) * 0.6


def test_default_list_is_cached_but_callers_get_their_own_list() -> None:
    first = load_curated()
    first.clear()
    second = load_curated()
    assert len(second) >= 150
    assert second[0] is load_curated()[0]  # parsed once, same frozen records


def test_texts_are_simplified_chinese(entries: list[CuratedEntry]) -> None:
    t2s = opencc.OpenCC("t2s")
    for e in entries:
        for wording in (e.text, *e.deprecated):
            assert t2s.convert(wording) == wording, wording


def test_no_half_width_punctuation_inside_wordings(entries: list[CuratedEntry]) -> None:
    for e in entries:
        for wording in (e.text, *e.deprecated):
            assert not HALF_WIDTH_BETWEEN_HAN.search(wording), wording
            assert not re.search(r"\s", wording), wording


def test_variants_never_flag_a_standard_wording(entries: list[CuratedEntry]) -> None:
    texts = {e.text for e in entries}
    for e in entries:
        for variant in e.variants:
            assert variant != e.text
            assert variant not in texts, (e.text, variant)
            # A variant found inside any correct wording would make a checker flag it.
            assert not any(variant in t for t in texts), (e.text, variant)


def test_templates_and_only_templates_carry_slots(entries: list[CuratedEntry]) -> None:
    templates = [e for e in entries if e.kind == "template"]
    assert templates
    for e in entries:
        assert (SLOT in e.text) == (e.kind == "template"), e.text


def test_deprecated_wordings_say_why(entries: list[CuratedEntry]) -> None:
    deprecated = [e for e in entries if e.deprecated]
    assert len(deprecated) >= 5
    assert all(e.reason for e in deprecated)


@pytest.mark.parametrize(
    "text",
    [
        "中国共产党中央委员会",
        "全国人民代表大会常务委员会",
        "中国人民政治协商会议全国委员会",
        "以习近平同志为核心的党中央",
        "习近平新时代中国特色社会主义思想",
        "党的二十大精神",
        "“两个确立”",
        "“两个维护”",
        "“四个意识”",
        "“四个自信”",
        "“五位一体”总体布局",
        "“四个全面”战略布局",
        "稳中求进工作总基调",
        "创新、协调、绿色、开放、共享的新发展理念",
        "以国内大循环为主体、国内国际双循环相互促进的新发展格局",
        "高质量发展是全面建设社会主义现代化国家的首要任务",
        "中国式现代化",
        "全过程人民民主",
        "全面从严治党",
        "中央八项规定精神",
        "“放管服”改革",
        "营商环境",
        "实施乡村振兴战略",
        "全体人民共同富裕",
        "人类命运共同体",
        "“三会一课”",
        "不忘初心、牢记使命",
        "以人民为中心的发展思想",
        "绿水青山就是金山银山",
        "守住不发生规模性返贫的底线",
        "统筹发展和安全",
        "党的二十届三中全会",
    ],
)
def test_required_wordings_are_present(by_text: dict[str, CuratedEntry], text: str) -> None:
    assert text in by_text


@pytest.mark.parametrize(
    ("variant", "standard"),
    [
        ("以习近平总书记为核心的党中央", "以习近平同志为核心的党中央"),
        ("“五位一体”战略布局", "“五位一体”总体布局"),
        ("“四个全面”总体布局", "“四个全面”战略布局"),
        ("不忘初心，牢记使命", "不忘初心、牢记使命"),
        ("筑牢中华民族共同体意识", "铸牢中华民族共同体意识"),
        ("人民当家做主", "人民当家作主"),
        ("中国人民政治协商委员会", "中国人民政治协商会议全国委员会"),
        ("市场化、法制化、国际化一流营商环境", "市场化、法治化、国际化一流营商环境"),
        ("世界百年未遇之大变局", "世界百年未有之大变局"),
        ("中央全面深化改革领导小组", "中央全面深化改革委员会"),
        ("各级党委(党组)", "各级党委（党组）"),
    ],
)
def test_known_errors_map_to_their_standard(
    entries: list[CuratedEntry], variant: str, standard: str
) -> None:
    owners = [e.text for e in entries if variant in e.variants]
    assert owners == [standard]


def test_context_limits_where_a_variant_is_an_error(by_text: dict[str, CuratedEntry]) -> None:
    def flagged(entry: CuratedEntry, sentence: str) -> bool:
        variant = entry.wrong[0]
        start = sentence.index(variant)
        return entry.context_allows(sentence, start, start + len(variant))

    jiezhi = by_text["截至"]
    assert flagged(jiezhi, "截止目前，全区完成投资××亿元。")
    assert flagged(jiezhi, "截止6月底，已开工项目××个。")
    assert not flagged(jiezhi, "报名截止日期为下周五。")

    zuochu = by_text["作出"]
    assert flagged(zuochu, "党中央做出重大决策部署。")
    assert flagged(zuochu, "为全市发展做出了新的更大贡献。")
    assert not flagged(zuochu, "他做出一桌好菜。")

    didi = by_text["坚定不移地"]
    assert flagged(didi, "要坚定不移的推进全面从严治党。")
    assert not flagged(didi, "表明了坚定不移的决心。")
    assert not flagged(didi, "做党的路线坚定不移的执行者。")

    plain = by_text["人民当家作主"]
    assert plain.context is None
    assert plain.context_allows("任何句子", 0, 2)


# ── validation ──────────────────────────────────────────────────────────────

GOOD = """
[[entry]]
text = "全面从严治党"
wrong = ["全面从严制党"]
kind = "formulation"
topics = ["党的建设"]
"""


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "curated.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_a_good_file_loads_from_a_path(tmp_path: Path) -> None:
    [entry] = load_curated(_write(tmp_path, GOOD))
    assert entry == CuratedEntry(
        text="全面从严治党", wrong=("全面从严制党",), kind="formulation", topics=("党的建设",)
    )


@pytest.mark.parametrize(
    ("body", "names", "problem"),
    [
        (
            GOOD + '\n[[entry]]\ntext = "营商环境"\nkind = "slogan"\n',
            "营商环境",
            "unknown kind",
        ),
        (GOOD + GOOD, "全面从严治党", "duplicate text"),
        (GOOD + '\n[[entry]]\ntext = ""\nkind = "formulation"\n', "entry 2", "non-empty"),
        (GOOD + '\n[[entry]]\nkind = "formulation"\n', "entry 2", "non-empty"),
        (
            '[[entry]]\ntext = "高质量发展"\nfunctions = ["号召"]\n',
            "高质量发展",
            "unknown function tag",
        ),
        ('[[entry]]\ntext = "营商环境"\ntopics = ["营商"]\n', "营商环境", "unknown topic tag"),
        ('[[entry]]\ntext = "不忘初心,牢记使命"\n', "不忘初心,牢记使命", "half-width"),
        ('[[entry]]\ntext = "穩中求進"\n', "穩中求進", "Simplified"),
        (
            GOOD + '\n[[entry]]\ntext = "从严治党"\nwrong = ["全面从严治党"]\n',
            "从严治党",
            "standard text of entry 1",
        ),
        (
            GOOD + '\n[[entry]]\ntext = "严格治党"\nwrong = ["从严治党"]\n',
            "严格治党",
            "inside the standard text of entry 1",
        ),
        (
            '[[entry]]\ntext = "中央财经委员会"\ndeprecated = ["中央财经领导小组"]\n',
            "中央财经委员会",
            "reason",
        ),
        ('[[entry]]\ntext = "营商环境"\nwrong = ["营商环境"]\n', "营商环境", "equals"),
        ('[[entry]]\ntext = "营商环境"\nwrong = ["营商"]\n', "营商环境", "inside"),
        (
            '[[entry]]\ntext = "截至"\nwrong = ["截止"]\ncontext = "截止(目前"\n',
            "截至",
            "regular expression",
        ),
        ('[[entry]]\ntext = "为××作出贡献"\n', "为××作出贡献", "template"),
        ('[[entry]]\ntext = "营商环境"\nwrongs = ["营商坏境"]\n', "营商环境", "unknown fields"),
    ],
)
def test_bad_data_is_rejected_naming_the_entry(
    tmp_path: Path, body: str, names: str, problem: str
) -> None:
    with pytest.raises(ValueError) as info:
        load_curated(_write(tmp_path, body))
    message = str(info.value)
    assert names in message
    assert problem in message
    assert str(tmp_path) in message  # says which file


def test_broken_toml_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="invalid TOML"):
        parse_curated('[[entry]]\ntext = "未闭合\n', origin="x.toml")


# ── jieba user dictionary and tokenizer ─────────────────────────────────────

USERDICT_LINE = re.compile(r"^(\S+) ([1-9][0-9]*) ([a-z]+)$")


def test_userdict_is_well_formed_and_covers_the_genre() -> None:
    with userdict_path() as path:
        assert path.is_file()
        lines = path.read_text(encoding="utf-8").splitlines()
    words = []
    for line in lines:
        match = USERDICT_LINE.match(line)
        assert match, line
        words.append(match.group(1))
    assert len(words) >= 300
    assert len(set(words)) == len(words)
    for core in [
        "放管服",
        "营商环境",
        "高质量发展",
        "稳中求进",
        "全面从严治党",
        "四个意识",
        "双过半",
        "统筹推进",
        "真抓实干",
        "担当作为",
        "新发展格局",
    ]:
        assert core in words, core


@pytest.fixture(scope="module")
def tokenizer_home(tmp_path_factory: pytest.TempPathFactory):
    """One tokenizer for the module (building one takes about a second)."""
    home = tmp_path_factory.mktemp("tokenizer-home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SPEECH_EDITOR_HOME", str(home))
        tokenizer = make_tokenizer()
    return tokenizer, home


@pytest.mark.parametrize(
    ("sentence", "whole"),
    [
        ("深入推进“放管服”改革，持续优化营商环境", ["放管服", "营商环境"]),
        ("坚定不移推进全面从严治党", ["全面从严治党"]),
        ("坚持稳中求进工作总基调", ["稳中求进"]),
        ("增强“四个意识”、坚定“四个自信”、做到“两个维护”", ["四个意识", "四个自信", "两个维护"]),
        ("确保实现“双过半”，统筹推进各项工作", ["双过半", "统筹推进"]),
        ("真抓实干、担当作为，推动高质量发展", ["真抓实干", "担当作为", "高质量发展"]),
        ("加快构建以国内大循环为主体、国内国际双循环相互促进的新发展格局", ["新发展格局"]),
        ("以习近平同志为核心的党中央", ["习近平", "同志", "核心", "党中央"]),
    ],
)
def test_tokenizer_keeps_fixed_wordings_whole(
    tokenizer_home, sentence: str, whole: list[str]
) -> None:
    tokenizer, _ = tokenizer_home
    tokens = tokenizer.lcut(sentence)
    assert "".join(tokens) == sentence
    for word in whole:
        assert word in tokens, (word, tokens)


def test_tokenizer_does_not_steal_characters_from_common_words(tokenizer_home) -> None:
    tokenizer, _ = tokenizer_home
    tokens = tokenizer.lcut("做好干部工作，注重实践，凝聚民心")
    for word in ["干部", "注重", "实践", "凝聚", "民心"]:
        assert word in tokens, tokens


def test_tokenizer_is_shared_and_cached_below_the_home(tokenizer_home) -> None:
    tokenizer, home = tokenizer_home
    caches = list((home / "cache" / "jieba").glob("*.cache"))
    assert caches
    assert Path(tokenizer.tmp_dir) == home / "cache" / "jieba"


def test_tokenizer_never_writes_to_the_system_temp_folder(
    speech_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    system_tmp = tmp_path / "system-tmp"
    system_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_tmp))
    results: list[object] = []

    def build() -> None:
        results.append(make_tokenizer())

    threads = [threading.Thread(target=build) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 4
    assert all(r is results[0] for r in results)  # one tokenizer, built once
    assert make_tokenizer() is results[0]
    assert list((speech_home / "cache" / "jieba").glob("*.cache"))
    assert not any(system_tmp.iterdir())
