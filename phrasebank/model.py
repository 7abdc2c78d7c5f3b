"""Shared vocabulary of the core: entry kinds, tag taxonomy, and the records passed around.

Kinds are the *shape* of an entry; function tags say what it does in a speech (the
rhetorical move, as in mining.md); topic tags say what it is about.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "FUNCTION_TAGS",
    "KINDS",
    "KIND_LABELS",
    "ORIGINS",
    "SLOT",
    "STATUSES",
    "TOPIC_TAGS",
    "Occurrence",
    "Phrase",
    "Suggestion",
]

#: The one marker for a blank the writer fills in (anonymised XX, xx, X, *, dropped digits).
#: Two multiplication signs, the conventional placeholder of Chinese official templates
#: (“××同志”, “××市”). The editor selects each run of it as a slot.
SLOT = "××"

KIND_LABELS: dict[str, str] = {
    "formulation": "规范表述",  # fixed political/policy wording: 以习近平同志为核心的党中央
    "clause": "常用句式",  # stock clause or transition: 下面，我讲几点意见
    "parallel": "排比",  # 有人抓、有人管、有人负责 (kept whole)
    "four_char": "四字格",  # 攻坚克难、全力以赴 / 聚精会神搞建设，一心一意谋发展
    "template": "模板",  # contains SLOT: 为加快建设××作出新的更大贡献
    "opening": "开头",  # 同志们：/ 今天，我们召开…
    "closing": "结尾",  # 谢谢大家。/ 让我们紧密团结在…
}
KINDS: tuple[str, ...] = tuple(KIND_LABELS)

FUNCTION_TAGS: tuple[str, ...] = (
    "开场",
    "肯定成绩",
    "形势判断",
    "意义阐述",
    "指出问题",
    "部署任务",
    "提出要求",
    "过渡承接",
    "强调",
    "结尾号召",
)

TOPIC_TAGS: tuple[str, ...] = (
    "经济发展",
    "项目建设",
    "营商环境",
    "民生",
    "党的建设",
    "社会治理",
    "生态环保",
    "作风建设",
    "安全生产",
    "改革创新",
    "乡村振兴",
    "干部队伍",
)

#: Where an entry came from.
ORIGINS: tuple[str, ...] = ("mined", "curated", "user", "imported")

#: Review state: mined entries from a user's import may wait in a review queue.
STATUSES: tuple[str, ...] = ("active", "pending", "rejected")


@dataclass(frozen=True, slots=True)
class Phrase:
    """One bank entry as stored."""

    id: int
    text: str
    kind: str = "clause"
    functions: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()  # known wrong or deprecated wordings (curated entries)
    freq: int = 0  # occurrences in the corpus
    doc_freq: int = 0  # number of speeches it occurs in
    quality: float = 0.5  # 0..1, from mining or curation
    origin: str = "mined"
    status: str = "active"
    uses: int = 0  # times the writer took it
    last_used: float | None = None  # unix time
    favourite: bool = False
    note: str = ""
    created: float = 0.0
    updated: float = 0.0

    @property
    def tags(self) -> tuple[str, ...]:
        return self.functions + self.topics


@dataclass(frozen=True, slots=True)
class Occurrence:
    """Where an entry was seen: which speech, at which character offset, and the sentence."""

    source_id: int
    position: int
    context: str
    title: str = ""


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One ranked suggestion for the text before the caret.

    Taking it replaces the ``replace`` characters just before the caret with ``text``.
    """

    text: str
    replace: int
    score: float
    phrase_id: int
    kind: str
    how: str = "complete"  # "complete" | "correct" | "continue"
    tags: tuple[str, ...] = field(default=())
