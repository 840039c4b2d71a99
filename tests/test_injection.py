"""Issue 9, classes 1 and 5: data strings cannot command a CI runner or inject markup.

``runner_commands`` reads output the way the GitHub runner does (a line that starts with ``::``
after leading whitespace, or holds ``##[`` anywhere); it must find nothing in any text format,
on stdout or stderr, when every string of the data files is hostile. Markdown is rendered with
markdown-it (CommonMark) and must hold no raw HTML, link or fence that comes from data.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from xml.etree import ElementTree as ET

import pytest
from conftest import base_targets, measured, obs, target
from hypothesis import given, settings
from hypothesis import strategies as st

from planck import escape
from planck.render import get, names
from planck.render.context import Context

# Strings a stranger could put in a valid data file (no control characters: those are refused
# at load time, see test_hostile); each holds a workflow command and markup.
EVIL = ("::error title=pwned::EVIL ##[add-mask]x <img src=x onerror=alert(1)> "
        "[a](javascript:alert(1)) `|` &lt;b&gt;")
EVIL_START = "::warning::EVIL"
# What the renderers must survive even if a loader let it through: line ends of every kind.
RAW = "name\n::error::EVIL\r::error::EVIL\u2028::error::EVIL\x85::error::EVIL\r```\n##[group]EVIL\x1b[2J"


def runner_commands(text: str) -> list[str]:
    """Lines the GitHub runner would execute as workflow commands (actions/runner splits on
    line ends; str.splitlines splits on more characters, so this errs on the strict side)."""
    return [ln for ln in text.splitlines() if ln.lstrip().startswith("::") or "##[" in ln]


def github_commands_are_planck_own(text: str) -> None:
    """Every line of the github format is one of planck's own annotations, whole."""
    for ln in text.splitlines():
        m = re.fullmatch(r"::(error|warning|notice) file=([^,:]*),line=(\d+),title=([^,:]*)::(.*)", ln)
        assert m, ln
        assert "\r" not in ln and "EVIL" not in m.group(2) + m.group(4)


# --- the helpers themselves -----------------------------------------------------------------

def test_runner_commands_finds_what_the_runner_runs():
    assert runner_commands("ok\n  ::error::x\n") == ["  ::error::x"]
    assert runner_commands("a ##[add-mask]b") == ["a ##[add-mask]b"]
    assert runner_commands("a :: b\n# [x]") == []


@settings(deadline=None)  # a shared CI core must not make a pure function flaky
@given(st.text())
def test_log_text_is_one_line_without_commands(text):
    out = escape.log(text)
    assert len(out.splitlines()) <= 1 and "::" not in out and "##[" not in out
    assert not re.search("[\x00-\x08\x0a-\x1f\x7f-\x9f]", out)
    assert escape.log(out) == out, "idempotent: escaping twice changes nothing"


@settings(deadline=None)
@given(st.text(), st.text(alphabet=" :#["), st.text(alphabet=" :#["))
def test_log_text_cannot_be_completed_by_its_neighbours(text, before, after):
    # Whatever planck writes on either side of a field, the field adds no command.
    if not runner_commands(before + after):
        assert runner_commands(before + escape.log(text) + after) == []


@settings(deadline=None)
@given(st.text())
def test_markdown_text_is_one_line_without_commands_or_tags(text):
    from markdown_it import MarkdownIt

    out = escape.markdown(text)
    assert len(out.splitlines()) <= 1 and "::" not in out and "##[" not in out
    tokens = MarkdownIt("commonmark").parseInline("x " + out)[0].children
    assert not [t for t in tokens if t.type in ("html_inline", "link_open", "image")]


@pytest.mark.parametrize("url, safe", [
    ("https://example.org/a b", "https://example.org/a%20b"),
    ("http://x.cn/path?q=(1)&r=<2>", "http://x.cn/path?q=%281%29&r=%3C2%3E"),
    ("https://example.org/b?a=1&b=2", "https://example.org/b?a=1&b=2"),
    ("javascript:alert(1)", None), ("JavaScript:alert(1)", None), ("data:text/html,x", None),
    ("file:///etc/passwd", None), ("//evil.example/x", None), ("https:///nohost", None),
])
def test_url_links_only_http_and_is_percent_encoded(url, safe):
    assert escape.url(url) == safe


def test_strict_json_never_writes_nan_or_infinity():
    text = escape.strict_json({"a": float("inf"), "b": [float("nan"), -float("inf")], "c": "##[x]::"})
    assert json.loads(text, parse_constant=lambda c: pytest.fail(c)) == \
        {"a": None, "b": [None, None], "c": "##[x]::"}
    assert "##[" not in text and "::" not in text


# --- every renderer on results carrying raw line ends (defence in depth) ----------------------

def hostile_report():
    from test_render import REPORT

    results = tuple(replace(r, name=RAW, name_en=EVIL, unit="家" + RAW,
                            verdict=replace(r.verdict, reason=RAW),
                            target=replace(r.target, wording=RAW, source_title=EVIL, quote=RAW))
                    for r in REPORT.results)
    return replace(REPORT, name_zh=RAW, name_en=EVIL_START, results=results)


@pytest.mark.parametrize("fmt", names())
@pytest.mark.parametrize("width", [40, 100])
def test_no_renderer_emits_a_command_from_data(fmt, width):
    out = get(fmt)([hostile_report()], Context(width=width))
    if fmt == "github":
        github_commands_are_planck_own(out)
    else:
        assert runner_commands(out) == []
        # (CSV ends its lines with CRLF on purpose; no other carriage return may appear)
        assert "\x1b" not in out and "\r" not in out.replace("\r\n", "\n")
    if fmt == "json":
        json.loads(out)
    if fmt == "junit":
        ET.fromstring(out.split("\n", 1)[1])


def test_report_markdown_keeps_data_out_of_markup_and_fences():
    from planck.render.report import Document, Evidence, render_report

    report = hostile_report()
    docs = (Document(EVIL, EVIL, EVIL, None, "javascript:alert(1)"),
            Document("ok", url="https://example.org/x y<z>"))
    text = render_report(report, Context(), Evidence(docs))
    assert runner_commands(text) == [] and "\r" not in text
    markdown_is_clean(text)


ALLOWED_HTML = re.compile(r"^(<br>|</?sub>|<!-- .* -->\n?)$")


def markdown_is_clean(text: str) -> None:
    """Render with markdown-it (CommonMark + tables): no raw HTML but planck's own tags, no link
    but http(s) and relative file links, no image but planck's chart files, no code fence (a
    line end in data could open one)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    tokens = md.parse(text)
    flat = [c for t in tokens for c in ([t] + (t.children or []))]
    html = [t.content for t in flat if t.type in ("html_inline", "html_block")]
    assert all(ALLOWED_HTML.match(h) for h in html), html
    hrefs = [t.attrs.get("href", "") for t in flat if t.type == "link_open"]
    assert all(re.match(r"https?://|\.\./|[\w./%-]+(#L\d+)?$", h) for h in hrefs), hrefs
    assert not [h for h in hrefs if "javascript" in h.lower()]
    srcs = [t.attrs.get("src", "") for t in flat if t.type == "image"]
    assert all(re.fullmatch(r"charts/[a-z0-9-]+\.svg", s) for s in srcs), srcs
    assert not [t for t in tokens if t.type in ("fence", "code_block")]


# --- through the CLI, with hostile strings in every data field --------------------------------

@pytest.fixture
def evil_city(make_city):
    doc = base_targets()
    doc["city"].update(name_zh=EVIL, name_en=EVIL_START)
    doc["sources"][0].update(title=EVIL, issuer=EVIL, doc_number=EVIL)
    doc["plans"][0].update(title_zh=EVIL, title_en=EVIL_START)
    for ind in doc["indicators"]:
        ind.update(name_zh=EVIL + ind["name_zh"], name_en=EVIL_START)
    # each quote still writes its number (validate requires it), after the hostile text
    targets = [target("firms-2025", "firms", "at_least", value=1600, unit="家", wording=EVIL,
                      quote=EVIL + "1600家",
                      baseline={"year": 2020, "value": 755, "quote": EVIL + "755家"}),
               target("rd-2025", "rd", "at_least", value=2.5, unit="%", quote=EVIL_START + " 2.5%")]
    m = measured([obs("firms", 2021, 900, "家", quote=EVIL + "900家"), obs("firms", 2023, 1390, "家"),
                  obs("rd", 2023, 2.1, "%", quote=EVIL_START + " 2.1%")])
    m["sources"][0].update(title=EVIL, issuer=EVIL, url="javascript:alert(1)")
    path = make_city(targets, measured_doc=m, doc=doc)
    return path


COMMANDS = [
    ["check", "{city}"], ["check", "{city}", "-f", "markdown"], ["check", "{city}", "-f", "json"],
    ["check", "{city}", "-f", "junit"], ["check", "{city}", "--lang", "zh"],
    ["check", "--all", "--targets-dir", "{dir}", "-f", "json"],
    ["check", "--all", "--targets-dir", "{dir}", "--fail-on", "on_track,behind,off_track,met"],
    ["explain", "{city}", "firms-2025"], ["explain", "{city}", "firms-2025", "--json"],
    ["list", "--targets-dir", "{dir}"], ["validate", "{dir}"],
    ["compare", "firms", "--cities", "{city}"], ["compare", "firms", "--cities", "{city}", "-f", "markdown"],
    ["compare", "firms", "--cities", "{city}", "-f", "json"],
    ["report", "{city}", "-o", "-"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_no_command_reaches_stdout_or_stderr(invoke, evil_city, args):
    argv = [a.format(city=evil_city, dir=evil_city.parent) for a in args]
    res = invoke(*argv, env={"COLUMNS": "60"})
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    assert res.exit_code in (0, 1), res.stderr
    assert "EVIL" in res.stdout + res.stderr or args[0] == "validate", "the data is shown, escaped"
    assert runner_commands(res.stdout) == [] and runner_commands(res.stderr) == []
    if "json" in args or "--json" in args:
        json.loads(res.stdout)
    if "markdown" in args or "report" in args:
        markdown_is_clean(res.stdout)


def test_github_format_annotations_stay_planck_own(invoke, evil_city):
    res = invoke("check", str(evil_city), "-f", "github")
    assert res.exit_code == 0, res.stderr
    github_commands_are_planck_own(res.stdout)
    assert runner_commands(res.stderr) == []


def test_findings_quoting_data_are_neutralised(invoke, make_city, tmp_path):
    doc = base_targets()
    bad = [target("firms-2025", "firms", "at_least", value=1600, unit="::error::EVIL ##[x]")]
    path = make_city(bad, doc=doc)
    (tmp_path / "::error::EVIL.yaml").write_text("a: [", encoding="utf-8")
    for args in (["validate", str(tmp_path)], ["check", str(path)]):
        res = invoke(*args)
        assert res.exit_code == 2 and "EVIL" in res.stderr
        assert runner_commands(res.stderr) == []
