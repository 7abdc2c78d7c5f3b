"""``phrasebank check FILE``: list the non-standard wordings of a draft.

The file is read with :func:`phrasebank.read.read_document` (any Chinese encoding, .docx)
and checked as written — decoded (line breaks unified), not cleaned — so every line and
column points into the writer's own text. Exit status: 0 when nothing was found, 1 when there are findings, 2 when
the file or the bank cannot be read.
"""

from __future__ import annotations

import bisect
import json
from pathlib import Path

import click

from phrasebank import paths
from phrasebank.bank import BankError, PhraseBank
from phrasebank.check import Checker, Finding
from phrasebank.read import ReadError, read_document

__all__ = ["check_command", "line_starts", "position"]


class _Unreadable(click.ClickException):
    exit_code = 2


def line_starts(text: str) -> list[int]:
    """Offsets at which each line of ``text`` starts."""
    starts = [0]
    pos = text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def position(starts: list[int], offset: int) -> tuple[int, int]:
    """1-based (line, column) of ``offset``, columns counted in characters."""
    i = bisect.bisect_right(starts, offset) - 1
    return i + 1, offset - starts[i] + 1


def _checker(db_path: Path | None) -> Checker:
    try:
        path = db_path if db_path is not None else paths.ensure_user_bank()
        if db_path is not None and not db_path.exists():
            raise _Unreadable(f"找不到短语库文件“{db_path}”。请检查 --db 的路径。")
        bank = PhraseBank.open(path, create=db_path is None)
    except BankError as exc:
        raise _Unreadable(str(exc)) from exc
    except OSError as exc:
        raise _Unreadable(f"无法打开短语库（{exc.strerror or exc}）。") from exc
    try:
        return Checker.from_bank(bank)
    finally:
        bank.close()


def _as_dict(f: Finding, starts: list[int]) -> dict[str, object]:
    line, column = position(starts, f.start)
    return {
        "start": f.start,
        "end": f.end,
        "line": line,
        "column": column,
        "found": f.found,
        "standard": f.standard,
        "reason": f.reason,
        "kind": f.kind,
    }


@click.command("check")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出 / Output JSON.")
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="短语库文件（默认：用户短语库）。 Bank file (default: your bank).",
)
def check_command(file: Path, as_json: bool, db_path: Path | None) -> None:
    """检查文稿中的规范表述（错字、漏字、顺序、标点、旧提法）。

    Check a draft's fixed wordings. One finding per line as 行:列  found → standard
    （reason）; exit status 0 when clean, 1 with findings, 2 when FILE cannot be read.
    """
    try:
        text = read_document(file).text
    except ReadError as exc:
        raise _Unreadable(str(exc)) from exc
    findings = _checker(db_path).check(text)
    starts = line_starts(text)
    if as_json:
        payload = [_as_dict(f, starts) for f in findings]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for f in findings:
            line, column = position(starts, f.start)
            click.echo(f"{line}:{column}  {f.found} → {f.standard}  （{f.reason}）")
        if findings:
            click.echo(f"共 {len(findings)} 处。", err=True)
        else:
            click.echo("未发现不规范表述。", err=True)
    if findings:
        raise click.exceptions.Exit(1)
