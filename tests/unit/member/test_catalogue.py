from mungmo.member.domain.catalogue import (
    BREEDS,
    DOG_TRAITS,
    OWNER_TRAITS,
    Breed,
    DogTrait,
    OwnerTrait,
    initial_consonant,
    search_breeds,
)


def _codes(query: str) -> list[str]:
    return [breed.code for breed in search_breeds(query)]


def test_every_code_has_exactly_one_label() -> None:
    for enum, labels in ((OwnerTrait, OWNER_TRAITS), (DogTrait, DOG_TRAITS), (Breed, BREEDS)):
        codes = [label.code for label in labels]
        assert sorted(codes) == sorted(member.value for member in enum)
        assert len(set(codes)) == len(codes)
        assert all(label.ko and label.en for label in labels)


def test_the_brief_traits_are_there_in_korean() -> None:
    owner = {label.code: label.ko for label in OWNER_TRAITS}
    dog = {label.code: label.ko for label in DOG_TRAITS}
    assert owner["introverted"] == "내향적" and owner["outgoing"] == "적극적"
    assert owner["night_owl"] == "저녁형" and owner["planner"] == "계획형"
    assert dog["shy"] == "소심함" and dog["good_with_big_dogs"] == "큰 개와 잘 지냄"
    assert dog["needs_space"] == "혼자 있고 싶어함"


def test_about_sixty_breeds_common_in_korea() -> None:
    names = {breed.ko for breed in BREEDS}
    assert len(BREEDS) >= 60
    for name in ("말티즈", "푸들", "포메라니안", "시바견", "진돗개", "웰시코기", "골든 리트리버"):
        assert name in names
    assert "믹스견" in names


def test_initial_consonants_of_hangul_syllables() -> None:
    assert initial_consonant("말") == "ㅁ"
    assert initial_consonant("티") == "ㅌ"
    assert initial_consonant("까") == "ㄲ"
    assert initial_consonant("a") is None
    assert initial_consonant("ㅁ") is None


def test_breed_search_by_name_english_and_initials() -> None:
    assert _codes("말티즈") == ["maltese"]
    assert _codes("ㅁㅌㅈ") == ["maltese"]
    assert _codes("말ㅌ") == ["maltese", "maltipoo"]  # 말티즈, 말티푸
    assert "golden_retriever" in _codes("골든리트리버")  # spaces do not matter
    assert "golden_retriever" in _codes("ㄱㄷ")
    assert set(_codes("poodle")) == {"poodle", "standard_poodle"}
    assert _codes("JINDO") == ["jindo"]
    assert _codes("없는견종") == []


def test_empty_search_lists_every_breed_common_ones_first() -> None:
    assert _codes("  ") == [breed.code for breed in BREEDS]
    assert _codes("")[:3] == ["maltese", "poodle", "pomeranian"]
