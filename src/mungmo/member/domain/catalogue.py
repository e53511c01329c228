"""Fixed, translatable catalogues: owner and dog traits, and the breeds common in Korea.

Codes are stable (stored and sent in events); the Korean and English labels are
what the UI shows.
"""

from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True)
class Label:
    code: str
    ko: str
    en: str


class OwnerTrait(StrEnum):
    INTROVERTED = "introverted"
    OUTGOING = "outgoing"
    CALM = "calm"
    CHATTY = "chatty"
    PLANNER = "planner"
    SPONTANEOUS = "spontaneous"
    EARLY_BIRD = "early_bird"
    NIGHT_OWL = "night_owl"
    ACTIVE = "active"
    HOMEBODY = "homebody"
    PUNCTUAL = "punctual"
    FIRST_TIME_OWNER = "first_time_owner"
    EXPERIENCED_OWNER = "experienced_owner"
    TRAINING_FAN = "training_fan"
    PHOTO_LOVER = "photo_lover"


class DogTrait(StrEnum):
    SHY = "shy"
    PLAYFUL = "playful"
    ENERGETIC = "energetic"
    CALM = "calm"
    GOOD_WITH_BIG_DOGS = "good_with_big_dogs"
    GOOD_WITH_SMALL_DOGS = "good_with_small_dogs"
    GOOD_WITH_KIDS = "good_with_kids"
    NEEDS_SPACE = "needs_space"
    PEOPLE_LOVER = "people_lover"
    CURIOUS = "curious"
    SENSITIVE = "sensitive"
    INDEPENDENT = "independent"
    AFFECTIONATE = "affectionate"
    PROTECTIVE = "protective"
    FOOD_LOVER = "food_lover"
    LOVES_WALKS = "loves_walks"


OWNER_TRAITS: tuple[Label, ...] = (
    Label(OwnerTrait.INTROVERTED, "내향적", "Introverted"),
    Label(OwnerTrait.OUTGOING, "적극적", "Outgoing"),
    Label(OwnerTrait.CALM, "차분함", "Calm"),
    Label(OwnerTrait.CHATTY, "수다스러움", "Chatty"),
    Label(OwnerTrait.PLANNER, "계획형", "Planner"),
    Label(OwnerTrait.SPONTANEOUS, "즉흥형", "Spontaneous"),
    Label(OwnerTrait.EARLY_BIRD, "아침형", "Early bird"),
    Label(OwnerTrait.NIGHT_OWL, "저녁형", "Night owl"),
    Label(OwnerTrait.ACTIVE, "활동적", "Active"),
    Label(OwnerTrait.HOMEBODY, "집콕형", "Homebody"),
    Label(OwnerTrait.PUNCTUAL, "시간 약속 철저", "Punctual"),
    Label(OwnerTrait.FIRST_TIME_OWNER, "초보 견주", "First-time owner"),
    Label(OwnerTrait.EXPERIENCED_OWNER, "경험 많은 견주", "Experienced owner"),
    Label(OwnerTrait.TRAINING_FAN, "훈련에 관심 많음", "Into training"),
    Label(OwnerTrait.PHOTO_LOVER, "사진 찍기 좋아함", "Loves taking photos"),
)

DOG_TRAITS: tuple[Label, ...] = (
    Label(DogTrait.SHY, "소심함", "Shy"),
    Label(DogTrait.PLAYFUL, "활발함", "Playful"),
    Label(DogTrait.ENERGETIC, "에너지 넘침", "Energetic"),
    Label(DogTrait.CALM, "차분함", "Calm"),
    Label(DogTrait.GOOD_WITH_BIG_DOGS, "큰 개와 잘 지냄", "Good with big dogs"),
    Label(DogTrait.GOOD_WITH_SMALL_DOGS, "작은 개와 잘 지냄", "Good with small dogs"),
    Label(DogTrait.GOOD_WITH_KIDS, "아이들과 잘 지냄", "Good with kids"),
    Label(DogTrait.NEEDS_SPACE, "혼자 있고 싶어함", "Needs space"),
    Label(DogTrait.PEOPLE_LOVER, "사람을 좋아함", "Loves people"),
    Label(DogTrait.CURIOUS, "호기심 많음", "Curious"),
    Label(DogTrait.SENSITIVE, "예민함", "Sensitive"),
    Label(DogTrait.INDEPENDENT, "독립적", "Independent"),
    Label(DogTrait.AFFECTIONATE, "애교 많음", "Affectionate"),
    Label(DogTrait.PROTECTIVE, "경계심 많음", "Protective"),
    Label(DogTrait.FOOD_LOVER, "먹보", "Food lover"),
    Label(DogTrait.LOVES_WALKS, "산책 좋아함", "Loves walks"),
)


class Breed(StrEnum):
    MALTESE = "maltese"
    POODLE = "poodle"
    STANDARD_POODLE = "standard_poodle"
    POMERANIAN = "pomeranian"
    BICHON_FRISE = "bichon_frise"
    CHIHUAHUA = "chihuahua"
    SHIH_TZU = "shih_tzu"
    YORKSHIRE_TERRIER = "yorkshire_terrier"
    MINIATURE_SCHNAUZER = "miniature_schnauzer"
    DACHSHUND = "dachshund"
    WELSH_CORGI = "welsh_corgi"
    SHIBA_INU = "shiba_inu"
    JINDO = "jindo"
    PUNGSAN = "pungsan"
    SAPSAL = "sapsal"
    DONGGYEONG = "donggyeong"
    GOLDEN_RETRIEVER = "golden_retriever"
    LABRADOR_RETRIEVER = "labrador_retriever"
    FRENCH_BULLDOG = "french_bulldog"
    ENGLISH_BULLDOG = "english_bulldog"
    PUG = "pug"
    BEAGLE = "beagle"
    COCKER_SPANIEL = "cocker_spaniel"
    CAVALIER_KING_CHARLES_SPANIEL = "cavalier_king_charles_spaniel"
    BORDER_COLLIE = "border_collie"
    SHETLAND_SHEEPDOG = "shetland_sheepdog"
    SAMOYED = "samoyed"
    SIBERIAN_HUSKY = "siberian_husky"
    ALASKAN_MALAMUTE = "alaskan_malamute"
    JACK_RUSSELL_TERRIER = "jack_russell_terrier"
    PAPILLON = "papillon"
    ITALIAN_GREYHOUND = "italian_greyhound"
    GREYHOUND = "greyhound"
    WHIPPET = "whippet"
    MINIATURE_PINSCHER = "miniature_pinscher"
    JAPANESE_SPITZ = "japanese_spitz"
    PEKINGESE = "pekingese"
    LHASA_APSO = "lhasa_apso"
    BEDLINGTON_TERRIER = "bedlington_terrier"
    BOSTON_TERRIER = "boston_terrier"
    WEST_HIGHLAND_WHITE_TERRIER = "west_highland_white_terrier"
    SCOTTISH_TERRIER = "scottish_terrier"
    JAPANESE_CHIN = "japanese_chin"
    HAVANESE = "havanese"
    COTON_DE_TULEAR = "coton_de_tulear"
    BRUSSELS_GRIFFON = "brussels_griffon"
    GERMAN_SHEPHERD = "german_shepherd"
    AUSTRALIAN_SHEPHERD = "australian_shepherd"
    DOBERMANN = "dobermann"
    ROTTWEILER = "rottweiler"
    BOXER = "boxer"
    GREAT_PYRENEES = "great_pyrenees"
    BERNESE_MOUNTAIN_DOG = "bernese_mountain_dog"
    SAINT_BERNARD = "saint_bernard"
    GREAT_DANE = "great_dane"
    AKITA = "akita"
    CHOW_CHOW = "chow_chow"
    SHAR_PEI = "shar_pei"
    DALMATIAN = "dalmatian"
    WEIMARANER = "weimaraner"
    MALTIPOO = "maltipoo"
    MIXED = "mixed"
    OTHER = "other"


# Listed roughly by how often they are seen in Korea, so an empty search shows the common ones.
BREEDS: tuple[Label, ...] = (
    Label(Breed.MALTESE, "말티즈", "Maltese"),
    Label(Breed.POODLE, "푸들", "Poodle"),
    Label(Breed.POMERANIAN, "포메라니안", "Pomeranian"),
    Label(Breed.MIXED, "믹스견", "Mixed breed"),
    Label(Breed.BICHON_FRISE, "비숑 프리제", "Bichon Frise"),
    Label(Breed.CHIHUAHUA, "치와와", "Chihuahua"),
    Label(Breed.SHIH_TZU, "시츄", "Shih Tzu"),
    Label(Breed.WELSH_CORGI, "웰시코기", "Welsh Corgi"),
    Label(Breed.JINDO, "진돗개", "Jindo"),
    Label(Breed.GOLDEN_RETRIEVER, "골든 리트리버", "Golden Retriever"),
    Label(Breed.SHIBA_INU, "시바견", "Shiba Inu"),
    Label(Breed.YORKSHIRE_TERRIER, "요크셔테리어", "Yorkshire Terrier"),
    Label(Breed.MINIATURE_SCHNAUZER, "미니어처 슈나우저", "Miniature Schnauzer"),
    Label(Breed.DACHSHUND, "닥스훈트", "Dachshund"),
    Label(Breed.MALTIPOO, "말티푸", "Maltipoo"),
    Label(Breed.FRENCH_BULLDOG, "프렌치 불독", "French Bulldog"),
    Label(Breed.LABRADOR_RETRIEVER, "래브라도 리트리버", "Labrador Retriever"),
    Label(Breed.BORDER_COLLIE, "보더 콜리", "Border Collie"),
    Label(Breed.SAMOYED, "사모예드", "Samoyed"),
    Label(Breed.JAPANESE_SPITZ, "스피츠", "Japanese Spitz"),
    Label(Breed.PAPILLON, "파피용", "Papillon"),
    Label(Breed.ITALIAN_GREYHOUND, "이탈리안 그레이하운드", "Italian Greyhound"),
    Label(Breed.BEAGLE, "비글", "Beagle"),
    Label(Breed.COCKER_SPANIEL, "코커 스패니얼", "Cocker Spaniel"),
    Label(Breed.PUG, "퍼그", "Pug"),
    Label(Breed.JACK_RUSSELL_TERRIER, "잭 러셀 테리어", "Jack Russell Terrier"),
    Label(Breed.MINIATURE_PINSCHER, "미니어처 핀셔", "Miniature Pinscher"),
    Label(Breed.SIBERIAN_HUSKY, "시베리안 허스키", "Siberian Husky"),
    Label(Breed.PEKINGESE, "페키니즈", "Pekingese"),
    Label(Breed.STANDARD_POODLE, "스탠더드 푸들", "Standard Poodle"),
    Label(Breed.COTON_DE_TULEAR, "꼬똥 드 툴레아", "Coton de Tulear"),
    Label(Breed.BEDLINGTON_TERRIER, "베들링턴 테리어", "Bedlington Terrier"),
    Label(
        Breed.CAVALIER_KING_CHARLES_SPANIEL,
        "카발리에 킹 찰스 스패니얼",
        "Cavalier King Charles Spaniel",
    ),
    Label(Breed.SHETLAND_SHEEPDOG, "셔틀랜드 쉽독", "Shetland Sheepdog"),
    Label(Breed.ALASKAN_MALAMUTE, "알래스칸 맬러뮤트", "Alaskan Malamute"),
    Label(Breed.PUNGSAN, "풍산개", "Pungsan"),
    Label(Breed.SAPSAL, "삽살개", "Sapsali"),
    Label(Breed.DONGGYEONG, "동경이", "Donggyeongi"),
    Label(Breed.BOSTON_TERRIER, "보스턴 테리어", "Boston Terrier"),
    Label(Breed.ENGLISH_BULLDOG, "잉글리시 불독", "English Bulldog"),
    Label(
        Breed.WEST_HIGHLAND_WHITE_TERRIER,
        "웨스트 하이랜드 화이트 테리어",
        "West Highland White Terrier",
    ),
    Label(Breed.SCOTTISH_TERRIER, "스코티시 테리어", "Scottish Terrier"),
    Label(Breed.LHASA_APSO, "라사 압소", "Lhasa Apso"),
    Label(Breed.JAPANESE_CHIN, "재패니즈 친", "Japanese Chin"),
    Label(Breed.HAVANESE, "하바니즈", "Havanese"),
    Label(Breed.BRUSSELS_GRIFFON, "브뤼셀 그리펀", "Brussels Griffon"),
    Label(Breed.WHIPPET, "휘핏", "Whippet"),
    Label(Breed.GREYHOUND, "그레이하운드", "Greyhound"),
    Label(Breed.GERMAN_SHEPHERD, "저먼 셰퍼드", "German Shepherd"),
    Label(Breed.AUSTRALIAN_SHEPHERD, "오스트레일리언 셰퍼드", "Australian Shepherd"),
    Label(Breed.DOBERMANN, "도베르만", "Dobermann"),
    Label(Breed.ROTTWEILER, "로트와일러", "Rottweiler"),
    Label(Breed.BOXER, "복서", "Boxer"),
    Label(Breed.GREAT_PYRENEES, "그레이트 피레니즈", "Great Pyrenees"),
    Label(Breed.BERNESE_MOUNTAIN_DOG, "버니즈 마운틴 독", "Bernese Mountain Dog"),
    Label(Breed.SAINT_BERNARD, "세인트 버나드", "Saint Bernard"),
    Label(Breed.GREAT_DANE, "그레이트 데인", "Great Dane"),
    Label(Breed.AKITA, "아키타", "Akita"),
    Label(Breed.CHOW_CHOW, "차우차우", "Chow Chow"),
    Label(Breed.SHAR_PEI, "샤페이", "Shar Pei"),
    Label(Breed.DALMATIAN, "달마시안", "Dalmatian"),
    Label(Breed.WEIMARANER, "바이마라너", "Weimaraner"),
    Label(Breed.OTHER, "기타", "Other"),
)

# Hangul syllables are 0xAC00 + (initial * 21 + medial) * 28 + final.
_SYLLABLE_FIRST, _SYLLABLE_LAST = 0xAC00, 0xD7A3
_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"


def initial_consonant(char: str) -> str | None:
    """The 초성 of a Hangul syllable (``"말"`` → ``"ㅁ"``), None for other characters."""
    code = ord(char)
    if _SYLLABLE_FIRST <= code <= _SYLLABLE_LAST:
        return _INITIALS[(code - _SYLLABLE_FIRST) // 588]
    return None


def _char_matches(wanted: str, actual: str) -> bool:
    # A lone consonant in the query stands for any syllable starting with it (초성 search).
    return wanted == actual or (wanted in _INITIALS and initial_consonant(actual) == wanted)


def _contains(text: str, query: str) -> bool:
    width = len(query)
    return any(
        all(_char_matches(query[i], text[start + i]) for i in range(width))
        for start in range(len(text) - width + 1)
    )


def _squash(text: str) -> str:
    return "".join(text.split()).casefold()


def search_breeds(query: str) -> list[Label]:
    """Breeds whose Korean name (with 초성 matching, ignoring spaces), English name or code
    contains the query; an empty query lists them all, common ones first."""
    wanted = _squash(query)
    if not wanted:
        return list(BREEDS)
    return [
        breed
        for breed in BREEDS
        if _contains(_squash(breed.ko), wanted)
        or wanted in _squash(breed.en)
        or wanted in breed.code.replace("_", "")
    ]
