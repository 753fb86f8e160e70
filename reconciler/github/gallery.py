"""A markdown gallery of finished assets: thumbnails for images, links for videos (pure)."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import quote, urlsplit

from reconciler.model import STATUS_COMPLETED, State
from reconciler.render.numbers import count
from reconciler.render.plan_markdown import escape_inline
from reconciler.render.status import counts_line
from reconciler.status import Row, rows

TITLE = "### Assets"
THUMBNAIL_WIDTH = 160
_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp")
_VIDEO_SUFFIXES = (".mp4", ".mov", ".webm", ".m4v")
#: Types whose outputs are images when the URL does not say.
_IMAGE_TYPES = frozenset({"static_ad"})
_HEAD = "| Creative | Asset | Status |\n| --- | --- | --- |"


def _safe_url(url: str | None) -> str | None:
    """Only http(s) URLs, percent-encoded so they cannot break out of a link or an attribute."""
    if not url or urlsplit(url).scheme not in ("http", "https"):
        return None
    return quote(url, safe=":/?#@!$&*+,;=%~-._")


def _is_image(url: str, kind: str) -> bool:
    path = urlsplit(url).path.lower()
    if path.endswith(_IMAGE_SUFFIXES):
        return True
    if path.endswith(_VIDEO_SUFFIXES):
        return False
    return kind in _IMAGE_TYPES


def _asset(row: Row, kind: str) -> str:
    url = _safe_url(row.url)
    if row.status == STATUS_COMPLETED and url is not None:
        if _is_image(url, kind):
            attr = url.replace("&", "&amp;")
            alt = escape_inline(row.address).replace('"', "&quot;")
            return f'<a href="{attr}"><img src="{attr}" alt="{alt}" width="{THUMBNAIL_WIDTH}"></a>'
        return f"[▶ video]({url})"
    if row.error:
        return escape_inline(row.error)
    return "—"


def _line(row: Row, kind: str) -> str:
    return f"| <code>{escape_inline(row.address)}</code> | {_asset(row, kind)} | {row.status} |"


def _more(hidden: int) -> str:
    return f"… {count(hidden, 'more output')}; see the job summary."


def render_gallery(state: State, addresses: Iterable[str], *, max_chars: int | None = None) -> str:
    """The outputs of `addresses`, one table row each; '' when there are none.

    With `max_chars`, rows are dropped from the end and a last line says how many.
    """
    wanted = set(addresses)
    found = [r for r in rows(state) if r.address in wanted]
    if not found:
        return ""
    kinds = {a: str(e.spec.get("type", "")) for a, e in state.creatives.items()}
    lines = [_line(r, kinds.get(r.address, "")) for r in found]
    head = f"{TITLE}\n\n{escape_inline(counts_line(found))}\n\n{_HEAD}"
    text = "\n".join([head, *lines]) + "\n"
    if max_chars is None or len(text) <= max_chars:
        return text
    used = len(head) + 1
    shown = 0
    for line in lines:
        if used + len(line) + 1 + len(_more(len(lines) - shown - 1)) + 2 > max_chars:
            break
        used += len(line) + 1
        shown += 1
    text = "\n".join([head, *lines[:shown]]) + "\n\n" + _more(len(lines) - shown) + "\n"
    return text if len(text) <= max_chars else ""
