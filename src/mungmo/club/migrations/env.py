from mungmo.club.models import Base
from mungmo.platform.db.migrations import run_env

run_env(Base.metadata)
