"""Function and topic tags for mined entries, by keyword and position rules.

All rules live in the two tables below so they can be read, reviewed and extended in
one place. A function tag says what an entry *does* in a speech (the rhetorical move
of mining.md); a topic tag says what it is *about*. Both vocabularies come from
:mod:`phrasebank.model`; a test checks every tag used here exists there.

Function rules carry a *where* condition:

``any``
    the keyword may appear anywhere in the speech;
``start``
    only when the entry was seen in the opening paragraphs (or is an opening);
``end``
    only when it was seen in the closing paragraphs (or is a closing).

Kinds imply a tag of their own: an ``opening`` is always 开场, a ``closing`` always
结尾号召.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from phrasebank.model import FUNCTION_TAGS, TOPIC_TAGS

__all__ = [
    "FUNCTION_RULES",
    "TOPIC_RULES",
    "FunctionRule",
    "function_tags",
    "topic_tags",
]

Where = Literal["any", "start", "end"]


@dataclass(frozen=True, slots=True)
class FunctionRule:
    """Tag ``tag`` when any of ``keywords`` occurs in the entry and ``where`` holds.

    Keywords are regular expressions; most are plain words.
    """

    tag: str
    keywords: tuple[str, ...]
    where: Where = "any"

    @property
    def pattern(self) -> re.Pattern[str]:
        return _compiled("|".join(self.keywords))


#: One row per rule, in FUNCTION_TAGS order. Keywords are regular expressions.
FUNCTION_RULES: tuple[FunctionRule, ...] = (
    FunctionRule("开场", ("今天", "召开", "会议", "这次会", "本次会", "同志们：", "刚才"), "start"),
    FunctionRule("开场", ("今天，我们", "今天我们", "这次会议", "本次会议", "主要任务是")),
    FunctionRule(
        "肯定成绩",
        (
            "取得",
            "成效",
            "成果",
            "显著",
            "明显提升",
            "稳步",
            "圆满",
            "可喜",
            "来之不易",
            "有目共睹",
        ),
    ),
    FunctionRule(
        "形势判断",
        ("形势", "机遇", "挑战", "当前", "面临", "严峻", "复杂", "压力", "新常态", "大势"),
    ),
    FunctionRule(
        "意义阐述",
        ("意义", "重要", "关键", "根本", "基础", "前提", "保障", "生命线", "动力", "所在"),
    ),
    FunctionRule(
        "指出问题",
        ("问题", "不足", "短板", "差距", "薄弱", "不够", "不强", "不高", "缓慢", "滞后", "不到位"),
    ),
    FunctionRule(
        "部署任务",
        ("抓好", "推进", "实施", "部署", "加快", "加大", "加强", "强化", "完善", "建立", "推动"),
    ),
    FunctionRule(
        "提出要求",
        (
            r"(?<![重主需只紧必想])要(?![求素害点])",
            "必须",
            "务必",
            "切实",
            "确保",
            "坚决",
            "力争",
            "做到",
            "希望",
            "不得",
        ),
    ),
    FunctionRule(
        "过渡承接",
        (
            "下面",
            "首先",
            "其次",
            "再次",
            "最后",
            "同时",
            "总之",
            "一方面",
            "另一方面",
            "为此",
            "几点意见",
            "总而言之",
            "综上所述",
            "与此同时",
        ),
    ),
    FunctionRule("强调", ("特别是", "一定要", "始终", "尤其", "着重", "强调", "务必", "决不")),
    FunctionRule(
        "结尾号召",
        ("让我们", "奋力", "谱写", "努力奋斗", "新的更大贡献", "新局面", "新篇章", "谢谢大家"),
    ),
    FunctionRule("结尾号召", ("同志们，", "团结", "共同努力", "携手"), "end"),
)

#: Topic tag → keywords (plain substrings).
TOPIC_RULES: dict[str, tuple[str, ...]] = {
    "经济发展": (
        "经济",
        "稳增长",
        "产业",
        "消费",
        "投资",
        "内需",
        "高质量发展",
        "转型升级",
        "实体",
        "市场",
        "招商",
    ),
    "项目建设": ("项目", "开工", "投产", "竣工", "早建设", "重大工程", "要素保障"),
    "营商环境": ("营商", "放管服", "审批", "政务服务", "办事效率", "服务企业", "企业服务"),
    "民生": ("民生", "群众", "就业", "教育", "医疗", "养老", "住房", "社保", "增收", "百姓"),
    "党的建设": (
        "党建",
        "党的建设",
        "党员",
        "党组织",
        "从严治党",
        "党中央",
        "初心",
        "使命",
        "政治",
        "以习近平同志为核心",
    ),
    "社会治理": ("治理", "维稳", "信访", "平安", "矛盾", "基层", "社区", "网格", "稳定"),
    "生态环保": ("生态", "环保", "环境保护", "污染", "绿色", "节能", "减排", "低碳", "青山"),
    "作风建设": (
        "作风",
        "务实",
        "真抓实干",
        "形式主义",
        "官僚主义",
        "担当",
        "廉",
        "纪律",
        "狠抓落实",
        "马上就办",
        "抓落实",
        "有人抓",
    ),
    "安全生产": ("安全生产", "隐患", "事故", "防汛", "消防", "安全"),
    "改革创新": ("改革", "创新", "体制机制", "科技", "破除", "先行先试"),
    "乡村振兴": ("乡村", "农村", "农业", "农民", "三农", "脱贫", "振兴"),
    "干部队伍": ("干部", "队伍", "人才", "领导班子", "本领", "干事", "精气神", "激情"),
}


def function_tags(text: str, *, kind: str, at_start: bool, at_end: bool) -> tuple[str, ...]:
    """Function tags for ``text``, in FUNCTION_TAGS order.

    ``at_start``/``at_end`` say whether the entry was seen in the opening/closing
    paragraphs of a speech.
    """
    found: set[str] = set()
    if kind == "opening":
        found.add("开场")
    if kind == "closing":
        found.add("结尾号召")
    for rule in FUNCTION_RULES:
        if rule.tag in found:
            continue
        if rule.where == "start" and not (at_start or kind == "opening"):
            continue
        if rule.where == "end" and not (at_end or kind == "closing"):
            continue
        if rule.pattern.search(text):
            found.add(rule.tag)
    return _ordered(found, FUNCTION_TAGS)


def topic_tags(text: str) -> tuple[str, ...]:
    """Topic tags for ``text``, in TOPIC_TAGS order."""
    return _ordered(
        (tag for tag, words in TOPIC_RULES.items() if any(w in text for w in words)), TOPIC_TAGS
    )


@lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _ordered(tags: Iterable[str], order: tuple[str, ...]) -> tuple[str, ...]:
    wanted = set(tags)
    return tuple(t for t in order if t in wanted)
