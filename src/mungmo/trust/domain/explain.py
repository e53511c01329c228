"""A plain sentence for each score change, in Korean and in English: the member's
"왜 내 발도장이 바뀌었나요?" page shows these (the web app may also build its own from
the same numbers)."""

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from mungmo.trust.domain.score import Tier, tier_of

KOREA = timezone(timedelta(hours=9))

REPORT_TYPE_KO = {
    "romance": "이성 문제",
    "dog": "강아지 문제",
    "no_show": "노쇼 이의",
    "abuse": "욕설/비매너",
    "spam": "스팸/사기",
    "other": "기타",
}
REPORT_TYPE_EN = {
    "romance": "unwanted romantic or sexual behaviour",
    "dog": "a dangerous or unmanaged dog",
    "no_show": "a no-show dispute",
    "abuse": "abuse or bad manners",
    "spam": "spam or fraud",
    "other": "other",
}


@dataclass(frozen=True)
class ChangeFacts:
    kind: str
    score_before: int
    score_after: int
    stars: int | None = None
    report_type: str | None = None
    suspended_until: datetime | None = None


@dataclass(frozen=True)
class Sentences:
    ko: str
    en: str


def _moved_ko(delta: int) -> str:
    if delta > 0:
        return f"발도장이 {delta}점 올랐어요"
    if delta < 0:
        return f"발도장이 {-delta}점 내려갔어요"
    return "발도장은 그대로예요"


def _moved_en(delta: int) -> str:
    if delta > 0:
        return f"your 발도장 went up {delta} point{'s' if delta != 1 else ''}"
    if delta < 0:
        return f"your 발도장 went down {-delta} point{'s' if delta != -1 else ''}"
    return "your 발도장 stayed the same"


def explain(facts: ChangeFacts) -> Sentences:
    delta = facts.score_after - facts.score_before
    span_ko = f" ({facts.score_before}점 → {facts.score_after}점)"
    span_en = f" ({facts.score_before} → {facts.score_after})"
    upper = tier_of(facts.score_before) is Tier.UPPER
    match facts.kind:
        case "review":
            rule_ko = "70점 이상은 별 ÷ 3" if upper else "70점 미만은 별 ÷ 2"
            rule_en = "from 70, stars ÷ 3" if upper else "below 70, stars ÷ 2"
            ko = (
                f"번개 미팅 후기에서 별 {facts.stars}개를 받아 {_moved_ko(delta)}"
                f"{span_ko}. {rule_ko}, 반올림이에요."
            )
            en = (
                f"A meetup review gave you {facts.stars} star{'s' if facts.stars != 1 else ''}: "
                f"{_moved_en(delta)}{span_en}. {rule_en.capitalize()}, rounded half up."
            )
        case "no_show":
            ko = f"번개 미팅에 오지 않은 것(노쇼)으로 기록되어 {_moved_ko(delta)}{span_ko}."
            en = f"You were recorded as a no-show at a meetup: {_moved_en(delta)}{span_en}."
        case "report_upheld":
            kind = facts.report_type or "other"
            ko = (
                f"신고({REPORT_TYPE_KO.get(kind, kind)})가 관리자 검토로 인정되어 "
                f"{_moved_ko(delta)}{span_ko}."
            )
            en = (
                f"A report ({REPORT_TYPE_EN.get(kind, kind)}) was upheld by an administrator: "
                f"{_moved_en(delta)}{span_en}."
            )
        case "appeal_reversal":
            ko = f"이의 신청이 받아들여져 신고로 잃은 점수를 돌려받았어요{span_ko}."
            en = f"Your appeal was accepted and the report's penalty was given back{span_en}."
        case "suspension_end":
            ko = f"정지 기간이 끝나 발도장이 10점에서 다시 시작해요{span_ko}."
            en = f"Your suspension ended; your 발도장 starts again at 10{span_en}."
        case _:
            ko, en = f"{_moved_ko(delta)}{span_ko}.", f"{_moved_en(delta).capitalize()}{span_en}."
    if facts.suspended_until is not None:
        until = facts.suspended_until.astimezone(KOREA)
        ko += f" 발도장이 0점이 되어 {until:%Y년 %m월 %d일 %H:%M}까지 글쓰기와 참여가 정지돼요."
        en += (
            f" Your 발도장 reached 0, so you cannot post or take part until "
            f"{until:%Y-%m-%d %H:%M} (Korean time)."
        )
    return Sentences(ko=ko, en=en)
