"""Search terms from what a member typed."""

import re

MAX_TERMS = 5
# Characters the index engines read as operators; a term is made of the rest.
_SEPARATORS = re.compile(r"[\s\"'()*+\-<>~@^:;,.!?]+")


def search_terms(query: str) -> list[str]:
    """Up to ``MAX_TERMS`` distinct words of ``query``, in order; all must match."""
    terms: list[str] = []
    for word in _SEPARATORS.split(query.strip()):
        if word and word.casefold() not in (t.casefold() for t in terms):
            terms.append(word)
    return terms[:MAX_TERMS]
