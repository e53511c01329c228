"""Post content: the author's Markdown rendered to HTML and sanitised with nh3 (Ammonia),
never by hand-written patterns; and the plain text that search indexes."""

import html
from typing import Final

import nh3
from markdown_it import MarkdownIt

# CommonMark without raw HTML: an author's <script> is text, then nh3 keeps only
# these tags and attributes whatever the renderer produced.
_markdown: Final = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable(
    ["strikethrough", "table"]
)
ALLOWED_TAGS: Final = frozenset(
    {
        "p", "br", "strong", "em", "del", "s", "blockquote", "ul", "ol", "li", "code",
        "pre", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "a", "table", "thead", "tbody",
        "tr", "th", "td",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES: Final = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES: Final = frozenset({"http", "https", "mailto"})


def render_markdown(source: str) -> str:
    """Safe HTML for ``source``: links open outside with ``rel=noopener noreferrer nofollow``."""
    rendered = _markdown.render(source)
    return nh3.clean(
        rendered,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def plain_text(source: str) -> str:
    """The words of ``source`` without markup, for the search index and excerpts."""
    text = nh3.clean(_markdown.render(source), tags=set())
    return " ".join(html.unescape(text).split())


def excerpt(text: str, terms: list[str], *, width: int = 80) -> str:
    """About ``width`` characters of ``text`` around the first of ``terms`` found in it
    (the start when none is), with … where it was cut."""
    lowered = text.casefold()
    found = [index for term in terms if (index := lowered.find(term.casefold())) >= 0]
    start = max(0, min(found) - width // 3) if found else 0
    end = min(len(text), start + width)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
