"""SQLite storage of the phrase bank (through sqlite-utils).

Rules:
- one connection per thread (``Store.db`` is thread-local); WAL so readers never wait for the
  writer, and a busy timeout so two writers queue instead of failing;
- every write goes through :meth:`Store.transaction` (``BEGIN IMMEDIATE``): an import is one
  transaction, so an interrupted or failed one leaves the bank exactly as it was;
- the schema changes only through :data:`MIGRATIONS`, tracked by ``PRAGMA user_version``.

Errors from SQLite are turned into :class:`BankError` with a message that says what happened
and what to do; callers (CLI, GUI) show that message instead of a traceback.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import sqlite_utils

from phrasebank.model import Phrase

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "BankError", "Store", "row_to_phrase"]

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"


class BankError(Exception):
    """A bank cannot be opened or written; ``str(err)`` is a message for the user."""


def _json_list(value: Any) -> str:
    return json.dumps(list(value or ()), ensure_ascii=False)


def _tuple(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    try:
        data = json.loads(value)
    except ValueError:
        return ()
    return tuple(str(x) for x in data) if isinstance(data, list) else ()


PHRASE_COLUMNS = (
    "id, text, kind, functions, topics, variants, freq, doc_freq, quality, origin, status, "
    "uses, last_used, favourite, note, created, updated"
)


def row_to_phrase(row: sqlite3.Row | tuple[Any, ...]) -> Phrase:
    """Build a :class:`Phrase` from a row selected with :data:`PHRASE_COLUMNS`."""
    (
        pid,
        text,
        kind,
        functions,
        topics,
        variants,
        freq,
        doc_freq,
        quality,
        origin,
        status,
        uses,
        last_used,
        favourite,
        note,
        created,
        updated,
    ) = tuple(row)
    return Phrase(
        id=int(pid),
        text=text,
        kind=kind or "clause",
        functions=_tuple(functions),
        topics=_tuple(topics),
        variants=_tuple(variants),
        freq=int(freq or 0),
        doc_freq=int(doc_freq or 0),
        quality=float(quality if quality is not None else 0.5),
        origin=origin or "mined",
        status=status or "active",
        uses=int(uses or 0),
        last_used=float(last_used) if last_used is not None else None,
        favourite=bool(favourite),
        note=note or "",
        created=float(created or 0.0),
        updated=float(updated or 0.0),
    )


# --- migrations -------------------------------------------------------------------------------


def _migrate_1(db: sqlite_utils.Database) -> None:
    """Initial schema: phrases, sources, occurrences, follows, trigram full-text index."""
    db.table("phrases").create(
        {
            "id": int,
            "text": str,
            "kind": str,
            "functions": str,  # JSON list of function tags
            "topics": str,  # JSON list of topic (and user) tags
            "variants": str,  # JSON list of known wrong/deprecated wordings
            "freq": int,
            "doc_freq": int,
            "quality": float,
            "origin": str,
            "status": str,
            "uses": int,
            "last_used": float,
            "favourite": int,
            "note": str,
            "created": float,
            "updated": float,
        },
        pk="id",
        not_null={"text", "kind", "origin", "status"},
        defaults={
            "kind": "clause",
            "functions": "[]",
            "topics": "[]",
            "variants": "[]",
            "freq": 0,
            "doc_freq": 0,
            "quality": 0.5,
            "origin": "user",
            "status": "active",
            "uses": 0,
            "favourite": 0,
            "note": "",
        },
    )
    db.table("phrases").create_index(["text"], unique=True)
    db.table("phrases").create_index(["status", "kind"])
    db.table("sources").create(
        {
            "id": int,
            "title": str,
            "path": str,
            "sha256": str,
            "size": int,
            "imported_at": float,
        },
        pk="id",
        not_null={"sha256"},
    )
    db.table("sources").create_index(["sha256"], unique=True)
    db.table("occurrences").create(
        {"id": int, "phrase_id": int, "source_id": int, "position": int, "context": str},
        pk="id",
        foreign_keys=[("phrase_id", "phrases", "id"), ("source_id", "sources", "id")],
    )
    db.table("occurrences").create_index(["phrase_id"])
    db.table("occurrences").create_index(["source_id"])
    db.table("follows").create(
        {"prev_text": str, "phrase_id": int, "count": int},
        pk=("prev_text", "phrase_id"),
        foreign_keys=[("phrase_id", "phrases", "id")],
    )
    db.table("follows").create_index(["phrase_id"])
    # The trigram tokenizer indexes every 3-character window, which suits Chinese (no spaces);
    # queries of 1-2 characters fall back to LIKE in Store.search_text.
    db.table("phrases").enable_fts(["text", "note"], tokenize="trigram", create_triggers=True)


#: Ordered schema migrations; entry *i* brings ``user_version`` from i to i+1.
MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [_migrate_1]
SCHEMA_VERSION = len(MIGRATIONS)


# --- the store --------------------------------------------------------------------------------


def _explain(exc: sqlite3.Error, path: Path) -> BankError:
    msg = str(exc).lower()
    name = f"“{path}”"
    if "not a database" in msg or "malformed" in msg or "file is encrypted" in msg:
        text = f"{name}不是有效的短语库文件（不是 SQLite 数据库或已损坏）。请选择正确的短语库，或用备份替换。"
    elif "locked" in msg or "busy" in msg:
        text = f"短语库{name}正被其他程序占用。请关闭其他正在使用它的窗口或程序后重试。"
    elif "readonly" in msg or "read-only" in msg:
        text = f"短语库{name}是只读的，无法保存修改。请检查文件权限，或另存一份再修改。"
    elif "disk is full" in msg or "database or disk is full" in msg:
        text = f"磁盘已满，短语库{name}的修改没有保存。请清理磁盘空间后重试；已有内容未受影响。"
    elif "unable to open" in msg:
        text = f"无法打开短语库{name}。请检查路径是否存在、是否有访问权限。"
    else:
        text = f"短语库{name}出错：{exc}。请重试；如仍出错，请用备份替换该文件。"
    return BankError(text)


class Store:
    """Thread-aware access to one bank file."""

    def __init__(self, path: Path, *, read_only: bool = False, timeout: float = 5.0) -> None:
        self.path = path
        self.read_only = read_only
        self.timeout = timeout
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._all_lock = threading.Lock()
        self._closed = False

    @classmethod
    def open(
        cls, path: str | os.PathLike[str], *, create: bool = True, timeout: float = 5.0
    ) -> Store:
        """Open (and, when ``create``, create) a bank file and bring its schema up to date."""
        p = Path(path)
        if p.is_dir():
            raise BankError(f"“{p}”是一个文件夹，不是短语库文件。请指定一个 .db 文件。")
        if p.exists():
            try:
                with p.open("rb") as fh:
                    head = fh.read(len(SQLITE_MAGIC))
            except OSError as exc:
                raise BankError(
                    f"无法读取短语库“{p}”：{exc.strerror or exc}。请检查文件权限。"
                ) from exc
            if head and head != SQLITE_MAGIC:
                raise BankError(
                    f"“{p}”不是有效的短语库文件（不是 SQLite 数据库或已损坏）。"
                    "请选择正确的短语库，或用备份替换。"
                )
            read_only = not os.access(p, os.W_OK) or not os.access(p.parent, os.W_OK)
        elif not create:
            raise BankError(f"找不到短语库“{p}”。请检查路径。")
        else:
            try:
                p.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise BankError(f"无法创建短语库“{p}”：{exc.strerror or exc}。") from exc
            read_only = False
        store = cls(p, read_only=read_only, timeout=timeout)
        try:
            store._migrate()
        except BankError:
            store.close()
            raise
        except sqlite3.Error as exc:
            store.close()
            raise _explain(exc, p) from exc
        return store

    # connections

    def _connect(self) -> sqlite3.Connection:
        # Each connection belongs to the thread that opened it (see ``db``). sqlite3's
        # same-thread check stays on: close() from another thread is then refused instead of
        # closing a connection a worker is still using (which crashes the process).
        if self._closed:
            raise BankError("短语库已关闭。")
        if self.read_only:
            uri = f"{self.path.resolve().as_uri()}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, timeout=self.timeout, isolation_level=None)
        else:
            conn = sqlite3.connect(str(self.path), timeout=self.timeout, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
        if not self.read_only:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        with self._all_lock:
            self._all.append(conn)
        return conn

    @property
    def db(self) -> sqlite_utils.Database:
        """This thread's connection, wrapped by sqlite-utils."""
        if self._closed:
            raise BankError("短语库已关闭。")
        db = getattr(self._local, "db", None)
        if db is None:
            try:
                conn = self._connect()
            except sqlite3.Error as exc:
                raise _explain(exc, self.path) from exc
            db = sqlite_utils.Database(conn)
            self._local.db = db
        return db

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    def close(self) -> None:
        """Close the bank: no thread may use it afterwards.

        This thread's connection closes now; another thread's connection cannot be closed
        from here (it may be mid-query) and is released when that thread lets go of it.
        """
        self._closed = True
        with self._all_lock:
            conns, self._all = self._all, []
        for conn in conns:
            with contextlib.suppress(sqlite3.Error):
                conn.close()

    # transactions and queries

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        """One write transaction; rolled back whole on any error (including KeyboardInterrupt)."""
        if self.read_only:
            raise BankError(
                f"短语库“{self.path}”是只读的，无法保存修改。请检查文件权限，或另存一份再修改。"
            )
        db = self.db
        if db.conn.in_transaction:  # nested: a savepoint inside the outer transaction
            with db.atomic():
                yield db
            return
        try:
            db.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise _explain(exc, self.path) from exc
        try:
            yield db
        except BaseException:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            raise
        try:
            db.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            raise _explain(exc, self.path) from exc

    def query(
        self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()
    ) -> list[tuple[Any, ...]]:
        try:
            return list(self.conn.execute(sql, params))
        except sqlite3.Error as exc:
            raise _explain(exc, self.path) from exc

    def search_ids(self, query: str, *, limit: int = 200) -> list[int]:
        """Ids of entries whose text or note contains ``query``.

        Three characters or more use the trigram full-text index; shorter queries (which the
        trigram tokenizer cannot match) fall back to LIKE.
        """
        if len(query) >= 3:
            phrase = '"' + query.replace('"', '""') + '"'
            rows = self.query(
                "SELECT rowid FROM phrases_fts WHERE phrases_fts MATCH ? ORDER BY rank LIMIT ?",
                (phrase, limit),
            )
        else:
            like = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            rows = self.query(
                "SELECT id FROM phrases WHERE text LIKE ? ESCAPE '\\' OR note LIKE ? ESCAPE '\\' "
                "ORDER BY length(text), id LIMIT ?",
                (like, like, limit),
            )
        return [int(r[0]) for r in rows]

    def _migrate(self) -> None:
        db = self.db
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise BankError(
                f"短语库“{self.path}”由更新版本的讲稿编辑器创建（格式版本 {version}）。请升级本软件后再打开。"
            )
        if version == SCHEMA_VERSION:
            return
        if self.read_only:
            raise BankError(f"短语库“{self.path}”需要升级格式，但文件是只读的。请检查文件权限。")
        for index in range(version, SCHEMA_VERSION):
            log.info("migrating %s to schema %d", self.path, index + 1)
            with self.transaction():
                MIGRATIONS[index](db)
                db.execute(f"PRAGMA user_version = {index + 1}")

    # phrase rows

    def phrase_rows(self, where: str = "", params: tuple[Any, ...] = ()) -> list[Phrase]:
        sql = f"SELECT {PHRASE_COLUMNS} FROM phrases"
        if where:
            sql += f" WHERE {where}"
        return [row_to_phrase(r) for r in self.query(sql, params)]

    @staticmethod
    def phrase_values(phrase: Phrase) -> dict[str, Any]:
        return {
            "text": phrase.text,
            "kind": phrase.kind,
            "functions": _json_list(phrase.functions),
            "topics": _json_list(phrase.topics),
            "variants": _json_list(phrase.variants),
            "freq": phrase.freq,
            "doc_freq": phrase.doc_freq,
            "quality": phrase.quality,
            "origin": phrase.origin,
            "status": phrase.status,
            "uses": phrase.uses,
            "last_used": phrase.last_used,
            "favourite": int(phrase.favourite),
            "note": phrase.note,
            "created": phrase.created,
            "updated": phrase.updated,
        }
