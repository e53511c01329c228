"""Open rows that repeat each other: one is shown."""

from mungmo.hospital.domain.duplicates import licence_ref, mark_duplicates
from mungmo.hospital.domain.register import parse_register
from tests.support.hospital_register import hospital_row, register_file


def test_the_latest_of_a_repeated_open_hospital_is_kept() -> None:
    address = "서울특별시 성동구 왕십리로 241, 4층 (행당동)"
    records = parse_register(
        register_file(
            [
                hospital_row(
                    사업장명="바우라움동물병원",
                    도로명전체주소=address,
                    최종수정시점="2020-01-01 00:00:00",
                ),
                hospital_row(
                    사업장명="바우라움 동물병원",
                    도로명전체주소=address,
                    최종수정시점="2022-01-01 00:00:00",
                ),
                # Same building, another hospital: both stay.
                hospital_row(사업장명="옆집동물병원", 도로명전체주소=address),
                # A closed row with the same name and address is no repeat.
                hospital_row(
                    사업장명="바우라움동물병원", 도로명전체주소=address, 영업상태구분코드="03"
                ),
            ]
        )
    ).records
    older, newer, neighbour, closed = mark_duplicates(records)
    assert older.duplicate_of == licence_ref(newer)
    assert newer.duplicate_of is None
    assert neighbour.duplicate_of is None
    assert closed.duplicate_of is None


def test_rows_without_any_address_are_never_merged() -> None:
    records = parse_register(
        register_file(
            [
                hospital_row(사업장명="같은이름", 도로명전체주소="", 소재지전체주소=""),
                hospital_row(사업장명="같은이름", 도로명전체주소="", 소재지전체주소=""),
            ]
        )
    ).records
    assert [r.duplicate_of for r in mark_duplicates(records)] == [None, None]
