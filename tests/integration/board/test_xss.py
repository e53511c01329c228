"""Script payloads in titles, content and comments are inert in the API output: the
content's HTML is sanitised by nh3 (no scripts, event handlers, javascript: links,
frames or styles), and titles and comments are plain text for the client to escape."""

from html.parser import HTMLParser

from tests.support.board_app import BoardDriver

PAYLOADS = [
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<a href="javascript:alert(1)">x</a>',
    '<iframe src="https://evil.example"></iframe>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<body onload=alert(1)>",
    '"><script>alert(1)</script>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '![x](x" onerror="alert(1))',
    "<details open ontoggle=alert(1)>",
    "<<script>script>alert(1)<</script>/script>",
    "`<script>alert(1)</script>`",
]
SAFE_TAGS = {"p", "br", "strong", "em", "del", "s", "blockquote", "ul", "ol", "li", "code",
             "pre", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "a", "table", "thead", "tbody",
             "tr", "th", "td"}  # fmt: skip


class Elements(HTMLParser):
    """Every element and attribute a browser would build from the HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))


def unsafe_parts(html: str) -> list[str]:
    parser = Elements()
    parser.feed(html)
    problems = []
    for tag, attrs in parser.found:
        if tag not in SAFE_TAGS:
            problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name in {"style", "src", "srcdoc"}:
                problems.append(f"{tag}[{name}]")
            if name == "href" and not (value or "").startswith(("https://", "http://", "mailto:")):
                problems.append(f"{tag}[href={value}]")
    return problems


async def test_payloads_are_inert_in_the_api_output(board: BoardDriver) -> None:
    author = await board.member()
    for payload in PAYLOADS:
        post = await board.post(author, title=payload[:100], content=f"앞 {payload} 뒤")
        assert unsafe_parts(post["content_html"]) == [], (payload, post["content_html"])
        assert post["title"] == payload[:100]  # plain text, escaped by the client
        comment = await board.comment(author, post["id"], payload)
        assert comment["content"] == payload


async def test_safe_markdown_keeps_its_meaning(board: BoardDriver) -> None:
    author = await board.member()
    post = await board.post(
        author, content="## 제목\n\n- **굵게** ~~취소~~\n\n[공원](https://example.com/park)"
    )
    html = post["content_html"]
    assert "<h2>제목</h2>" in html
    assert "<strong>굵게</strong>" in html and "<s>취소</s>" in html
    assert '<a href="https://example.com/park" rel="noopener noreferrer nofollow">공원</a>' in html


def test_the_check_itself_sees_unsafe_html() -> None:
    assert unsafe_parts('<p><img src=x onerror="a()"><a href="javascript:x">y</a></p>') == [
        "<img>",
        "img[src]",
        "img[onerror]",
        "a[href=javascript:x]",
    ]
