"""Small register files shaped like the LOCALDATA export (all fields quoted, each line
ending with a comma), for the hospital import tests."""

import itertools
from typing import Literal

HEADER = (
    "번호",
    "개방서비스명",
    "개방자치단체코드",
    "관리번호",
    "영업상태구분코드",
    "영업상태명",
    "상세영업상태코드",
    "소재지전화",
    "소재지전체주소",
    "도로명전체주소",
    "사업장명",
    "최종수정시점",
    "좌표정보(x)",
    "좌표정보(y)",
)

_serials = itertools.count(1)

# The data README's test vector: a point in 광주광역시 북구.
GWANGJU_X, GWANGJU_Y = "194205.75", "185704.245"


def hospital_row(**overrides: str) -> dict[str, str]:
    serial = next(_serials)
    row = {
        "번호": str(serial),
        "개방서비스명": "동물병원",
        "개방자치단체코드": "3620000",
        "관리번호": f"3620000010201{serial:05d}",
        "영업상태구분코드": "01",
        "영업상태명": "영업/정상",
        "상세영업상태코드": "0000",
        "소재지전화": "062-571-1275",
        "소재지전체주소": "광주광역시 북구 두암동  927-1",
        "도로명전체주소": "광주광역시 북구 삼정로 95 (두암동)",
        "사업장명": f"테스트동물병원{serial}",
        "최종수정시점": "2023-01-02 03:04:05",
        "좌표정보(x)": GWANGJU_X,
        "좌표정보(y)": GWANGJU_Y,
    }
    row.update(overrides)
    return row


def _quoted(values: list[str]) -> str:
    return ",".join('"' + value.replace('"', '""') + '"' for value in values) + ",\n"


def register_file(
    rows: list[dict[str, str]], *, encoding: Literal["cp949", "utf-8"] = "cp949"
) -> bytes:
    lines = [_quoted(list(HEADER))]
    lines += [_quoted([row[column] for column in HEADER]) for row in rows]
    return "".join(lines).encode(encoding)
