"""Phone numbers as the register spells them, made dialable.

The register holds free text: ``02-123-4567``, ``0212345678``, ``062)571-1275``,
``582-3363,562-1729``, ``7582~3``. The rules:
- several numbers (``,`` ``/`` ``;``): the first is the hospital's number, the others are kept
  as written; a ``~`` range (``7582~3``) means the first of the range;
- a local number without an area code (7 or 8 digits) gets the area code of the
  address's region (서울 02, 경기 031 except 광명/과천 02 and 부천 032, …);
- national numbers (mobile 01x, 070, 050x, 15xx/16xx/18xx) need none;
- anything that is still not a Korean number is dropped (the raw text is kept).
"""

import re
from dataclasses import dataclass

from mungmo.hospital.domain.addresses import Region

AREA_CODES = {
    "서울특별시": "02",
    "부산광역시": "051",
    "대구광역시": "053",
    "인천광역시": "032",
    "광주광역시": "062",
    "대전광역시": "042",
    "울산광역시": "052",
    "세종특별자치시": "044",
    "경기도": "031",
    "강원특별자치도": "033",
    "충청북도": "043",
    "충청남도": "041",
    "전북특별자치도": "063",
    "전라남도": "061",
    "경상북도": "054",
    "경상남도": "055",
    "제주특별자치도": "064",
}

# Districts dialled with a neighbour's area code (the register's own full numbers agree).
DISTRICT_AREA_CODES = {
    ("경기도", "광명시"): "02",
    ("경기도", "과천시"): "02",
    ("경기도", "부천시"): "032",
    ("충청남도", "계룡시"): "042",
    ("경상북도", "경산시"): "053",
}

_SEPARATORS = re.compile(r"[,/;]|\s{2,}")
_AREA = re.compile(r"^(02|0[3-6][1-5])")
_NATIONAL = re.compile(r"^(01[016789]|070|050\d|1[568]\d\d)")


@dataclass(frozen=True)
class PhoneNumbers:
    primary: str | None
    # The number had no area code and got the region's.
    area_code_added: bool = False
    # The text held more than one number.
    several: bool = False


def _area_code(region: Region | None) -> str | None:
    if region is None:
        return None
    if region.district is not None:
        city = region.district.split(" ")[0]
        special = DISTRICT_AREA_CODES.get((region.province, city))
        if special:
            return special
    return AREA_CODES.get(region.province)


def format_number(digits: str) -> str | None:
    """Hyphenated Korean number, or None when ``digits`` cannot be one."""
    if _NATIONAL.match(digits) and digits.startswith("1") and len(digits) == 8:
        return f"{digits[:4]}-{digits[4:]}"
    if digits.startswith("050") and len(digits) == 12:
        return f"{digits[:4]}-{digits[4:8]}-{digits[8:]}"
    if digits.startswith("02") and len(digits) in (9, 10):
        return f"02-{digits[2:-4]}-{digits[-4:]}"
    if digits.startswith("0") and len(digits) in (10, 11):
        return f"{digits[:3]}-{digits[3:-4]}-{digits[-4:]}"
    return None


def _first_piece(raw: str) -> tuple[str, bool]:
    pieces = [piece for piece in _SEPARATORS.split(raw) if re.search(r"\d", piece)]
    if not pieces:
        return "", False
    first = pieces[0].split("~")[0]
    # "062-571-1275(2)": the bracketed tail is an extension or a second line.
    first = re.sub(r"\(\d+\)\s*$", "", first)
    return first, len(pieces) > 1 or "~" in pieces[0]


def normalise_phone(raw: str, region: Region | None) -> PhoneNumbers:
    first, several = _first_piece(raw.strip())
    digits = re.sub(r"\D", "", first)
    if not digits:
        return PhoneNumbers(None)
    if _AREA.match(digits) or _NATIONAL.match(digits):
        return PhoneNumbers(format_number(digits), several=several)
    if len(digits) in (7, 8):
        area = _area_code(region)
        if area is None:
            return PhoneNumbers(None, several=several)
        return PhoneNumbers(format_number(area + digits), area_code_added=True, several=several)
    return PhoneNumbers(None, several=several)


def tel_uri(number: str) -> str:
    """``tel:`` link for a formatted number (digits only: dialers ignore hyphens anyway)."""
    return "tel:" + re.sub(r"\D", "", number)
