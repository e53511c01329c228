"""시/도 and 시/군/구 from addresses."""

from mungmo.hospital.domain.addresses import Region, region_of, renamed, tidy_address


def test_regions() -> None:
    assert region_of("서울특별시 강남구 테헤란로 1") == Region("서울특별시", "강남구")
    assert region_of("경기도 수원시 장안구 정자동 1") == Region("경기도", "수원시 장안구")
    assert region_of("경기도 화성시 봉담읍 동화리 1") == Region("경기도", "화성시")
    assert region_of("충청북도 괴산군 괴산읍 1") == Region("충청북도", "괴산군")
    assert region_of("세종특별자치시 한누리대로 1") == Region("세종특별자치시", None)
    assert region_of("어딘가 123") is None


def test_province_renames_and_spaces() -> None:
    assert renamed("전라북도 전주시 완산구") == "전북특별자치도 전주시 완산구"
    assert renamed("강원도 춘천시") == "강원특별자치도 춘천시"
    assert renamed("전라남도 목포시") == "전라남도 목포시"
    assert tidy_address("  광주광역시  북구   두암동 927-1 ") == "광주광역시 북구 두암동 927-1"
