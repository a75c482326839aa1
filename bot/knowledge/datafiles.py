"""Shared helpers for the structured data files in ``knowledge/`` (crawlers.yaml, optout/*.yaml).

Every check appends a :class:`Problem` (file, field, message) instead of raising, so a maintainer
sees all problems at once. Only PyYAML is imported: these modules must stay cheap to import.
"""

from __future__ import annotations

import datetime as dt
import errno
import re
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import yaml

from bot.errors import Problem
from bot.knowledge.i18n import Text
from bot.knowledge.schema import LANGS

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SLUG_RE = re.compile(r"^[a-z0-9]++(?:-[a-z0-9]++)*+$")  # possessive: no backtracking
MAX_DATA_FILE_BYTES = 1024 * 1024
# YAML folds a line break into a space; between two CJK characters that space is an artefact.
_CJK = r"\u3000-\u30ff\u3400-\u9fff\uff00-\uffef"
_CJK_FOLD_RE = re.compile(rf"(?<=[{_CJK}]) (?=[^\s`])|(?<=[^\s`]) (?=[{_CJK}])")


# libyaml's parser when PyYAML has it: the pure-Python one made YAML most of a no-op ingest.
if TYPE_CHECKING:  # the checker needs one class to derive from; the stubs always declare CSafeLoader
    FAST_SAFE_LOADER = yaml.CSafeLoader
else:
    FAST_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DateKeepingLoader(FAST_SAFE_LOADER):
    """SafeLoader that keeps dates as the strings written, so an impossible date is a reported
    problem (``check_date``) instead of a ValueError from the YAML timestamp constructor. Used
    for the data files and for notes' front matter and sidecars."""


def _scalar_as_written(loader: yaml.BaseLoader, node: yaml.Node) -> str:
    return str(loader.construct_scalar(cast(yaml.ScalarNode, node)))  # a timestamp is always a scalar node


DateKeepingLoader.add_constructor("tag:yaml.org,2002:timestamp", _scalar_as_written)


def invalid_yaml(exc: yaml.YAMLError, line_offset: int = 1) -> str:
    """``invalid YAML at line N: what`` for a parse error; ``line_offset`` is the file line of the
    parsed text's first line (2 for front matter after its ``---``)."""
    mark = getattr(exc, "problem_mark", None)
    where = f" at line {mark.line + line_offset}" if mark else ""
    return f"invalid YAML{where}: {getattr(exc, 'problem', exc)}"


def decode_text(raw: bytes, rel: str, problems: list[Problem]) -> str | None:
    """UTF-8 text (a BOM is dropped) with ``\n`` line ends, or None and a problem for binary
    data or bytes that are not UTF-8."""
    if b"\x00" in raw:
        problems.append(Problem(rel, None, "binary data (NUL bytes) in a text file"))
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.append(Problem(rel, None, f"not UTF-8 (byte {exc.start}); save the file as UTF-8"))
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


MAX_DATA_NODES = 200_000  # values in one data file, counting every use of a YAML alias


def refuse_to_read(path: Path, root: Path, folder: str | None = None) -> tuple[str | None, int]:
    """``(why path must not be read, its size in bytes)``, judged from ``stat()`` alone; the reason
    is None when it may be read. Refused: a symlink loop, a symlink to nothing or leading outside
    ``root`` (named ``folder`` in the message, default ``<root name>/``), not a regular file (a
    FIFO would block). The size limit is the caller's."""
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (RuntimeError, OSError) as exc:  # RuntimeError: a symlink loop (Python < 3.13)
            if isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == errno.ELOOP:
                return "symlink loop (the link leads back to itself); remove or fix it", 0
            return "symlink to a file that does not exist; remove or fix it", 0
        if not target.is_relative_to(root.resolve()):
            return f"symlink points outside {folder or f'{root.name or root}/'}; refused", 0
    try:
        st = path.stat()
    except OSError as exc:
        return f"cannot read file: {exc.strerror}", 0
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file (device, FIFO or socket); refused", 0
    return None, st.st_size


def unsafe_to_read(path: Path, root: Path, max_bytes: int) -> str | None:
    """Why ``path`` must not be read (:func:`refuse_to_read`, or over ``max_bytes``), or None."""
    reason, size = refuse_to_read(path, root)
    if reason is None and size > max_bytes:
        reason = f"{size} bytes, over the {max_bytes}-byte limit"
    return reason


def _expands_beyond(data: Any, limit: int) -> bool:
    """True when walking ``data`` (aliases expanded) visits more than ``limit`` values."""
    stack, seen = [data], 0
    while stack:
        item = stack.pop()
        seen += 1
        if seen > limit:
            return True
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def load_yaml(path: Path, rel: str, problems: list[Problem]) -> Any:
    """Parse a YAML file; report unreadable, oversized, non-UTF-8 or invalid files.

    Size, file type and symlinks (which must stay inside the file's folder) are checked before
    reading; alias bombs are refused after parsing, before any value is used."""
    reason = unsafe_to_read(path, path.parent, MAX_DATA_FILE_BYTES)
    if reason:
        problems.append(Problem(rel, None, reason))
        return None
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(rel, None, f"cannot read file: {exc.strerror}"))
        return None
    if len(raw) > MAX_DATA_FILE_BYTES:
        problems.append(Problem(rel, None, f"{len(raw)} bytes, over the {MAX_DATA_FILE_BYTES}-byte limit"))
        return None
    text = decode_text(raw, rel, problems)
    if text is None:
        return None
    try:
        data = yaml.load(text, Loader=DateKeepingLoader)
    except yaml.YAMLError as exc:
        problems.append(Problem(rel, None, invalid_yaml(exc)))
        return None
    except RecursionError:
        problems.append(Problem(rel, None, "invalid YAML: nested too deeply"))
        return None
    if _expands_beyond(data, MAX_DATA_NODES):
        problems.append(
            Problem(
                rel,
                None,
                f"more than {MAX_DATA_NODES} values once YAML aliases are expanded (an alias bomb?); refused",
            )
        )
        return None
    return data


def load_mapping(
    path: Path, rel: str, problems: list[Problem], *, allowed: set[str], shape: str
) -> dict[str, Any] | None:
    """A data file whose top level is a mapping (:func:`load_yaml`), its unknown fields reported;
    None when it cannot be read or is not a mapping ("must be a mapping ``shape``")."""
    before = len(problems)
    data = load_yaml(path, rel, problems)
    if len(problems) > before:
        return None
    if not isinstance(data, dict):
        problems.append(Problem(rel, None, f"must be a mapping {shape}"))
        return None
    unknown_keys(data, allowed, rel, "", problems)
    return data


def as_str(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value).strip()


def text_field(
    data: dict[str, Any], key: str, rel: str, where: str, problems: list[Problem], *, required: bool = True
) -> Text | None:
    """Read ``key: {en: ..., ja: ...}``; both languages must be non-empty strings."""
    name = f"{where}.{key}" if where else key
    value = data.get(key)
    if value is None:
        if required:
            problems.append(Problem(rel, name, "missing (needs en and ja)"))
        return None
    if not isinstance(value, dict):
        problems.append(Problem(rel, name, "must be a mapping with 'en' and 'ja' texts"))
        return None
    out: dict[str, str] = {}
    for lang in LANGS:
        v = value.get(lang)
        if not isinstance(v, str) or not v.strip():
            problems.append(Problem(rel, f"{name}.{lang}", "missing or empty"))
        else:
            out[lang] = unfold_cjk(v.strip()) if lang == "ja" else v.strip()
    for extra in value:
        if extra not in LANGS:
            problems.append(Problem(rel, f"{name}.{extra}", f"unknown language (use {', '.join(LANGS)})"))
    if len(out) != len(LANGS):
        return None
    return Text(**out)


def unfold_cjk(text: str) -> str:
    """Remove the spaces YAML folding leaves next to Japanese characters (Japanese text has none).

    A space beside a backtick is kept, so inline code stays set apart.
    """
    return _CJK_FOLD_RE.sub("", text)


def check_date(value: Any, rel: str, field: str, today: dt.date, problems: list[Problem]) -> str:
    """A YYYY-MM-DD date that exists and is not in the future; returns it as a string."""
    s = as_str(value)
    if not s:
        problems.append(Problem(rel, field, "missing (YYYY-MM-DD)"))
        return ""
    if not DATE_RE.match(s):
        problems.append(Problem(rel, field, f"{s!r} is not a date (YYYY-MM-DD)"))
        return ""
    try:
        date = dt.date.fromisoformat(s)
    except ValueError:
        problems.append(Problem(rel, field, f"{s!r} is not a real date"))
        return ""
    if date > today:
        problems.append(Problem(rel, field, f"{s} is in the future"))
    return s


def check_choice(value: object, choices: Sequence[str], rel: str, field: str, problems: list[Problem]) -> bool:
    """True when ``value`` is one of ``choices``; otherwise a problem naming them (or ``missing``
    for an empty string)."""
    if value in choices:
        return True
    problems.append(Problem(rel, field, f"{value!r} is not one of {', '.join(choices)}" if value != "" else "missing"))
    return False


def mapping_items(
    data: dict[str, Any],
    key: str,
    rel: str,
    problems: list[Problem],
    *,
    allowed: set[str],
    shape: str,
    required: str | None = None,
) -> list[tuple[str, dict[str, Any]]]:
    """The mappings listed under ``key``, each with its field name (``key[i]``), their unknown
    fields reported. A missing list is empty, unless ``required`` (the message for a missing,
    empty or non-list value) says the list must have entries; an entry that is not a mapping
    gets "must be a mapping with ``shape``"."""
    raw = data.get(key) if required else data.get(key) or []
    if required and (not isinstance(raw, list) or not raw):
        problems.append(Problem(rel, key, required))
        return []
    if not isinstance(raw, list):
        problems.append(Problem(rel, key, "must be a list"))
        return []
    items: list[tuple[str, dict[str, Any]]] = []
    for i, item in enumerate(raw):
        where = f"{key}[{i}]"
        if not isinstance(item, dict):
            problems.append(Problem(rel, where, f"must be a mapping with {shape}"))
            continue
        unknown_keys(item, allowed, rel, where, problems)
        items.append((where, item))
    return items


def named_entry(
    item: Any, list_key: str, i: int, name_key: str, allowed: set[str], rel: str, problems: list[Problem]
) -> tuple[str, str] | None:
    """``(name, where)`` for entry ``i`` of the list ``list_key``: its ``name_key`` value ("" when
    missing) and the field name problems use, ``list_key[i] (name)``; its unknown fields are
    reported. None, with a problem, when the entry is not a mapping."""
    if not isinstance(item, dict):
        problems.append(Problem(rel, f"{list_key}[{i}]", "must be a mapping"))
        return None
    name = as_str(item.get(name_key))
    where = f"{list_key}[{i}] ({name})" if name else f"{list_key}[{i}]"
    unknown_keys(item, allowed, rel, where, problems)
    return name, where


def unknown_keys(data: dict[str, Any], allowed: set[str], rel: str, where: str, problems: list[Problem]) -> None:
    for key in data:
        if key not in allowed:
            problems.append(Problem(rel, f"{where}.{key}" if where else str(key), "unknown field (check the spelling)"))


def _front_matters(folder: Path, knowledge_dir: Path) -> Iterator[dict[str, Any]]:
    """The front matter of each ``*.md`` note in ``folder`` that has an ``id``, in name order.

    Reads only the front matter; a note whose front matter cannot be read is left out (the corpus
    validator reports it).
    """
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("*.md")):
        if unsafe_to_read(path, knowledge_dir, MAX_DATA_FILE_BYTES):
            continue  # the corpus validator reports it
        try:
            text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        except (OSError, UnicodeDecodeError):
            continue
        if not text.startswith("---\n"):
            continue
        end = text.find("\n---", 4)
        if end == -1:
            continue
        try:
            fm = yaml.load(text[4:end], Loader=FAST_SAFE_LOADER)
        except yaml.YAMLError:
            continue
        if isinstance(fm, dict) and fm.get("id"):
            yield fm


def note_urls(knowledge_dir: Path) -> dict[str, set[str]]:
    """Map each English note id in ``knowledge_dir/en`` to its url and also_urls."""
    out: dict[str, set[str]] = {}
    for fm in _front_matters(knowledge_dir / "en", knowledge_dir):
        urls = {as_str(fm.get("url"))}
        also = fm.get("also_urls") or []
        if isinstance(also, list):
            urls |= {as_str(u) for u in also}
        out[as_str(fm["id"])] = {u for u in urls if u}
    return out


def note_titles(knowledge_dir: Path) -> dict[str, tuple[Text, Text]]:
    """Map each English note id to its ``(title, publisher)`` in English and, when
    ``knowledge_dir/ja`` has its translation (``translation_of``), in Japanese (else English)."""
    ja = {
        as_str(fm.get("translation_of")): fm
        for fm in _front_matters(knowledge_dir / "ja", knowledge_dir)
        if fm.get("translation_of")
    }
    out = {}
    for fm in _front_matters(knowledge_dir / "en", knowledge_dir):
        nid = as_str(fm["id"])
        title, publisher = as_str(fm.get("title")) or nid, as_str(fm.get("publisher"))
        twin = ja.get(nid, {})
        out[nid] = (
            Text(en=title, ja=as_str(twin.get("title")) or title),
            Text(en=publisher, ja=as_str(twin.get("publisher")) or publisher),
        )
    return out


def check_source(
    source_id: str,
    url: str | None,
    rel: str,
    field: str,
    notes: dict[str, set[str]] | None,
    problems: list[Problem],
) -> None:
    """The source id must be an English note; a given url must be that note's url or an also_url."""
    if notes is None:
        return
    if source_id not in notes:
        problems.append(Problem(rel, field, f"{source_id!r} is not the id of a note in knowledge/en"))
        return
    if url and url not in notes[source_id]:
        problems.append(Problem(rel, field, f"url {url!r} is not the url or an also_url of note {source_id!r}"))


MAX_ASKED = 40  # phrasings per section
MAX_ASKED_CHARS = 300


def string_list(
    raw: object, field_name: str, rel: str, problems: list[Problem], max_items: int, max_chars: int
) -> tuple[str, ...]:
    """A YAML list of short non-empty strings, or a problem naming the field and the limit."""
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(x, str) and x.strip() for x in raw):
        problems.append(Problem(rel, field_name, "must be a list of non-empty strings"))
        return ()
    if len(raw) > max_items:
        problems.append(Problem(rel, field_name, f"{len(raw)} items, over the limit of {max_items}"))
        return ()
    long = [x for x in raw if len(x) > max_chars]
    if long:
        problems.append(Problem(rel, field_name, f"{long[0][:40]!r}… is over {max_chars} characters"))
        return ()
    return tuple(" ".join(x.split()) for x in raw)
