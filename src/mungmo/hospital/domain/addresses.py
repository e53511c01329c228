"""시/도 and 시/군/구 taken from an address, with province names brought up to date."""

import re
from dataclasses import dataclass

# Renamed since the 2023 snapshot (and the older spelling of Gangwon, in case a file has it).
PROVINCE_RENAMES = {
    "전라북도": "전북특별자치도",
    "강원도": "강원특별자치도",
}

PROVINCES = (
    "서울특별시",
    "부산광역시",
    "대구광역시",
    "인천광역시",
    "광주광역시",
    "대전광역시",
    "울산광역시",
    "세종특별자치시",
    "경기도",
    "강원특별자치도",
    "충청북도",
    "충청남도",
    "전북특별자치도",
    "전라남도",
    "경상북도",
    "경상남도",
    "제주특별자치도",
)

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Region:
    province: str
    # None for 세종특별자치시, which has no 시/군/구.
    district: str | None


def tidy_address(address: str) -> str:
    """Collapses the double spaces the lot-number addresses often carry."""
    return _SPACES.sub(" ", address).strip()


def renamed(address: str) -> str:
    """The address with its province under today's name."""
    first, _, rest = address.partition(" ")
    new = PROVINCE_RENAMES.get(first)
    return f"{new} {rest}".strip() if new else address


def region_of(address: str) -> Region | None:
    """시/도 and 시/군/구 of a (tidied, renamed) address: a 시 with 구 (수원시 장안구)
    is one district, as the 시/군/구 picker shows it. None when the first word is no
    province."""
    words = address.split(" ")
    if not words or words[0] not in PROVINCES:
        return None
    province = words[0]
    if province == "세종특별자치시" or len(words) < 2:
        return Region(province, None)
    district = words[1]
    if not district.endswith(("시", "군", "구")):
        return Region(province, None)
    if district.endswith("시") and len(words) > 2 and words[2].endswith("구"):
        district = f"{district} {words[2]}"
    return Region(province, district)
