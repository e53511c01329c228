"""The board's pure rules: the 인기글 formula, search terms, excerpts, rendering."""

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from mungmo.board.domain.content import excerpt, plain_text, render_markdown
from mungmo.board.domain.popularity import PopularityPolicy, decayed, popularity
from mungmo.board.domain.search import MAX_TERMS, search_terms

NOW = datetime(2026, 12, 2, 12, tzinfo=UTC)
POLICY = PopularityPolicy()


def test_popularity_weighs_likes_comments_and_views_and_halves_each_day() -> None:
    assert popularity([("like", NOW), ("comment", NOW), ("view", NOW)], NOW, POLICY) == 9.0
    assert decayed("like", NOW - timedelta(hours=24), NOW, POLICY) == 1.5
    assert decayed("comment", NOW - timedelta(hours=48), NOW, POLICY) == 1.25
    assert decayed("like", NOW - timedelta(days=8), NOW, POLICY) == 0.0  # outside the window
    assert decayed("view", NOW + timedelta(minutes=1), NOW, POLICY) == 1.0  # clock skew


def test_one_fresh_like_and_comment_make_a_post_popular_one_view_does_not() -> None:
    assert popularity([("like", NOW), ("comment", NOW)], NOW, POLICY) >= POLICY.min_popularity
    assert popularity([("view", NOW)] * 5, NOW, POLICY) < POLICY.min_popularity


@given(st.lists(st.sampled_from(["like", "comment", "view"]), max_size=20), st.integers(0, 200))
def test_popularity_only_falls_as_time_passes(kinds: list[str], hours: int) -> None:
    items = [(kind, NOW) for kind in kinds]
    later = NOW + timedelta(hours=hours)
    assert popularity(items, later, POLICY) <= popularity(items, NOW, POLICY)  # type: ignore[arg-type]


def test_search_terms_drop_operators_and_repeats() -> None:
    assert search_terms('  산책 "코스" -강아지 산책 ') == ["산책", "코스", "강아지"]
    assert search_terms("*()+-") == []
    assert len(search_terms("가 나 다 라 마 바 사")) == MAX_TERMS


def test_excerpts_are_cut_around_the_first_word_found() -> None:
    text = "가" * 100 + " 산책로 " + "나" * 100
    cut = excerpt(text, ["산책"], width=40)
    assert "산책로" in cut and cut.startswith("…") and cut.endswith("…")
    assert excerpt("짧은 글", ["없음"]) == "짧은 글"


def test_markdown_becomes_safe_html_and_plain_text() -> None:
    assert (
        render_markdown("**a** <b>raw</b>") == "<p><strong>a</strong> &lt;b&gt;raw&lt;/b&gt;</p>\n"
    )
    assert plain_text("# 제목\n\n*강조*  &amp; 끝") == "제목 강조 & 끝"
