"""Reading register files: encodings, the trailing column, bad rows and each quirk."""

import gzip
from pathlib import Path

import pytest

from mungmo.hospital.domain.register import (
    RegisterUnreadable,
    parse_register,
    read_register,
)
from tests.support.hospital_register import hospital_row, register_file


def test_cp949_with_a_character_strict_euc_kr_lacks() -> None:
    data = register_file([hospital_row(사업장명="퍠동물병원")], encoding="cp949")
    with pytest.raises(UnicodeDecodeError):
        data.decode("euc-kr")
    parsed = parse_register(data)
    assert parsed.encoding == "cp949"
    assert [record.name for record in parsed.records] == ["퍠동물병원"]


def test_utf8_with_or_without_bom() -> None:
    data = register_file([hospital_row(사업장명="해피동물병원")], encoding="utf-8")
    for variant in (data, b"\xef\xbb\xbf" + data):
        parsed = parse_register(variant)
        assert parsed.encoding == "utf-8"
        assert parsed.records[0].name == "해피동물병원"


def test_neither_encoding_is_refused() -> None:
    with pytest.raises(RegisterUnreadable):
        parse_register(b'"\xff\xfe\xfa"')


def test_missing_columns_are_refused() -> None:
    with pytest.raises(RegisterUnreadable, match="관리번호"):
        parse_register('"번호","사업장명",\n"1","a",\n'.encode())


def test_the_trailing_empty_column_is_dropped_but_extra_values_are_bad() -> None:
    good = register_file([hospital_row()])
    assert good.splitlines()[1].endswith(b",")
    assert len(parse_register(good).records) == 1
    lines = good.decode("cp949").splitlines()
    lines[1] = lines[1] + '"surplus",'
    lines.append('"2","동물병원","3620000"')  # cut short
    parsed = parse_register("\n".join(lines).encode("cp949"))
    assert parsed.records == []
    assert [bad.line for bad in parsed.bad] == [2, 3]


def test_status_rules() -> None:
    parsed = parse_register(
        register_file(
            [
                hospital_row(영업상태구분코드="01"),
                hospital_row(영업상태구분코드="02"),
                hospital_row(영업상태구분코드="03", 상세영업상태코드="0002"),
                hospital_row(영업상태구분코드="04", 상세영업상태코드="0004"),
                hospital_row(영업상태구분코드="01", 상세영업상태코드="BBBB"),
                hospital_row(영업상태구분코드="09"),
            ]
        )
    )
    assert [r.status for r in parsed.records] == ["open", "suspended", "closed", "closed", "open"]
    assert parsed.unknown_detail_status == 1
    assert len(parsed.bad) == 1 and "09" in parsed.bad[0].reason


def test_rows_without_identity_or_name_are_bad_without_coordinates_or_phone_are_kept() -> None:
    parsed = parse_register(
        register_file(
            [
                hospital_row(관리번호=""),
                hospital_row(개방자치단체코드="36200"),
                hospital_row(사업장명="  "),
                hospital_row(**{"좌표정보(x)": "", "좌표정보(y)": ""}, 소재지전화=""),
            ]
        )
    )
    assert len(parsed.bad) == 3
    (kept,) = parsed.records
    assert kept.latitude is None and kept.longitude is None
    assert kept.phone is None and kept.phone_raw is None


def test_a_repeated_licence_is_bad() -> None:
    first = hospital_row()
    parsed = parse_register(register_file([first, hospital_row(관리번호=first["관리번호"])]))
    assert len(parsed.records) == 1
    assert "line 2" in parsed.bad[0].reason


def test_coordinates_become_wgs84() -> None:
    (record,) = parse_register(register_file([hospital_row()])).records
    assert record.longitude == pytest.approx(126.937205, abs=1e-6)
    assert record.latitude == pytest.approx(35.170490, abs=1e-6)


def test_jeju_northings_below_zero_are_real_and_typos_outside_korea_are_dropped() -> None:
    jeju, typo = parse_register(
        register_file(
            [
                hospital_row(**{"좌표정보(x)": "150742.20", "좌표정보(y)": "-3513.03"}),
                hospital_row(**{"좌표정보(x)": "9999999", "좌표정보(y)": "185704"}),
            ]
        )
    ).records
    assert jeju.latitude is not None and 33.2 < jeju.latitude < 33.6
    assert typo.latitude is None


def test_html_entities_hints_livestock_and_province_renames() -> None:
    parsed = parse_register(
        register_file(
            [
                hospital_row(사업장명="캣츠&amp;독스동물병원"),
                hospital_row(사업장명="이방가축병원&lt;산업동물출장진료전문병원&gt;"),
                hospital_row(사업장명="24시 센트럴동물메디컬센터"),
                hospital_row(사업장명="한우리동물병원"),
                hospital_row(
                    도로명전체주소="전라북도 전주시 완산구 홍산로 1",
                    소재지전체주소="전라북도 전주시 완산구 효자동3가  1",
                ),
            ]
        )
    )
    cats, cattle, emergency, hanuri, jeonbuk = parsed.records
    assert cats.name == "캣츠&독스동물병원" and not cats.livestock
    assert cattle.name == "이방가축병원<산업동물출장진료전문병원>" and cattle.livestock
    assert emergency.name_hint_24h and not cats.name_hint_24h
    assert not hanuri.livestock  # 한우리 is a name, not 한우 (cattle)
    assert jeonbuk.province == "전북특별자치도"
    assert jeonbuk.district == "전주시 완산구"
    assert jeonbuk.road_address == "전북특별자치도 전주시 완산구 홍산로 1"
    assert jeonbuk.lot_address == "전북특별자치도 전주시 완산구 효자동3가 1"


def test_region_from_the_lot_address_when_the_road_address_is_missing() -> None:
    (record,) = parse_register(
        register_file([hospital_row(도로명전체주소="", 소재지전화="582-3363,562-1729")])
    ).records
    assert (record.province, record.district) == ("광주광역시", "북구")
    assert record.address == "광주광역시 북구 두암동 927-1"
    assert record.phone == "062-582-3363"
    assert record.phone_raw == "582-3363,562-1729"


def test_gzipped_files_are_read(tmp_path: Path) -> None:
    path = tmp_path / "register.csv.gz"
    path.write_bytes(gzip.compress(register_file([hospital_row()])))
    assert len(read_register(path).records) == 1
