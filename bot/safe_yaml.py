"""Read a YAML knowledge file safely: data plus a line for every path, in time linear in the file.

A "billion laughs" file is a few hundred bytes of anchors (``&a``) whose aliases (``*a``) repeat
each other: composed, it is a small graph of shared nodes, but anything that walks it as a tree
(a line map, the constructed data, pydantic validation) visits billions of nodes. Knowledge files
need no aliases, so a node reached twice is refused with the line of its first use; every other
node is visited once. Nesting deeper than ``MAX_DEPTH`` is refused too (a ``[[[[…]]]]`` file would
otherwise end in a ``RecursionError``).

``read_yaml(text)`` returns ``(data, lines)`` or raises ``YamlProblem`` (a message and a line).
"""

from __future__ import annotations

from typing import Any

import yaml

Path_ = tuple[str | int, ...]

MAX_DEPTH = 50

# libyaml's parser where PyYAML was built with it (it usually is): ten times faster.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlProblem(Exception):
    """The text is not acceptable YAML; ``line`` is 1-based where known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def line_map(root: yaml.Node | None) -> dict[Path_, int]:
    """Map every path in a composed YAML tree to its 1-based line, visiting each node once.

    Raises ``YamlProblem`` for a node reached a second time (an alias: YAML defines an anchor
    before its aliases, and the walk is in document order) or nested too deeply.
    """
    lines: dict[Path_, int] = {}
    if root is None:
        return lines
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, Path_, int]] = [(root, (), root.start_mark.line + 1)]
    while stack:
        node, path, line = stack.pop()
        if id(node) in seen:
            raise YamlProblem(
                "YAML aliases (*name) are not allowed here: write the value out in full", line
            )
        seen.add(id(node))
        if len(path) > MAX_DEPTH:
            raise YamlProblem(f"nested more than {MAX_DEPTH} levels deep", line)
        lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            for key, value in reversed(node.value):  # reversed: popped in document order
                if not isinstance(key, yaml.ScalarNode):
                    raise YamlProblem("keys must be plain values", key.start_mark.line + 1)
                key_line = key.start_mark.line + 1
                child = (*path, key.value)
                lines[child] = key_line
                stack.append((value, child, key_line))
        elif isinstance(node, yaml.SequenceNode):
            # An alias item has no line of its own (its node is the anchored one): report the
            # sequence's.
            here = node.start_mark.line + 1
            for index in range(len(node.value) - 1, -1, -1):
                stack.append((node.value[index], (*path, index), here))
    return lines


def read_yaml(text: str) -> tuple[Any, dict[Path_, int]]:
    """Parse ``text`` into plain data and a line map; raise ``YamlProblem`` if it is unsafe or
    not valid YAML. Aliases are refused before anything is constructed."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        lines = line_map(node)  # refuses aliases: construction below is then linear too
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise YamlProblem(
            f"not valid YAML: {exc.problem or exc}", mark.line + 1 if mark else None
        ) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"not valid YAML: {exc}") from None
    finally:
        loader.dispose()
    return data, lines
