import pytest

from mungmo.platform.errors import RateLimited
from mungmo.platform.ratelimit import RateLimiter


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_allows_a_burst_up_to_the_limit_then_refuses_with_retry_after() -> None:
    clock = FakeTime()
    limiter = RateLimiter(3, 60, now=clock)
    for _ in range(3):
        limiter.hit("ip")
    with pytest.raises(RateLimited) as refused:
        limiter.hit("ip")
    assert refused.value.retry_after_seconds == 20
    assert refused.value.headers == {"Retry-After": "20"}


def test_capacity_returns_as_time_passes() -> None:
    clock = FakeTime()
    limiter = RateLimiter(2, 10, now=clock)
    limiter.hit("a")
    limiter.hit("a")
    clock.now += 5
    limiter.hit("a")
    with pytest.raises(RateLimited):
        limiter.hit("a")


def test_keys_are_independent_and_reset_clears_one() -> None:
    clock = FakeTime()
    limiter = RateLimiter(1, 60, now=clock)
    limiter.hit("a")
    limiter.hit("b")
    with pytest.raises(RateLimited):
        limiter.check("a")
    limiter.reset("a")
    limiter.check("a")


def test_refused_attempts_do_not_extend_the_wait() -> None:
    clock = FakeTime()
    limiter = RateLimiter(1, 60, now=clock)
    limiter.hit("a")
    for _ in range(5):
        with pytest.raises(RateLimited):
            limiter.hit("a")
    assert limiter.retry_after("a") == pytest.approx(60)


def test_limit_must_be_positive() -> None:
    with pytest.raises(ValueError):
        RateLimiter(0, 60)
