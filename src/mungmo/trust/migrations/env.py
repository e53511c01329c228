from mungmo.platform.db.migrations import run_env
from mungmo.trust.models import Base

run_env(Base.metadata)
