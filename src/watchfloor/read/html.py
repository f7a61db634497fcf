"""HTML pages: the article body, title, date and site name, by trafilatura, with no network access."""

from __future__ import annotations

from watchfloor.errors import InputError
from watchfloor.model import Document
from watchfloor.read.text import make_document, normalize_date

# Fewer words than this is a link or a caption left over from navigation, not an article.
MIN_ARTICLE_WORDS = 8


def read_html(html: str, source: str, *, max_chars: int, published: str | None = None) -> Document:
    """Extract the main text of one HTML page; comments and boilerplate are left out."""
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            html,
            include_comments=False,
            include_tables=False,
            with_metadata=True,
            url=None,
        )
    except ImportError:
        raise
    except Exception as error:  # trafilatura raises many lxml errors on hostile markup
        raise InputError(source, f"malformed HTML: {error}") from error
    text = getattr(result, "text", None) if result is not None else None
    if not text or len(text.split()) < MIN_ARTICLE_WORDS:
        raise InputError(source, "HTML page holds no article text (navigation or boilerplate only)")
    page_date = _safe_date(getattr(result, "date", None))
    return make_document(
        text,
        source,
        max_chars=max_chars,
        title=getattr(result, "title", None),
        published=published or page_date,
        url=getattr(result, "url", None),
        outlet=getattr(result, "sitename", None),
    )


def _safe_date(value: object) -> str | None:
    try:
        return normalize_date(value, "html")
    except InputError:
        return None
