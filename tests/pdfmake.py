"""A minimal PDF writer for tests: pages of text lines with a real text layer (a Type0 font,
Identity-H, and a ToUnicode map), so planck's PDF reading is tested without a PDF library
that writes Chinese text and without a font file."""

from __future__ import annotations


def _cmap(codes: dict[str, int]) -> bytes:
    out = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
           "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
           "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
           "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange"]
    items = sorted(codes.items(), key=lambda kv: kv[1])
    for i in range(0, len(items), 100):
        chunk = items[i: i + 100]
        out.append(f"{len(chunk)} beginbfchar")
        for ch, cid in chunk:
            out.append(f"<{cid:04X}> <{ch.encode('utf-16-be').hex().upper()}>")
        out.append("endbfchar")
    out += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(out).encode("ascii")


def pdf(pages: list[list[str]]) -> bytes:
    """A PDF whose page i shows the lines ``pages[i]`` top to bottom. An empty list of lines
    gives a page without text (as a scanned page has)."""
    codes: dict[str, int] = {}
    for lines in pages:
        for line in lines:
            for ch in line:
                codes.setdefault(ch, len(codes) + 1)
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(data: bytes, extra: str = "") -> bytes:
        return f"<< /Length {len(data)} {extra}>>\nstream\n".encode() + data + b"\nendstream"

    cmap = add(stream(_cmap(codes)))
    desc = add(b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Test /CIDSystemInfo "
               b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>")
    font = add(f"<< /Type /Font /Subtype /Type0 /BaseFont /Test /Encoding /Identity-H "
               f"/DescendantFonts [{desc} 0 R] /ToUnicode {cmap} 0 R >>".encode())
    pages_id = len(objects) + 2 * len(pages) + 1  # the /Pages object comes after every page
    kids = []
    for lines in pages:
        ops = ["BT", "/F1 10 Tf", "12 TL", "40 800 Td"]
        for line in lines:
            hexed = "".join(f"{codes[ch]:04X}" for ch in line)
            ops.append(f"<{hexed}> Tj T*")
        ops.append("ET")
        content = add(stream("\n".join(ops).encode("ascii")))
        kids.append(add(f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 595 842] "
                        f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>"
                        .encode()))
    add(f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
        .encode())
    catalog = add(f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode())
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R >>\nstartxref\n{xref}\n%%EOF\n"
            .encode())
    return bytes(out)
