"""The words of ``planck explain`` in both languages: row labels and sentence templates.

One table, one key per row or sentence; ``explain`` picks the language, the layout is the
same. Terms the table and reports already use (进度, 完成率, 基数, 应完成 …) come from
``planck.render.context`` rather than being written again here.
"""

from __future__ import annotations

from planck.render.context import STATUS_LABEL
from planck.words import section

#: row key -> label. Left column; rows starting with "sub_" are indented under the one above.
ROWS = section("explain_row")

#: sentence key -> template (``str.format`` fields are the same in both languages).
SAY = section("explain")


def thresholds(lang: str, values: dict[str, float]) -> str:
    """The pace-ratio thresholds with the status each one gives (the status words of the
    table in Chinese, the status codes in English)."""
    name = STATUS_LABEL["zh"] if lang == "zh" else {s: s for s in STATUS_LABEL["en"]}
    sep = SAY[lang]["list_sep"]
    return sep.join([f"R ≥ {values['on_track']} {name['on_track']}",
                     f"≥ {values['behind']} {name['behind']}",
                     f"≥ {values['off_track']} {name['off_track']}",
                     f"< 0 {name['regressing']}"])
