"""The site's words in both languages (status names, and the Chinese words of the flags beside
a status, come from ``render.context``, so a page says what the table and reports say).
The Chinese pages use no English word: ids, units and the language switch aside."""

from __future__ import annotations

from planck.words import section

LABELS = section("site")
