"""A tiny in-memory phrase bank for editor tests (prefix completion, no Qt, no SQLite)."""

from __future__ import annotations

import threading

from phrasebank.model import Occurrence, Phrase, Suggestion

DEFAULT_PHRASES: list[tuple[str, str, tuple[str, ...]]] = [
    ("以习近平同志为核心的党中央", "formulation", ("强调",)),
    ("以习近平新时代中国特色社会主义思想为指导", "formulation", ("意义阐述",)),
    ("全面从严治党", "formulation", ("提出要求", "党的建设")),
    ("全面深化改革", "formulation", ("部署任务", "改革创新")),
    ("全面建设社会主义现代化国家", "formulation", ("形势判断",)),
    ("下面，我讲几点意见", "clause", ("过渡承接",)),
    ("有人抓、有人管、有人负责", "parallel", ("提出要求",)),
    ("为加快建设××作出新的更大贡献", "template", ("结尾号召",)),
    ("今年以来，××区坚持以××为抓手", "template", ("肯定成绩",)),
    ("攻坚克难、全力以赴", "four_char", ()),
    ("同志们：", "opening", ("开场",)),
    ("谢谢大家。", "closing", ("结尾号召",)),
]


class FakeBank:
    """Implements the slice of ``PhraseBank`` the editor calls."""

    def __init__(self, phrases: list[tuple[str, str, tuple[str, ...]]] | None = None) -> None:
        entries = DEFAULT_PHRASES if phrases is None else phrases
        self.phrases = [
            Phrase(id=i, text=t, kind=k, functions=tuple(f for f in tags if len(f) == 4))
            for i, (t, k, tags) in enumerate(entries, start=1)
        ]
        self._tags = {i: tags for i, (_t, _k, tags) in enumerate(entries, start=1)}
        self.used: list[int] = []
        self.calls: list[str] = []
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.phrases)

    def suggest(self, before: str, *, limit: int = 5) -> list[Suggestion]:
        with self._lock:
            self.calls.append(before)
        found: list[Suggestion] = []
        # Longest tail of ``before`` that starts a phrase (and is not the whole phrase).
        for n in range(min(len(before), 20), 0, -1):
            tail = before[-n:]
            for p in self.phrases:
                if p.text.startswith(tail) and p.text != tail:
                    score = n / len(p.text) + p.id * 1e-4
                    found.append(
                        Suggestion(p.text, n, score, p.id, p.kind, "complete", self._tags[p.id])
                    )
            if found:
                break
        found.sort(key=lambda s: s.phrase_id)
        return found[:limit]

    def record_use(self, phrase_id: int) -> None:
        with self._lock:
            self.used.append(phrase_id)

    def get(self, phrase_id: int) -> Phrase | None:
        return next((p for p in self.phrases if p.id == phrase_id), None)

    def occurrences(self, phrase_id: int, *, limit: int = 20) -> list[Occurrence]:
        p = self.get(phrase_id)
        if p is None:
            return []
        return [
            Occurrence(1, 120, f"我们要坚持{p.text}，推动各项工作。", "在全区经济工作会议上的讲话"),
            Occurrence(2, 48, f"必须{p.text}。", "在党风廉政建设工作会议上的讲话"),
        ][:limit]
