"""Find regular expressions that can backtrack super-linearly: nested quantifiers.

A repeat (``*``, ``+``, ``{m,n}`` with n > 1) inside another repeat lets Python's backtracking
engine try exponentially or polynomially many ways to split the same text (ReDoS, see OWASP
"Regular expression Denial of Service"). A possessive inner repeat (``*+``, ``++``) or an atomic
group (``(?>...)``) cannot give back what it took, so it is not counted.

:func:`scan_tree` walks Python sources with :mod:`ast` and checks every string literal passed to
``re.compile``/``re.search``/... ; ``tests/test_regex_safety.py`` runs it over ``bot/`` in CI.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

try:  # Python 3.11+
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

RE_FUNCTIONS = frozenset({"compile", "search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer"})
_BACKTRACKING = {_c.MAX_REPEAT, _c.MIN_REPEAT}


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    pattern: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: nested quantifier in {self.pattern!r}"


def _children(op: object, av: object) -> Iterator[object]:
    """Sub-patterns of one parsed node."""
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        yield av[2]  # type: ignore[index]
    elif op == _c.SUBPATTERN:
        yield av[-1]  # type: ignore[index]
    elif op == _c.BRANCH:
        yield from av[1]  # type: ignore[index]
    elif op in (_c.ASSERT, _c.ASSERT_NOT):
        yield av[1]  # type: ignore[index]
    elif op == _c.GROUPREF_EXISTS:
        yield from (x for x in av[1:] if x is not None)  # type: ignore[index]
    # ATOMIC_GROUP is skipped on purpose: nothing inside it can be re-tried


def _has_repeat(tree: object) -> bool:
    for op, av in tree:  # type: ignore[attr-defined]
        if op in _BACKTRACKING and av[1] > 1:
            return True
        if op != _c.ATOMIC_GROUP and any(_has_repeat(ch) for ch in _children(op, av)):
            return True
    return False


def _nested(tree: object) -> bool:
    for op, av in tree:  # type: ignore[attr-defined]
        if op in _BACKTRACKING and av[1] > 1 and _has_repeat(av[2]):
            return True
        if op != _c.ATOMIC_GROUP and any(_nested(ch) for ch in _children(op, av)):
            return True
    return False


def has_nested_quantifier(pattern: str, flags: int = 0) -> bool:
    """True when ``pattern`` holds a backtracking repeat inside a backtracking repeat."""
    return _nested(_p.parse(pattern, flags))


def _literal(node: ast.expr, names: dict[str, str]) -> str | None:
    """The value of a string literal, a module-level string constant, or a ``+`` of those."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return names.get(node.id)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal(node.left, names), _literal(node.right, names)
        if left is not None and right is not None:
            return left + right
    return None


def _re_call(node: ast.AST) -> tuple[str, ast.expr] | None:
    """(module, pattern argument) of a call such as ``re.compile(p, ...)``."""
    if not (isinstance(node, ast.Call) and node.args and isinstance(node.func, ast.Attribute)):
        return None
    owner = node.func.value
    if isinstance(owner, ast.Name) and owner.id in {"re", "re2"} and node.func.attr in RE_FUNCTIONS:
        return owner.id, node.args[0]
    return None


def scan_source(source: str, filename: str = "<string>") -> list[Finding]:
    """Nested quantifiers in the regex literals of one Python source: literal arguments of
    ``re.*`` calls, module-level string constants they name, and ``[re.compile(p) for p in
    (literal, ...)]`` comprehensions."""
    tree = ast.parse(source, filename)
    names: dict[str, str] = {}
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            value = _literal(stmt.value, names)
            if value is not None:
                names[stmt.targets[0].id] = value
    patterns: list[tuple[int, str, str]] = []
    for node in ast.walk(tree):
        call = _re_call(node)
        if call is not None:
            value = _literal(call[1], names)
            if value is not None:
                patterns.append((node.lineno, call[0], value))
        if isinstance(node, (ast.ListComp, ast.GeneratorExp, ast.SetComp)):
            call = _re_call(node.elt)
            for gen in node.generators:
                if (
                    call
                    and isinstance(call[1], ast.Name)
                    and isinstance(gen.target, ast.Name)
                    and gen.target.id == call[1].id
                    and isinstance(gen.iter, (ast.Tuple, ast.List))
                ):
                    for elt in gen.iter.elts:
                        value = _literal(elt, names)
                        if value is not None:
                            patterns.append((elt.lineno, call[0], value))
    return [Finding(filename, line, p) for line, owner, p in patterns if owner == "re" and has_nested_quantifier(p)]


def scan_tree(root: Path) -> list[Finding]:
    """Nested quantifiers in every ``*.py`` under ``root`` (RE2 patterns are linear: skipped)."""
    found: list[Finding] = []
    for path in sorted(root.rglob("*.py")):
        found += scan_source(path.read_text(encoding="utf-8"), str(path))
    return found
