"""The ``phrasebank`` command line: a thin layer over the core API.

Every command takes ``--db PATH`` (default: the user's bank, created from the bundled
default bank on first use) and commands whose output is data take ``--json``. Errors
(a file that is not a bank, a locked or read-only bank, a bad import file) are printed
as one clear message and exit with status 1, never as a traceback.
"""

from __future__ import annotations

import functools
import json
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from phrasebank import __version__, paths
from phrasebank.bank import BankError, DuplicateError, PhraseBank
from phrasebank.model import FUNCTION_TAGS, KIND_LABELS, KINDS, Phrase

log = logging.getLogger(__name__)

F = TypeVar("F", bound=Callable[..., Any])


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _phrase_json(p: Phrase) -> dict[str, Any]:
    return {
        "id": p.id,
        "text": p.text,
        "kind": p.kind,
        "functions": list(p.functions),
        "topics": list(p.topics),
        "variants": list(p.variants),
        "origin": p.origin,
        "status": p.status,
        "freq": p.freq,
        "doc_freq": p.doc_freq,
        "quality": round(p.quality, 3),
        "uses": p.uses,
        "favourite": p.favourite,
        "note": p.note,
    }


def _phrase_line(p: Phrase) -> str:
    tags = "、".join(p.tags)
    star = "★" if p.favourite else " "
    return f"{p.id:>6} {star} [{KIND_LABELS.get(p.kind, p.kind)}] {p.text}" + (
        f"  〔{tags}〕" if tags else ""
    )


def db_option(func: F) -> F:
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, path_type=Path),
        help="短语库文件（默认：用户短语库）。 Bank file (default: your bank).",
    )(func)


def json_option(func: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="以 JSON 输出 / Output JSON.")(func)


@contextmanager
def open_bank(db_path: Path | None, *, create: bool = True) -> Iterator[PhraseBank]:
    path = db_path if db_path is not None else paths.ensure_user_bank()
    bank = PhraseBank.open(path, create=create)
    try:
        yield bank
    finally:
        bank.close()


def friendly_errors(func: F) -> F:
    """Turn the core's user-facing errors into one message and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (BankError, DuplicateError) as exc:
            raise click.ClickException(str(exc)) from exc
        except KeyError as exc:
            raise click.ClickException(str(exc.args[0]) if exc.args else str(exc)) from exc
        except ValueError as exc:
            raise click.ClickException(str(exc)) from exc
        except OSError as exc:
            raise click.ClickException(
                f"文件操作失败：{exc.strerror or exc}（{exc.filename or ''}）。"
            ) from exc

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="phrasebank")
@click.option("-v", "--verbose", is_flag=True, help="输出调试日志 / Show debug logging.")
def cli(verbose: bool) -> None:
    """讲稿短语库命令行工具：挖掘、检索、管理规范表述。

    Phrase bank tool for Chinese official speeches: mine, search and manage formulations.
    Every command takes --db PATH (default: your bank in the user data folder).
    """
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


@cli.command()
@db_option
def where(db_path: Path | None) -> None:
    """显示短语库与用户数据的位置 / Show where the bank and user data live."""
    click.echo(f"bank:     {db_path or paths.user_bank_path()}")
    click.echo(f"data:     {paths.data_dir()}")
    click.echo(f"config:   {paths.config_dir()}")


@cli.command()
@db_option
@json_option
@friendly_errors
def stats(db_path: Path | None, as_json: bool) -> None:
    """按类型、标签、来源统计短语库 / Counts by kind, tag and origin."""
    with open_bank(db_path) as bank:
        data = bank.stats()
    if as_json:
        _echo_json(data)
        return
    click.echo(f"条目总数 entries: {data['total']}    讲稿 sources: {data['sources']}")
    for title, key in (
        ("按类型 by kind", "by_kind"),
        ("按功能 by function", "by_function"),
        ("按主题 by topic", "by_topic"),
        ("按来源 by origin", "by_origin"),
        ("按状态 by status", "by_status"),
    ):
        items = data[key]
        if items:
            click.echo(f"{title}: " + "  ".join(f"{k} {v}" for k, v in items.items()))
    if data["most_used"]:
        click.echo("最常用 most used: " + "；".join(f"{t}（{n}）" for t, n in data["most_used"]))


@cli.command()
@click.argument("query", required=False, default="")
@click.option("-n", "--limit", default=20, show_default=True, help="最多显示条数。")
@click.option("--kind", type=click.Choice(KINDS), help="只看某一类型。")
@click.option("--tag", help="只看带某标签的条目。")
@click.option("--origin", type=click.Choice(["mined", "curated", "user", "imported"]))
@click.option("--favourite", is_flag=True, default=None, help="只看收藏。")
@db_option
@json_option
@friendly_errors
def search(
    query: str,
    limit: int,
    kind: str | None,
    tag: str | None,
    origin: str | None,
    favourite: bool | None,
    db_path: Path | None,
    as_json: bool,
) -> None:
    """检索短语：子串、模糊匹配、拼音首字母（qmcyzd → 全面从严治党）。

    Search by substring, fuzzily, or by pinyin initials.
    """
    with open_bank(db_path) as bank:
        found = bank.search(
            query, limit=limit, kind=kind, tag=tag, origin=origin, favourite=favourite or None
        )
    if as_json:
        _echo_json([_phrase_json(p) for p in found])
        return
    if not found:
        click.echo("没有找到匹配的条目。")
    for p in found:
        click.echo(_phrase_line(p))


@cli.command()
@click.argument("before")
@click.option("-n", "--limit", default=5, show_default=True)
@db_option
@json_option
@friendly_errors
def suggest(before: str, limit: int, db_path: Path | None, as_json: bool) -> None:
    """给出光标前文字的联想建议 / Suggestions for the text before the caret."""
    with open_bank(db_path) as bank:
        found = bank.suggest(before, limit=limit)
    if as_json:
        _echo_json(
            [
                {
                    "text": s.text,
                    "replace": s.replace,
                    "score": round(s.score, 4),
                    "phrase_id": s.phrase_id,
                    "kind": s.kind,
                    "how": s.how,
                }
                for s in found
            ]
        )
        return
    if not found:
        click.echo("没有建议。")
    for i, s in enumerate(found, 1):
        applied = before[: len(before) - s.replace] + s.text
        click.echo(f"{i}. [{KIND_LABELS.get(s.kind, s.kind)}] {s.text}  → {applied[-40:]}")


@cli.command()
@click.argument("text")
@click.option("--kind", type=click.Choice(KINDS), help="类型（默认自动判断）。")
@click.option("-t", "--tag", "tags", multiple=True, help="标签，可多次使用。")
@click.option("--note", default="", help="备注。")
@click.option("--favourite", is_flag=True, help="加入收藏。")
@db_option
@json_option
@friendly_errors
def add(
    text: str,
    kind: str | None,
    tags: tuple[str, ...],
    note: str,
    favourite: bool,
    db_path: Path | None,
    as_json: bool,
) -> None:
    """添加一条短语 / Add an entry."""
    with open_bank(db_path) as bank:
        p = bank.add(text, kind=kind, tags=tags, note=note, favourite=favourite)
    if as_json:
        _echo_json(_phrase_json(p))
    else:
        click.echo(f"已添加：{_phrase_line(p)}")


@cli.command()
@click.argument("phrase_id", type=int)
@click.option("--text", help="新的内容。")
@click.option("--kind", type=click.Choice(KINDS))
@click.option("--note")
@click.option("--favourite/--no-favourite", default=None)
@db_option
@friendly_errors
def edit(
    phrase_id: int,
    text: str | None,
    kind: str | None,
    note: str | None,
    favourite: bool | None,
    db_path: Path | None,
) -> None:
    """修改一条短语 / Edit an entry."""
    with open_bank(db_path) as bank:
        p = bank.update(phrase_id, text=text, kind=kind, note=note, favourite=favourite)
    click.echo(f"已修改：{_phrase_line(p)}")


@cli.command()
@click.argument("phrase_ids", type=int, nargs=-1, required=True)
@click.option("-y", "--yes", is_flag=True, help="不再确认。")
@db_option
@friendly_errors
def remove(phrase_ids: tuple[int, ...], yes: bool, db_path: Path | None) -> None:
    """删除短语（可多条）/ Remove entries."""
    with open_bank(db_path) as bank:
        targets = [p for p in (bank.get(i) for i in phrase_ids) if p is not None]
        missing = sorted(set(phrase_ids) - {p.id for p in targets})
        if missing:
            raise click.ClickException(f"没有这些编号的条目：{', '.join(map(str, missing))}。")
        if not yes:
            for p in targets:
                click.echo(_phrase_line(p))
            click.confirm(f"确定删除以上 {len(targets)} 条？", abort=True)
        removed = bank.remove([p.id for p in targets])
    click.echo(f"已删除 {len(removed)} 条。")


@cli.command(
    help="给条目加或去标签（批量）/ Tag or untag entries in bulk.\n\n功能标签 function tags: "
    + "、".join(FUNCTION_TAGS)
)
@click.argument("phrase_ids", type=int, nargs=-1, required=True)
@click.option("-a", "--add", "to_add", multiple=True, help="要加上的标签。")
@click.option("-r", "--remove", "to_remove", multiple=True, help="要去掉的标签。")
@db_option
@friendly_errors
def tag(
    phrase_ids: tuple[int, ...],
    to_add: tuple[str, ...],
    to_remove: tuple[str, ...],
    db_path: Path | None,
) -> None:
    if not to_add and not to_remove:
        raise click.UsageError("请用 --add 或 --remove 指定标签。")
    with open_bank(db_path) as bank:
        changed = bank.tag(phrase_ids, to_add) if to_add else 0
        changed += bank.tag(phrase_ids, to_remove, remove=True) if to_remove else 0
    click.echo(f"已更新 {changed} 处标签。")


@cli.command(name="export")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), help="默认按扩展名。")
@db_option
@friendly_errors
def export_cmd(out: Path, fmt: str | None, db_path: Path | None) -> None:
    """导出短语库为 CSV 或 JSON / Export the bank to CSV or JSON."""
    from phrasebank.exchange import export_phrases

    with open_bank(db_path) as bank:
        n = export_phrases(bank, out, fmt=fmt)
    click.echo(f"已导出 {n} 条到 {out}。")


@cli.command(name="import")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option
@json_option
@friendly_errors
def import_cmd(source: Path, db_path: Path | None, as_json: bool) -> None:
    """从 CSV 或 JSON 导入条目（需有 text 列）/ Import entries from CSV or JSON."""
    from phrasebank.exchange import import_phrases

    with open_bank(db_path) as bank:
        report = import_phrases(bank, source)
    if as_json:
        _echo_json(
            {
                "added": report.added,
                "updated": report.updated,
                "bad": [{"line": n, "reason": r} for n, r in report.bad],
            }
        )
    else:
        click.echo(report.summary())
        for line, reason in report.bad:
            click.echo(f"  第 {line} 行：{reason}", err=True)


@cli.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@json_option
@friendly_errors
def mine(sources: tuple[Path, ...], db_path: Path | None, as_json: bool) -> None:
    """从讲稿文件或文件夹中挖掘短语（.txt .md .docx）/ Mine speeches into the bank."""
    with open_bank(db_path) as bank:
        bar: Any = None

        def progress(done: int, total: int) -> None:
            nonlocal bar
            if as_json:
                return
            if bar is None:
                bar = click.progressbar(length=total, label="挖掘中", file=sys.stderr)
                bar.__enter__()
            bar.update(done - bar.pos)

        try:
            report = bank.mine(sources, on_progress=progress)
        finally:
            if bar is not None:
                bar.__exit__(None, None, None)
    if as_json:
        _echo_json(
            {
                "files": report.files,
                "added": report.added,
                "updated": report.updated,
                "skipped": [{"path": p, "reason": r} for p, r in report.skipped],
            }
        )
        return
    click.echo(report.summary())
    for path, reason in report.skipped:
        click.echo(f"  跳过 {path}：{reason}", err=True)


@cli.command(name="build-default")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="输出文件（默认：resources/default_bank.db）。",
)
@friendly_errors
def build_default(out: Path | None) -> None:
    """由自带语料和规范表述清单重建默认短语库 / Rebuild the bundled default bank."""
    from phrasebank.default_bank import build_default_bank, default_output

    target = out or default_output()
    report = build_default_bank(target)
    click.echo(f"已生成 {target}：{report.summary()}")


@cli.command(name="eval")
@click.argument("corpus", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-k", default=5, show_default=True, help="每次看前 k 条建议。")
@friendly_errors
def eval_cmd(corpus: tuple[Path, ...], k: int) -> None:
    """留一法评估按键节省率（KSR），并与朴素基线对比 / Leave-one-out keystroke savings.

    For each speech, a bank is built from the others (plus the curated list) and the speech
    is typed against it; the naive baseline completes whole clauses of the others by prefix.
    """
    from phrasebank.evaluate import product_index, run_eval

    click.echo(run_eval(corpus, build_bank=product_index, k=k))


def _register_optional_commands() -> None:
    from phrasebank.check_cli import check_command

    cli.add_command(check_command)


_register_optional_commands()


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point."""
    cli.main(args=argv if argv is not None else sys.argv[1:], prog_name="phrasebank")


if __name__ == "__main__":
    main()
