"""Compatibility hints between my dogs and another member's dogs, from public fields."""

from collections.abc import Mapping, Sequence
from typing import Any

HintCode = str


def hints_for(my_dog: Mapping[str, Any], their_dogs: Sequence[Mapping[str, Any]]) -> list[str]:
    """What to know for ``my_dog`` about these dogs: size, muzzle, energy, and whether
    they get on with big or small dogs. Unknown (private) fields give no hint."""
    found: list[str] = []
    mine_size = my_dog.get("size")
    mine_energy = my_dog.get("energy_level")
    for dog in their_dogs:
        size, traits = dog.get("size"), dog.get("traits") or []
        if mine_size and size and mine_size != size:
            found.append("size_differs")
        if mine_size == "large" and "good_with_big_dogs" in traits:
            found.append("good_with_big_dogs")
        if mine_size == "small" and "good_with_small_dogs" in traits:
            found.append("good_with_small_dogs")
        if dog.get("muzzle"):
            found.append("muzzle")
        energy = dog.get("energy_level")
        if (
            isinstance(mine_energy, int)
            and isinstance(energy, int)
            and abs(mine_energy - energy) >= 2
        ):
            found.append("energy_differs")
    return sorted(set(found))
