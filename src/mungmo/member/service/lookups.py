"""The fixed catalogues the onboarding and profile screens choose from."""

from mungmo.member.domain.catalogue import DOG_TRAITS, OWNER_TRAITS, Label, search_breeds
from mungmo.member.schemas import LabelRead, TraitCatalogueRead


def _read(label: Label) -> LabelRead:
    return LabelRead(code=label.code, ko=label.ko, en=label.en)


def list_traits() -> TraitCatalogueRead:
    return TraitCatalogueRead(
        owner=[_read(label) for label in OWNER_TRAITS],
        dog=[_read(label) for label in DOG_TRAITS],
    )


def find_breeds(query: str) -> list[LabelRead]:
    return [_read(label) for label in search_breeds(query)]
