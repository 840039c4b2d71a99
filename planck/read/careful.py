"""The careful path: ruamel's round-trip parser, for the files the quick path leaves to it.

It reads what libyaml will not (flow collections over several lines, syntax errors to word,
YAML 1.2 numbers, impossible dates) and refuses anchors, aliases, merge keys, tags and deep
nesting with a position. Before issue 27 a file with any sign of those was parsed twice: an
event scan (``preflight``) and then the load. Now the load watches its own events for them,
so a well-formed file is parsed once; a file in which it sees one, or any error, is decided by
the scan and the load as before, so every finding keeps its message and place.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from planck.findings import Finding, one_line, position

#: Deeper nesting than this is refused (planck's own files need 4 levels).
MAX_DEPTH = 40


def preflight(text: str, name: str, deep: re.Match[str] | None, blocked: bool) -> list[Finding]:
    """Refuse aliases, merge keys, tags and deep nesting from the event stream, before any
    tree is built.

    Aliases are refused because expanding them downstream is exponential (billion laughs);
    merge keys because they would silently override keys; tags because round-trip mode keeps
    ``!!python/...`` nodes as inert data that would pass validation unnoticed; deep nesting
    because the composer and the validators recurse.
    """
    if deep:
        return [Finding(name, *position(text, deep.start()), "too-deep",
                        f"nesting deeper than {MAX_DEPTH} levels")]
    if not blocked:
        return []
    from ruamel.yaml import YAML
    from ruamel.yaml import events as ev

    found: list[Finding] = []
    depth = 0
    for event in YAML(typ="safe", pure=True).parse(text):
        mark = event.start_mark
        refuse = (name, mark.line + 1, mark.column + 1)
        scalar = isinstance(event, ev.ScalarEvent)
        if isinstance(event, ev.AliasEvent):
            return [Finding(*refuse, "alias", one_line(f"YAML aliases (*{event.anchor}) are not allowed"))]
        if isinstance(event, ev.NodeEvent) and event.anchor:
            return [Finding(*refuse, "alias", one_line(f"YAML anchors (&{event.anchor}) are not allowed"))]
        if scalar and event.value == "<<" and event.style is None:
            return [Finding(*refuse, "alias", "YAML merge keys (<<) are not allowed: write the keys out")]
        depth += isinstance(event, ev.CollectionStartEvent) - isinstance(event, ev.CollectionEndEvent)
        if depth > MAX_DEPTH:
            return [Finding(*refuse, "too-deep", f"nesting deeper than {MAX_DEPTH} levels")]
        # Plain scalars carry an implicit tag (str, int, date …); only explicit ones are refused.
        implicit = scalar and event.implicit and event.implicit[0]
        tag = getattr(event, "tag", None) if isinstance(event, ev.NodeEvent) else None
        if tag and not implicit:
            found.append(Finding(*refuse, "tag", one_line(f"YAML tags ({tag}) are not allowed")))
    return found


@cache
def _constructor() -> type:
    """Round-trip constructor whose impossible dates (2022-13-01) are positioned YAML errors
    instead of a bare ValueError from ``datetime``."""
    from ruamel.yaml.constructor import ConstructorError, RoundTripConstructor

    class Strict(RoundTripConstructor):
        def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
            try:
                return super().construct_yaml_timestamp(node, values)
            except (ValueError, OverflowError) as err:
                raise ConstructorError(None, None, f"{node.value!r} is not a valid date: {err}",
                                       node.start_mark) from None

    Strict.add_default_constructor("timestamp")
    return Strict


def _yaml_message(err: Any) -> tuple[str, str]:
    """(code, message) for a ruamel MarkedYAMLError, worded for someone editing the file."""
    lines = (err.problem or str(err)).strip().splitlines()
    problem = lines[0] if lines else ""
    if type(err).__name__ == "DuplicateKeyError":
        return "duplicate-key", problem.replace("found ", "", 1)
    if "'\\t'" in problem:
        return "yaml-syntax", "tab character: YAML indentation must use spaces, not tabs"
    if "is not a valid date" in problem:
        return "bad-date", problem
    if "another document" in problem:
        return "yaml-syntax", "a second YAML document ('---'): a planck file holds one document"
    return "yaml-syntax", problem or "invalid YAML"


class _Seen(Exception):
    """The watched load met something ``preflight`` refuses: the two passes decide."""


class _Refused(Exception):
    """``preflight``'s findings, in place of the data."""

    def __init__(self, findings: list[Finding]):
        super().__init__()
        self.findings = findings


@cache
def _watched_parser() -> type:
    """The round-trip parser, raising _Seen at the first event ``preflight`` would refuse
    or note (an alias, an anchor, a merge key, a tag, nesting past MAX_DEPTH). Every event
    reaches the composer through ``get_event``, in stream order."""
    from ruamel.yaml import events as ev
    from ruamel.yaml.parser import RoundTripParser

    class Watched(RoundTripParser):
        depth = 0

        def get_event(self) -> Any:
            event = super().get_event()
            if isinstance(event, ev.AliasEvent):
                raise _Seen
            if isinstance(event, ev.ScalarEvent):
                if event.anchor or (event.value == "<<" and event.style is None):
                    raise _Seen
                if getattr(event, "tag", None) and not (event.implicit and event.implicit[0]):
                    raise _Seen
            elif isinstance(event, ev.NodeEvent):
                if event.anchor or getattr(event, "tag", None):
                    raise _Seen
            self.depth += (isinstance(event, ev.CollectionStartEvent)
                           - isinstance(event, ev.CollectionEndEvent))
            if self.depth > MAX_DEPTH:
                raise _Seen
            return event

    return Watched


def _load(text: str, watched: bool) -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.Constructor = _constructor()
    if watched:
        yaml.Parser = _watched_parser()
    return yaml.load(text)


def _two_passes(text: str, name: str, deep: re.Match[str] | None, blocked: bool) -> Any:
    """The scan, then (when it refuses nothing) the load; _Refused with the scan's findings."""
    findings = preflight(text, name, deep, blocked)
    if findings:
        raise _Refused(findings)
    return _load(text, watched=False)


def _once(text: str, name: str, deep: re.Match[str] | None, blocked: bool) -> Any:
    """The load alone when the scan could not refuse anything (the quick checks say so) or
    the watched load saw nothing it would; otherwise both passes, as before."""
    if deep or not blocked:
        return _two_passes(text, name, deep, blocked)  # the scan is a regex, or nothing: no second parse
    try:
        return _load(text, watched=True)
    except Exception:  # noqa: BLE001 - _Seen or any error: the two passes decide and word it
        pass
    return _two_passes(text, name, deep, blocked)


def parse(text: str, name: str, *, deep: re.Match[str] | None, blocked: bool
          ) -> tuple[Any, list[Finding]]:
    """The careful reading of YAML text: a round-trip tree (its strings not yet checked) and
    no findings, or None and the findings, with positions. ``deep`` and ``blocked`` are the
    loader's quick scans (``_BRACKETS``' match, ``_fast_blocked``)."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.reader import ReaderError

    def refuse(line: int, col: int, code: str, message: str) -> tuple[Any, list[Finding]]:
        return None, [Finding(name, line, col, code, one_line(message))]

    try:
        data = _once(text, name, deep, blocked)
    except _Refused as refused:
        return None, refused.findings
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        return refuse(line, col, *_yaml_message(err))
    except ReaderError as err:
        # Control characters (ESC, DEL, C1 codes): usually pasted from a terminal or a PDF.
        char = err.character if isinstance(err.character, int) else 0
        return refuse(*position(text, err.position), "control-char",
                      f"character U+{char:04X} is not allowed in a YAML file: remove it")
    except (YAMLError, RecursionError, ValueError, TypeError, OverflowError) as err:
        return refuse(0, 0, "yaml-syntax", f"cannot parse YAML: {type(err).__name__}: {err}")
    if data is None:
        return refuse(1, 1, "empty", "file holds no YAML document (empty or comments only)")
    if not hasattr(data, "lc") or not isinstance(data, dict):
        kind = {"CommentedSeq": "list"}.get(type(data).__name__, "single value")
        return refuse(1, 1, "not-a-mapping",
                      f"top level must be a mapping of keys (planck: 1, city: …), not a {kind}")
    return data, []
