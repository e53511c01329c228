from pathlib import Path

import pytest

from mungmo.member.domain.regions import (
    haversine_km,
    is_neighbourhood_code,
    is_retired,
    read_centroids,
    search_terms,
    short_name,
)
from tests.support.regions import CENTROIDS_FILE, CHEONGUN_HYOJA, centroid_records


def test_only_eup_myeon_dong_codes_are_neighbourhoods() -> None:
    assert is_neighbourhood_code("1111051500")  # 청운효자동
    assert is_neighbourhood_code("4183037000")  # 양평군 청운면
    assert not is_neighbourhood_code("1100000000")  # 서울특별시
    assert not is_neighbourhood_code("1111000000")  # 종로구
    assert not is_neighbourhood_code("4183037021")  # a 리
    assert not is_neighbourhood_code("111105150")
    assert not is_neighbourhood_code("11110515ab")


def test_renumbered_provinces_and_districts_are_retired() -> None:
    assert is_retired("4211062000")  # 강원도 춘천시 효자1동 (now 51…)
    assert not is_retired("5111062000")  # 강원특별자치도 춘천시 효자1동
    assert is_retired("4772025000")  # 경상북도 군위군 군위읍 (now 대구 27720…)
    assert not is_retired("2772025000")
    assert is_retired("4816052000")  # 마산시
    assert not is_retired("1111051500")


def test_haversine_matches_known_distances() -> None:
    assert haversine_km(37.5665, 126.9780, 37.5665, 126.9780) == 0
    # One degree of latitude is about 111.2 km.
    assert haversine_km(37.0, 127.0, 38.0, 127.0) == pytest.approx(111.2, abs=0.1)
    # Seoul City Hall to Busan City Hall, about 325 km.
    assert haversine_km(37.5665, 126.9780, 35.1798, 129.0750) == pytest.approx(325, abs=3)


def test_utmk_is_converted_to_wgs84(tmp_path: Path) -> None:
    # UTM-K's false origin (1,000,000 / 2,000,000) is 38°N 127.5°E.
    sample = tmp_path / "sample.tsv"
    sample.write_text(
        "SERIAL\tADMCD\tADMNM\tX\tY\n"
        "0\t1100000000\t서울특별시\t954919\t1950195\n"
        "1\t9999951000\t가상시 원점구 원점동\t1000000\t2000000\n"
        "2\t1111061500\t서울특별시 종로구 어딘가출장소\t953064\t1954062\n",
        encoding="utf-8",
    )
    summary = read_centroids(sample)
    assert summary.skipped_levels == 1 and summary.skipped_offices == 1
    (origin,) = summary.records
    assert origin.code == "9999951000" and origin.short_name == "원점동"
    assert origin.latitude == pytest.approx(38.0, abs=1e-6)
    assert origin.longitude == pytest.approx(127.5, abs=1e-6)


def test_the_shipped_file_yields_current_neighbourhoods_only() -> None:
    records = {record.code: record for record in centroid_records()}
    cheongun = records[CHEONGUN_HYOJA]
    assert cheongun.name == "서울특별시 종로구 청운효자동"
    assert cheongun.latitude == pytest.approx(37.5848, abs=0.001)
    assert cheongun.longitude == pytest.approx(126.9684, abs=0.001)
    assert "5111062000" in records and "4211062000" not in records
    assert all(is_neighbourhood_code(code) and not is_retired(code) for code in records)
    assert not any(record.name.endswith(("출장소", "지소")) for record in records.values())
    assert 3500 < len(records) < 4000


def test_superseded_codes_of_one_place_are_dropped() -> None:
    records = {record.code: record for record in centroid_records()}
    # 청운동 and 효자동 merged into 청운효자동; 칠곡군 석적면 became 석적읍; 부천시 상동
    # got a new code when 부천's 구 were abolished; 창신제1동 has no successor: kept.
    assert "1111051500" in records
    assert "1111051000" not in records and "1111052000" not in records
    assert "4785025600" in records and "4785034000" not in records
    assert "4119074400" in records and "4119062000" not in records
    assert "1111067000" in records
    # 동교동 was absorbed by 서교동 (마포구), which keeps its code.
    assert "1144066000" in records and "1144067000" not in records
    names = [(record.code[:5], record.name) for record in records.values()]
    assert len(names) == len(set(names))


def test_an_upgraded_myeon_keeps_only_its_new_code(tmp_path: Path) -> None:
    sample = tmp_path / "sample.tsv"
    sample.write_text(
        "SERIAL\tADMCD\tADMNM\tX\tY\n"
        "0\t4785034000\t경상북도 칠곡군 석적면\t1100000\t1800000\n"
        "1\t4785025600\t경상북도 칠곡군 석적읍\t1100000\t1800000\n"
        "2\t4785031000\t경상북도 칠곡군 동명면\t1101000\t1801000\n",
        encoding="utf-8",
    )
    summary = read_centroids(sample)
    assert sorted(record.code for record in summary.records) == ["4785025600", "4785031000"]
    assert summary.skipped_superseded == 1


def test_reading_the_shipped_file_is_quick() -> None:
    import time

    started = time.perf_counter()
    summary = read_centroids(CENTROIDS_FILE)
    assert time.perf_counter() - started < 5
    assert summary.skipped_retired > 0


def test_missing_columns_are_reported(tmp_path: Path) -> None:
    broken = tmp_path / "broken.tsv"
    broken.write_text("CODE\tNAME\n1\t2\n", encoding="utf-8")
    with pytest.raises(ValueError, match="missing columns"):
        read_centroids(broken)


def test_names_and_search_terms() -> None:
    assert short_name("서울특별시 종로구 청운효자동") == "청운효자동"
    assert search_terms("  종로구   청운 ") == ["종로구", "청운"]
    assert search_terms("a b c d e f g") == ["a", "b", "c", "d", "e"]
