from sqlalchemy.orm import DeclarativeBase

from mungmo.platform.db import service_metadata

# Not mapped: the search index, created by the migrations per database (FTS5 with the
# trigram tokenizer on SQLite, a Mroonga table on MariaDB; see service/search.py). The
# migration check skips these names (and FTS5's shadow tables, which share the prefix).
SEARCH_TABLE = "post_search"


class Base(DeclarativeBase):
    # scheduled_jobs: 인기글 is recomputed by a durable, recurring job.
    metadata = service_metadata(scheduled_jobs=True)


Base.metadata.info["unmapped_tables"] = (SEARCH_TABLE,)
