"""The ``phrasebank`` command line: a thin layer over the core API."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from phrasebank import __version__, paths

log = logging.getLogger(__name__)


def _bank_path(db: str | None) -> Path:
    return Path(db) if db else paths.ensure_user_bank()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="phrasebank")
@click.option("-v", "--verbose", is_flag=True, help="输出调试日志 / Show debug logging.")
def cli(verbose: bool) -> None:
    """讲稿短语库命令行工具：挖掘、检索、管理规范表述。

    Phrase bank tool for Chinese official speeches: mine, search and manage formulations.
    Every command takes --db PATH (default: the user's bank).
    """
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


@cli.command()
@click.option("--db", type=click.Path(dir_okay=False), help="短语库文件（默认：用户短语库）。")
def where(db: str | None) -> None:
    """显示短语库与用户数据所在位置 / Show where the bank and user data live."""
    click.echo(f"bank:     {_bank_path(db)}")
    click.echo(f"data:     {paths.data_dir()}")
    click.echo(f"config:   {paths.config_dir()}")


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point."""
    cli.main(args=argv if argv is not None else sys.argv[1:], prog_name="phrasebank")


if __name__ == "__main__":
    main()
