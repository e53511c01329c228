"""Automatic application is a per-type setting, only for types the policy fixes."""

import pytest
from pydantic import ValidationError

from mungmo.trust.wiring import TrustSettings


def test_manual_review_is_the_default() -> None:
    assert TrustSettings().automatic_report_types == frozenset()


def test_only_fixed_penalty_types_can_be_automatic(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MUNGMO_TRUST_AUTOMATIC_REPORT_TYPES", '["romance", "dog"]')
    assert TrustSettings().automatic_report_types == {"romance", "dog"}
    for refused in ('["spam"]', '["romance", "other"]', '["unknown"]'):
        monkeypatch.setenv("MUNGMO_TRUST_AUTOMATIC_REPORT_TYPES", refused)
        with pytest.raises(ValidationError):
            TrustSettings()
