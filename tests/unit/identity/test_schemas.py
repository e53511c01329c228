import pytest
from pydantic import ValidationError

from mungmo.identity.schemas import AccountCreate


@pytest.mark.parametrize("nickname", ["보리", "Bori_2", "멍멍이와산책", "a1"])
def test_good_nicknames(nickname: str) -> None:
    AccountCreate(email="a@example.com", password="12345678", nickname=nickname)


@pytest.mark.parametrize("nickname", ["a", "보 리", "<script>", "x" * 21, "bori!", ""])
def test_bad_nicknames(nickname: str) -> None:
    with pytest.raises(ValidationError):
        AccountCreate(email="a@example.com", password="12345678", nickname=nickname)


def test_password_length_bounds() -> None:
    with pytest.raises(ValidationError):
        AccountCreate(email="a@example.com", password="1234567", nickname="보리")
    with pytest.raises(ValidationError):
        AccountCreate(email="a@example.com", password="x" * 129, nickname="보리")
