"""A hostile copy of the golden city for the site tests: a name holding a script element, a
quote with a double quote and an ampersand, a ``javascript:`` URL."""

from __future__ import annotations

from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden"
NAME = "<script>alert('name')</script>Gold"
QUOTE = '高新技术企业"不少于"1600家 & more'
BAD_URL = "javascript:alert('url')"
INDICATOR = "<b>bold</b> enterprises"


def hostile_city(folder: Path) -> Path:
    """Write the fixture city into ``folder``/targets and return that targets folder."""
    targets = folder / "targets"
    targets.mkdir(parents=True)
    text = (GOLDEN / "goldcity.yaml").read_text(encoding="utf-8")
    for old, new in (("  name_en: Goldcity\n", f'  name_en: "{NAME}"\n'),
                     ("    quote: 高新技术企业不少于1600家\n", f"    quote: '{QUOTE}'\n"),
                     ("    name_en: High-tech enterprises\n", f'    name_en: "{INDICATOR}"\n')):
        assert old in text, old
        text = text.replace(old, new, 1)
    (targets / "goldcity.yaml").write_text(text, encoding="utf-8")
    measured = (GOLDEN / "goldcity.measured.yaml").read_text(encoding="utf-8")
    old = "    url: https://example.org/goldcity/bulletin-2022\n"
    assert old in measured
    (targets / "goldcity.measured.yaml").write_text(
        measured.replace(old, f'    url: "{BAD_URL}"\n'), encoding="utf-8")
    return targets
