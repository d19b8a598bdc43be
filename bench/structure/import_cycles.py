#!/usr/bin/env python3
"""Import circles between the modules of one Rust crate.

    python3 bench/structure/import_cycles.py crates/core/src [--quiet]

Reads every module file under SRC (lib.rs or main.rs is the crate root;
`a.rs` and `a/mod.rs` are module `a`; `a/b.rs` is `a::b`) and builds the
module graph from what the code names:

- `use crate::...`, `use super::...`, `use self::...` and `use child::...`
  (a module the file declares), brace groups expanded;
- inline paths `crate::a::b`, `super::a`, `self::a` and `child::a` anywhere
  else in the code.

Comments (doc comments included), string and character literals, and
`#[cfg(test)]` modules are left out first: tests may reach anywhere. A path
ends at the deepest module it names; a name a module re-exports with `pub use`
leads on to where it comes from. A parent's `pub use child::...` is its
facade, not a dependency; its own `use child::...` is one.

The graph is printed twice: collapsed to top-level modules (`prepare`,
`redundancy`, ...), and, within each folder module, to its second-level
modules (`redundancy::view`, `redundancy::aliases`; the folder's own mod.rs is
the folder's name). Every strongly connected component of more than one
module is an import circle; the exit status is 1 if there is any.

With `--layers a,b,c` (top-level modules, lowest first) every top-level edge
must also point down the list: brief-core's layering rule is

    python3 bench/structure/import_cycles.py crates/core/src \\
        --layers error,model,embedding,text,prepare,similarity,redundancy,select,summarize,registry,analyze
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

IDENT = r"[A-Za-z_][A-Za-z0-9_]*"


def strip_code(src: str) -> str:
    """`src` with comments, string and char literals blanked (newlines kept)."""
    out: list[str] = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        two = src[i : i + 2]
        if two == "//":
            j = src.find("\n", i)
            i = n if j < 0 else j
            continue
        if two == "/*":
            depth, j = 1, i + 2
            while j < n and depth:
                if src.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif src.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            out.append(" " + "\n" * src.count("\n", i, j))
            i = j
            continue
        raw = re.match(r'(?:b|c)?r(#*)"', src[i : i + 260])
        if raw and (i == 0 or not (src[i - 1].isalnum() or src[i - 1] == "_")):
            close = '"' + raw.group(1)
            j = src.find(close, i + raw.end())
            j = n if j < 0 else j + len(close)
            out.append('""' + "\n" * src.count("\n", i, j))
            i = j
            continue
        if c == '"':
            j = i + 1
            while j < n and src[j] != '"':
                j += 2 if src[j] == "\\" else 1
            j += 1
            out.append('""' + "\n" * src.count("\n", i, j))
            i = j
            continue
        if c == "'":
            # A char literal ('x', '\n', '\u{201c}') or a lifetime / label ('a).
            if src.startswith("\\", i + 1):
                j = src.find("'", i + 2)
                if j >= 0:
                    out.append("' '")
                    i = j + 1
                    continue
            elif i + 2 < n and src[i + 2] == "'":
                out.append("' '")
                i += 3
                continue
            out.append(c)
            i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def matching_brace(code: str, open_at: int) -> int:
    depth = 0
    for j in range(open_at, len(code)):
        if code[j] == "{":
            depth += 1
        elif code[j] == "}":
            depth -= 1
            if depth == 0:
                return j
    return len(code) - 1


CFG_TEST_MOD = re.compile(
    r"#\[cfg\(test\)\]\s*(?:#\[[^\]]*\]\s*)*(?:pub(?:\([^)]*\))?\s+)?mod\s+(" + IDENT + r")\s*([;{])"
)


def drop_test_modules(code: str) -> tuple[str, set[str]]:
    """Removes `#[cfg(test)] mod x { ... }`; returns the names of test-only `mod x;`."""
    test_files: set[str] = set()
    while True:
        m = CFG_TEST_MOD.search(code)
        if not m:
            return code, test_files
        if m.group(2) == ";":
            test_files.add(m.group(1))
            end = m.end()
        else:
            end = matching_brace(code, m.end() - 1) + 1
        code = code[: m.start()] + "\n" * code.count("\n", m.start(), end) + code[end:]


def split_top(s: str) -> list[str]:
    """Splits a use-group body at commas outside braces."""
    parts, depth, cur = [], 0, []
    for ch in s:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return [p.strip() for p in parts if p.strip()]


def expand_use(tree: str, prefix: list[str]) -> list[tuple[list[str], str | None]]:
    """Use tree (renames written `name@alias`) → (path, bound name; None for a glob)."""
    tree = re.sub(r"\s+", "", tree)
    if not tree:
        return []
    brace = tree.find("{")
    if brace >= 0:
        head = [s for s in tree[:brace].split("::") if s]
        inner = tree[brace + 1 : tree.rfind("}")]
        out = []
        for part in split_top(inner):
            out += expand_use(part, prefix + head)
        return out
    path = [s for s in tree.split("::") if s]
    if path and path[-1] == "*":
        return [(prefix + path[:-1], None)]
    if path and path[-1] == "self":
        full = prefix + path[:-1]
        return [(full, full[-1] if full else None)]
    full = prefix + path
    return [(full, full[-1] if full else None)]


USE_STMT = re.compile(r"(?<![A-Za-z0-9_])(pub(?:\s*\([^)]*\))?\s+)?use\s+([^;]*);")
INLINE = re.compile(r"(?<![A-Za-z0-9_:])((?:crate|super|self)(?:\s*::\s*" + IDENT + r")+)")
MOD_DECL = re.compile(r"(?<![A-Za-z0-9_])mod\s+(" + IDENT + r")\s*;")


def use_trees(code: str) -> list[tuple[bool, str, int, int]]:
    """(is pub, tree text, start, end) of every use statement, `as` renames kept."""
    out = []
    for m in USE_STMT.finditer(code):
        out.append((m.group(1) is not None, m.group(2), m.start(), m.end()))
    return out


def parse_use(tree: str) -> list[tuple[list[str], str | None]]:
    # Handle `x as y` before whitespace is dropped.
    tree = re.sub(r"\s+as\s+(" + IDENT + r")", r"@\1", tree)
    pairs = []
    for path, name in expand_use(tree, []):
        if path and "@" in path[-1]:
            last, alias = path[-1].split("@", 1)
            path = path[:-1] + [last]
            name = alias
        pairs.append((path, name))
    return pairs


class Crate:
    def __init__(self, src: Path):
        self.src = src
        self.files: dict[tuple[str, ...], Path] = {}
        for f in sorted(src.rglob("*.rs")):
            rel = f.relative_to(src).with_suffix("").parts
            if rel in (("lib",), ("main",)):
                mod: tuple[str, ...] = ()
            elif rel[-1] == "mod":
                mod = tuple(rel[:-1])
            else:
                mod = tuple(rel)
            if "bin" in rel[:1] and len(rel) > 1:
                continue  # src/bin/*: other crates
            self.files.setdefault(mod, f)
        self.code: dict[tuple[str, ...], str] = {}
        test_only: set[tuple[str, ...]] = set()
        for mod, f in self.files.items():
            code, tests = drop_test_modules(strip_code(f.read_text(encoding="utf-8")))
            self.code[mod] = code
            test_only |= {mod + (t,) for t in tests}
        # Modules declared by their parent (others are not compiled).
        declared = {()}
        for mod, code in self.code.items():
            for m in MOD_DECL.finditer(code):
                declared.add(mod + (m.group(1),))
        self.modules = {
            m
            for m in self.code
            if m in declared and not any(m[: k] in test_only for k in range(1, len(m) + 1))
        }
        # Re-exports: module → name → absolute path.
        self.reexports: dict[tuple[str, ...], dict[str, tuple[str, ...]]] = {}
        for mod in self.modules:
            table = {}
            for is_pub, tree, _, _ in use_trees(self.code[mod]):
                if not is_pub:
                    continue
                for path, name in parse_use(tree):
                    target = self.absolute(mod, path)
                    if target is not None and name:
                        table[name] = target
            self.reexports[mod] = table

    def children(self, mod: tuple[str, ...]) -> set[str]:
        return {m[-1] for m in self.modules if len(m) == len(mod) + 1 and m[:-1] == mod}

    def absolute(self, mod: tuple[str, ...], path: list[str]) -> tuple[str, ...] | None:
        """The absolute path of `path` written in `mod`; None for other crates."""
        if not path:
            return None
        head, rest = path[0], path[1:]
        if head == "crate":
            return tuple(rest)
        if head in ("super", "self"):
            base = mod
            while path and path[0] in ("super", "self"):
                if path[0] == "super":
                    base = base[:-1]
                path = path[1:]
            return base + tuple(path)
        if head in self.children(mod):
            return mod + tuple(path)
        return None

    def resolve(self, path: tuple[str, ...], seen: int = 0) -> tuple[str, ...]:
        """The deepest module `path` names, following re-exports."""
        k = 0
        while k < len(path) and path[: k + 1] in self.modules:
            k += 1
        mod = path[:k]
        if k < len(path) and seen < 8:
            target = self.reexports.get(mod, {}).get(path[k])
            if target is not None:
                return self.resolve(target + path[k + 1 :], seen + 1)
        return mod

    def edges(self) -> set[tuple[tuple[str, ...], tuple[str, ...]]]:
        out = set()
        for mod in self.modules:
            code = self.code[mod]
            targets = []
            spans = []
            for is_pub, tree, start, end in use_trees(code):
                spans.append((start, end))
                for path, _ in parse_use(tree):
                    target = self.absolute(mod, path)
                    if target is None:
                        continue
                    facade = is_pub and target[: len(mod)] == mod and len(target) > len(mod)
                    if not facade:
                        targets.append(target)
            children = self.children(mod)
            child_paths = re.compile(
                r"(?<![A-Za-z0-9_:])((?:" + "|".join(sorted(children)) + r")(?:\s*::\s*" + IDENT + r")+)"
            ) if children else None
            for pattern in (INLINE, child_paths):
                if pattern is None:
                    continue
                for m in pattern.finditer(code):
                    if any(s <= m.start() < e for s, e in spans):
                        continue
                    path = [s.strip() for s in m.group(1).split("::")]
                    target = self.absolute(mod, path)
                    if target is not None:
                        targets.append(target)
            for t in targets:
                to = self.resolve(t)
                if to == mod:
                    continue
                out.add((mod, to))
        return out


def name(mod: tuple[str, ...]) -> str:
    return "::".join(mod) if mod else "crate"


def cycles(nodes: set[str], edges: set[tuple[str, str]]) -> list[list[str]]:
    """Strongly connected components of more than one node (Tarjan)."""
    succ: dict[str, list[str]] = {v: [] for v in nodes}
    for a, b in edges:
        succ[a].append(b)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        work = [(v, iter(sorted(succ[v])))]
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        while work:
            node, it = work[-1]
            advanced = False
            for w in it:
                if w not in index:
                    index[w] = low[w] = counter[0]
                    counter[0] += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(succ[w]))))
                    advanced = True
                    break
                if w in on:
                    low[node] = min(low[node], index[w])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                comp = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    comp.append(w)
                    if w == node:
                        break
                if len(comp) > 1:
                    found.append(sorted(comp))

    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return found


def report(title: str, nodes: set[str], edges: set[tuple[str, str]], quiet: bool) -> int:
    found = cycles(nodes, edges)
    if not quiet:
        print(f"{title}: {len(nodes)} modules, {len(edges)} edges")
        for a in sorted(nodes):
            outs = sorted(b for x, b in edges if x == a)
            if outs:
                print(f"  {a} -> {', '.join(outs)}")
    for comp in found:
        print(f"CYCLE in {title}: {' <-> '.join(comp)}")
        for a, b in sorted(edges):
            if a in comp and b in comp:
                print(f"    {a} -> {b}")
    return len(found)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("src", type=Path, help="a crate's src/ folder")
    ap.add_argument("--quiet", action="store_true", help="print only cycles and the verdict")
    ap.add_argument(
        "--layers",
        help="top-level modules lowest first, comma-separated: also fail on any edge "
        "from a module to one listed after it (or to one left out of the list)",
    )
    args = ap.parse_args()
    if not args.src.is_dir():
        print(f"error: {args.src} is not a folder", file=sys.stderr)
        return 2
    crate = Crate(args.src)
    edges = crate.edges()
    found = 0

    top = {(name(a[:1]), name(b[:1])) for a, b in edges if a[:1] != b[:1]}
    top_nodes = {name(m[:1]) for m in crate.modules}
    found += report(f"{args.src} top-level", top_nodes, top, args.quiet)

    for folder in sorted({m[:1] for m in crate.modules if len(m) > 1}):
        inside = {m for m in crate.modules if m[:1] == folder}
        nodes = {name(m[:2]) for m in inside}
        sub = {
            (name(a[:2]), name(b[:2]))
            for a, b in edges
            if a[:1] == folder and b[:1] == folder and a[:2] != b[:2]
        }
        found += report(f"{args.src} {name(folder)}/", nodes, sub, args.quiet)

    upward = 0
    if args.layers:
        order = [m.strip() for m in args.layers.split(",") if m.strip()]
        rank = {m: k for k, m in enumerate(order)}
        for m in sorted(top_nodes - set(rank) - {"crate"}):
            print(f"LAYERING: module {m} is in no layer")
            upward += 1
        for a, b in sorted(top):
            if a in rank and b in rank and rank[b] >= rank[a]:
                print(f"LAYERING: {a} -> {b} names a module at or above its own layer")
                upward += 1
        if upward:
            print(f"  layers, lowest first: {', '.join(order)}")

    verdict = "no import cycles" if not found else f"{found} import cycle(s)"
    if args.layers:
        verdict += ", layering kept" if not upward else f", {upward} layering violation(s)"
    print(f"{args.src}: {verdict}")
    return 1 if found or upward else 0


if __name__ == "__main__":
    sys.exit(main())
