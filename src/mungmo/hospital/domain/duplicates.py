"""Open rows that describe the same hospital twice.

Two open rows with the same name and address (spaces and case ignored) are one
hospital registered twice: the most recently modified row (then the larger 관리번호)
is shown, the other points at it and is hidden. Rows that only share a building
(same coordinates, other names) are different hospitals and all stay; an open row
repeating a closed one is a hospital that re-registered, and the closed one is hidden
anyway.
"""

import re
from dataclasses import replace

from mungmo.hospital.domain.register import RegisterRecord


def _identity(record: RegisterRecord) -> tuple[str, str]:
    def squeeze(text: str) -> str:
        return re.sub(r"\s+", "", text).casefold()

    return squeeze(record.name), squeeze(record.address or "")


def licence_ref(record: RegisterRecord) -> str:
    return f"{record.authority_code}:{record.licence_id}"


def mark_duplicates(records: list[RegisterRecord]) -> list[RegisterRecord]:
    """``records`` with ``duplicate_of`` set on the open repeats (addressless rows are
    never merged: a name alone does not identify a hospital)."""
    groups: dict[tuple[str, str], list[RegisterRecord]] = {}
    for record in records:
        if record.status == "open" and record.address:
            groups.setdefault(_identity(record), []).append(record)
    replaced: dict[tuple[str, str], RegisterRecord] = {}
    for group in groups.values():
        if len(group) < 2:
            continue
        ordered = sorted(group, key=lambda r: (r.register_modified, r.licence_id), reverse=True)
        kept = licence_ref(ordered[0])
        for repeat in ordered[1:]:
            replaced[repeat.key] = replace(repeat, duplicate_of=kept)
    return [replaced.get(record.key, record) for record in records]
