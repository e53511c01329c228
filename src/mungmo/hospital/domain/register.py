"""Reading the LOCALDATA animal-hospital register (동물병원 인허가 파일) as published.

Each quirk of the file has a rule here (see the data README):
- encoding: UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else CP949, which
  also holds characters strict EUC-KR lacks (퍠);
- each line ends with a comma: empty trailing fields beyond the named columns are dropped;
  a row with more non-empty fields, or fewer fields, is bad;
- 영업상태구분코드 decides: 01 open (shown), 02 휴업 (hidden), 03/04 closed (hidden); any
  other main code makes the row bad. An unknown 상세영업상태코드 (BBBB) on a known main code
  is kept and counted;
- HTML entities in names (``&amp;``) are decoded;
- a missing row identity (개방자치단체코드, 관리번호) or name makes the row bad; missing
  coordinates, phone or road address do not;
- livestock practices (가축병원, 축협, 산업동물, …) are marked, and the pet finder hides them;
- "24시" in a name is kept as a hint only; the 24-hour flag is the administrators' to set.
"""

import csv
import gzip
import html
import io
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from mungmo.hospital.domain.addresses import Region, region_of, renamed, tidy_address
from mungmo.hospital.domain.coordinates import to_wgs84
from mungmo.hospital.domain.phones import normalise_phone

Status = Literal["open", "suspended", "closed"]
Encoding = Literal["utf-8", "cp949"]

# The national snapshot shipped with MungMo (see data/README.md).
BUNDLED_REGISTER = (
    Path(__file__).resolve().parent.parent / "data" / "animal_hospitals_localdata.csv.gz"
)

STATUS_CODES: dict[str, Status] = {"01": "open", "02": "suspended", "03": "closed", "04": "closed"}
DETAIL_CODES = {"0000", "0001", "0002", "0003", "0004"}

REQUIRED_COLUMNS = (
    "개방자치단체코드",
    "관리번호",
    "영업상태구분코드",
    "상세영업상태코드",
    "사업장명",
    "소재지전화",
    "소재지전체주소",
    "도로명전체주소",
    "좌표정보(x)",
    "좌표정보(y)",
    "최종수정시점",
)

_LIVESTOCK = re.compile(r"가축|축협|축산|산업동물|낙농|양돈|가금|목장|한우(?!리)")
_AUTHORITY = re.compile(r"^\d{7}$")


class RegisterUnreadable(ValueError):
    """The file is not a register: wrong encoding or missing columns."""


@dataclass(frozen=True)
class BadRow:
    line: int
    reason: str


@dataclass(frozen=True)
class RegisterRecord:
    authority_code: str
    licence_id: str
    name: str
    status: Status
    status_code: str
    detail_status_code: str
    phone: str | None
    phone_raw: str | None
    road_address: str | None
    lot_address: str | None
    province: str | None
    district: str | None
    latitude: float | None
    longitude: float | None
    livestock: bool
    name_hint_24h: bool
    register_modified: str
    # Set on the open rows that repeat another open row (same name and address).
    duplicate_of: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.authority_code, self.licence_id)

    @property
    def address(self) -> str | None:
        return self.road_address or self.lot_address


@dataclass
class ParsedRegister:
    encoding: Encoding
    records: list[RegisterRecord] = field(default_factory=list)
    bad: list[BadRow] = field(default_factory=list)
    unknown_detail_status: int = 0
    area_codes_added: int = 0
    several_phones: int = 0
    coordinates_rejected: int = 0


def decode_register(data: bytes) -> tuple[str, Encoding]:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp949"), "cp949"
    except UnicodeDecodeError as error:
        raise RegisterUnreadable(f"neither UTF-8 nor CP949 (byte {error.start})") from None


def read_register_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def _coordinate(raw: str) -> float | None:
    """Metres; Jeju lies south of the false origin, so its northings are negative."""
    try:
        value = float(raw)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


@dataclass(frozen=True)
class _Row:
    record: RegisterRecord
    easting: float | None
    northing: float | None


def _record(values: dict[str, str], parsed: ParsedRegister) -> _Row | str:
    authority = values["개방자치단체코드"].strip()
    licence = values["관리번호"].strip()
    if not _AUTHORITY.match(authority) or not licence:
        return "missing 개방자치단체코드 or 관리번호"
    if len(licence) > 40:
        return "관리번호 longer than 40 characters"
    status_code = values["영업상태구분코드"].strip()
    status = STATUS_CODES.get(status_code)
    if status is None:
        return f"unknown 영업상태구분코드 {status_code!r}"
    detail = values["상세영업상태코드"].strip()
    if detail not in DETAIL_CODES:
        parsed.unknown_detail_status += 1
    name = tidy_address(html.unescape(values["사업장명"]))
    if not name:
        return "missing 사업장명"
    road = renamed(tidy_address(values["도로명전체주소"])) or None
    lot = renamed(tidy_address(values["소재지전체주소"])) or None
    region: Region | None = region_of(road or lot or "")
    if region is None and road and lot:
        region = region_of(lot)
    phone_raw = values["소재지전화"].strip() or None
    phone = normalise_phone(phone_raw or "", region)
    parsed.area_codes_added += phone.area_code_added
    parsed.several_phones += phone.several
    record = RegisterRecord(
        authority_code=authority,
        licence_id=licence,
        name=name[:200],
        status=status,
        status_code=status_code,
        detail_status_code=detail[:8],
        phone=phone.primary,
        phone_raw=phone_raw[:100] if phone_raw else None,
        road_address=road[:300] if road else None,
        lot_address=lot[:300] if lot else None,
        province=region.province if region else None,
        district=region.district if region else None,
        latitude=None,
        longitude=None,
        livestock=bool(_LIVESTOCK.search(name)),
        name_hint_24h="24시" in name.replace(" ", ""),
        register_modified=values["최종수정시점"].strip()[:19],
    )
    easting, northing = _coordinate(values["좌표정보(x)"]), _coordinate(values["좌표정보(y)"])
    return _Row(record, easting, northing)


def _rows(text: str) -> Iterable[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    for fields in reader:
        yield reader.line_num, fields


def parse_register(data: bytes) -> ParsedRegister:
    text, encoding = decode_register(data)
    parsed = ParsedRegister(encoding=encoding)
    rows = iter(_rows(text))
    try:
        _, header = next(rows)
    except StopIteration:
        raise RegisterUnreadable("the file is empty") from None
    while header and not header[-1].strip():
        header.pop()  # the unnamed column the trailing comma adds
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise RegisterUnreadable(f"missing columns: {', '.join(missing)}")
    width = len(header)
    converted: list[_Row] = []
    seen: dict[tuple[str, str], int] = {}
    for line, fields in rows:
        if not any(value.strip() for value in fields):
            continue
        if len(fields) < width or any(value.strip() for value in fields[width:]):
            parsed.bad.append(BadRow(line, f"{len(fields)} fields, expected {width}"))
            continue
        outcome = _record(dict(zip(header, fields, strict=False)), parsed)
        if isinstance(outcome, str):
            parsed.bad.append(BadRow(line, outcome))
        elif outcome.record.key in seen:
            first = seen[outcome.record.key]
            parsed.bad.append(BadRow(line, f"repeats the 관리번호 of line {first}"))
        else:
            seen[outcome.record.key] = line
            converted.append(outcome)
    parsed.records = _with_positions(converted, parsed)
    return parsed


def _with_positions(rows: list[_Row], parsed: ParsedRegister) -> list[RegisterRecord]:
    located = [row for row in rows if row.easting is not None and row.northing is not None]
    points = to_wgs84([(row.easting or 0.0, row.northing or 0.0) for row in located])
    by_key = {}
    for row, point in zip(located, points, strict=True):
        if point is None:
            parsed.coordinates_rejected += 1
            continue
        by_key[row.record.key] = replace(
            row.record, latitude=point.latitude, longitude=point.longitude
        )
    return [by_key.get(row.record.key, row.record) for row in rows]


def read_register(path: Path) -> ParsedRegister:
    return parse_register(read_register_bytes(path))
