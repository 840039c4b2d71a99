"""PDF with a text layer -> numbered lines (pypdf, imported only when a PDF is read).

Lines are numbered through the whole document, page after page, so a quote's line points into
the text planck read; a note says which line each page starts on. A PDF that has pages but no
text (a scan) is refused with a message that says so, never read as an empty document.
"""

from __future__ import annotations

import io

#: A 40-page bulletin is read in well under a second; a PDF with more pages than this is not a
#: bulletin or a plan, and reading stops before time grows without bound.
MAX_PAGES = 1000


class PdfError(Exception):
    """A PDF that cannot be read as text; the message is for the user."""


def pdf_text(raw: bytes) -> tuple[list[str], list[str]]:
    """(the lines of text, page by page; notes). Raises PdfError with a one-line reason."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:  # pragma: no cover - pypdf is a dependency
        raise PdfError("a PDF file: reading PDFs needs the pypdf package (pip install pypdf)") from None
    import logging

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # broken-but-readable files warn a lot
    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise PdfError("a PDF file protected by a password: save an unprotected copy first")
        pages = reader.pages
        count = len(pages)
        if count > MAX_PAGES:
            raise PdfError(f"a PDF file of {count} pages; planck reads at most {MAX_PAGES}")
        lines: list[str] = []
        starts = []
        for page in pages:
            starts.append(len(lines) + 1)
            text = page.extract_text() or ""
            lines.extend(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    except PdfError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            AssertionError, RecursionError, OSError, UnicodeError, ZeroDivisionError) as err:
        reason = " ".join(str(err).split())[:120] or type(err).__name__
        raise PdfError(f"a PDF file that cannot be read ({reason})") from None
    if not any(s.strip() for s in lines):
        raise PdfError(f"a PDF file of {count} page(s) without a text layer (a scan?): "
                       "run OCR on it, or save the text, first")
    notes = [f"read {count} PDF page(s); line numbers run through the text of all pages"
             + (f" (page 2 starts at line {starts[1]})" if count > 1 else "")]
    return lines, notes
