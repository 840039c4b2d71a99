"""Reading a document (a plan, a bulletin): bytes -> numbered lines of text, refusing what is not text.

Shared by ``extract`` and ``harvest``. A PDF is read through its text layer (planck.extract.pdf).

Plain text keeps its own line numbers. HTML becomes one line per block (paragraph, heading,
table row as ``cell | cell``), each carrying the source line where the block starts, so every
quote in a draft points back to a line of the file the user gave.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

#: Plans are far smaller (the seeds are under 100 KiB, a 40-page plan about 200 KiB): a file
#: above this is refused before it is read, so time and memory stay bounded.
MAX_BYTES = 8 * 1024 * 1024
#: A PDF holds fonts and images too: a 40-page bulletin with charts is a few MiB.
MAX_PDF_BYTES = 64 * 1024 * 1024

_MAGIC = (b"\x89PNG", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"\xd0\xcf\x11\xe0", b"GIF8",
          b"\xff\xd8", b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf")


_KINDS = ((b"PK\x03\x04", "a Word/Excel (.docx/.xlsx) or ZIP file"),
          (b"\xd0\xcf\x11\xe0", "an old Word/Excel (.doc/.xls) file"))


class ReadError(Exception):
    """Input that cannot be drafted from; ``line``/``col`` are 1-based, 0 when unknown."""

    def __init__(self, message: str, line: int = 0, col: int = 0) -> None:
        super().__init__(message)
        self.line, self.col = line, col


@dataclass
class Doc:
    """A plan's text: ``lines`` are (line number in the input file, text)."""

    lines: list[tuple[int, str]]
    notes: list[str] = field(default_factory=list)
    encoding: str = "utf-8"
    html: bool = False
    title: str | None = None  # an HTML page's <title>, which is not part of its text


def read_path(path: Path, purpose: str = "draft targets from") -> Doc:
    """Read and decode a document (size checked before reading); ``purpose`` says, in an empty
    file's message, what the text was wanted for."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            # A PDF carries fonts and images beside its text, so it may be larger than a text.
            limit = MAX_PDF_BYTES if fh.read(4) == b"%PDF" else MAX_BYTES
            if size > limit:
                raise ReadError(f"file is {size} bytes; planck reads at most {limit} bytes "
                                f"({limit >> 20} MiB) — split the document")
            fh.seek(0)
            raw = fh.read(limit + 1)
    except OSError as err:
        raise ReadError(f"cannot read: {err.strerror or err}") from None
    if len(raw) > limit:  # a pipe or special file that stat() could not size
        raise ReadError(f"more than {limit} bytes ({limit >> 20} MiB); planck refuses it")
    return read_bytes(raw, purpose)


def read_bytes(raw: bytes, purpose: str = "draft targets from") -> Doc:
    """Decode bytes (UTF-8, else GB18030 with a note) and split them into numbered lines."""
    if raw.startswith(b"%PDF"):
        return _pdf(raw)
    kind = next((k for magic, k in _KINDS if raw.startswith(magic)), None)
    if kind:
        raise ReadError(f"{kind}, not text: save it as text (.txt), a web page (.html) or a PDF "
                        "first", 1, 1)
    if raw.startswith(_MAGIC) or b"\x00" in raw[:65536]:
        where = raw.find(b"\x00")
        line = raw[:where].count(b"\n") + 1 if where >= 0 else 1
        raise ReadError("binary data (NUL bytes or a binary file signature), not a plan's text",
                        line, 1)
    text, encoding, notes = _decode(raw)
    if not text.strip():
        raise ReadError(f"empty file: no text to {purpose}", 1, 1)
    if _looks_html(text):
        doc = Doc(html_lines(text), notes, encoding, html=True, title=_title(text))
    else:
        doc = Doc([(i, s) for i, s in enumerate(text.split("\n"), 1)], notes, encoding)
    doc.lines = [(n, _clean(s)) for n, s in doc.lines]
    return doc


def _pdf(raw: bytes) -> Doc:
    from planck.extract.pdf import PdfError, pdf_text

    try:
        lines, notes = pdf_text(raw)
    except PdfError as err:
        raise ReadError(str(err), 1, 1) from None
    return Doc(_paragraphs([(i, _clean(s)) for i, s in enumerate(lines, 1)]), notes, "pdf")


_ENDS = ("。", "；", ";", "！", "？", "!", "?", "：", ":")


def _paragraphs(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A PDF's lines are where the page wrapped, not where the text did: a line that does not
    end a sentence is joined to the next, and the paragraph keeps its first line's number (so
    a figure split at a wrap, 169.9亿 | 元, is read whole)."""
    out: list[tuple[int, str]] = []
    joining = False
    for no, text in lines:
        s = text.strip()
        if joining and s and out and len(out[-1][1]) < 4000:
            out[-1] = (out[-1][0], out[-1][1] + s)
        else:
            out.append((no, s))
        # A heading or a short line ends where it is; a wrapped line fills the page's width.
        joining = len(s) >= 20 and not s.endswith(_ENDS) and not _HEADING.match(s)
    return out


_HEADING = re.compile(r"^(?:第[一二三四五六七八九十百]+[章节篇部分]|[一二三四五六七八九十]+[、.．]|"
                      r"[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．]\s*\D|图\s*\d|表\s*\d)")


def _decode(raw: bytes) -> tuple[str, str, list[str]]:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16", ["decoded as UTF-16 (byte-order mark)"]
    try:
        return raw.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as err:
        utf8_err = err
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        line = raw[: utf8_err.start].count(b"\n") + 1
        raise ReadError("neither UTF-8 nor GB18030/GBK text (convert it: iconv -f ENCODING -t "
                        "UTF-8)", line, 1) from None
    return text, "gb18030", ["not UTF-8: decoded as GB18030 (GBK); check a few quotes"]


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _clean(line: str) -> str:
    # Controls other than tab would corrupt quotes and terminals; a tab separates cells.
    return _CONTROL.sub(" ", line.rstrip("\r"))


def _title(text: str) -> str | None:
    import html

    m = re.search(r"<title[^>]*>(.*?)</title\s*>", text[:65536], re.I | re.S)
    title = " ".join(html.unescape(m.group(1)).split()) if m else ""
    return _clean(title)[:300] or None


def _looks_html(text: str) -> bool:
    head = text[:4096].lower()
    return "<html" in head or "<!doctype html" in head or "<body" in head or (
        head.lstrip().startswith("<") and ("<p" in head or "<table" in head or "<div" in head))


_BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "table", "title",
          "section", "article", "header", "footer", "ul", "ol", "blockquote", "pre", "hr", "dd",
          "dt", "caption"}
#: Not the document's text: code, and a site's navigation (menus, breadcrumbs: 首页 > 新闻).
_SKIP = {"script", "style", "head", "noscript", "template", "svg", "nav", "menu"}


class _Text(HTMLParser):
    """Collects block-level text with the source line where each block starts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[tuple[int, str]] = []
        self.buf: list[str] = []
        self.start = 0
        self.skip = 0
        self.cells: list[str] | None = None
        self.cell: list[str] | None = None
        self.row_line = 0
        self.seen_body = False

    def flush(self) -> None:
        text = " ".join("".join(self.buf).split())
        if text:
            self.out.append((self.start, text))
        self.buf = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag == "body":
            self.out, self.buf, self.seen_body = [], [], True
        elif tag == "tr":
            self.flush()
            self.cells, self.row_line = [], self.getpos()[0]
        elif tag in ("td", "th") and self.cells is not None:
            self.cell = []
        elif tag in _BLOCK and self.cell is None:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in ("td", "th") and self.cell is not None and self.cells is not None:
            self.cells.append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "tr" and self.cells is not None:
            if any(self.cells):
                self.out.append((self.row_line, " | ".join(self.cells)))
            self.cells = None
        elif tag in _BLOCK and self.cell is None:
            self.flush()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.cell is not None:
            self.cell.append(data)
            return
        if not self.buf or not "".join(self.buf).strip():
            self.start = self.getpos()[0] + data[: len(data) - len(data.lstrip())].count("\n")
        self.buf.append(data)


def html_lines(text: str) -> list[tuple[int, str]]:
    """The text of an HTML page's body, one entry per block, with its source line."""
    parser = _Text()
    parser.feed(text)
    parser.close()
    parser.flush()
    return parser.out
