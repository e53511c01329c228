"""Every service has the one shape of docs/architecture.md; import-linter checks the
layers, these check what it cannot: the modules that must exist, where errors live,
file size, and that no service is left out of the layer contract."""

import importlib
import importlib.util
import inspect
import pkgutil
import tomllib
from pathlib import Path

import pytest

from mungmo.main import SERVICES
from mungmo.platform.errors import DomainError

# handlers, adapters and domain are there when a service needs them.
REQUIRED = ("wiring", "api", "service", "schemas", "models", "errors")
MAX_LINES = 300
SOURCE = Path(__file__).resolve().parents[2] / "src" / "mungmo"
PYPROJECT = SOURCE.parents[1] / "pyproject.toml"


def _modules(service: str) -> list[str]:
    package = importlib.import_module(f"mungmo.{service}")
    names = [package.__name__]
    for found in pkgutil.walk_packages(package.__path__, prefix=f"{package.__name__}."):
        # Alembic environments run migrations when imported.
        if ".migrations" not in found.name:
            names.append(found.name)
    return names


@pytest.mark.parametrize("service", sorted(SERVICES))
def test_a_service_has_every_layer(service: str) -> None:
    missing = [m for m in REQUIRED if importlib.util.find_spec(f"mungmo.{service}.{m}") is None]
    assert missing == []
    assert (SOURCE / service / "migrations" / "env.py").is_file()


@pytest.mark.parametrize("service", sorted(SERVICES))
def test_a_services_domain_errors_all_live_in_its_errors_module(service: str) -> None:
    elsewhere = set()
    for name in _modules(service):
        for _, value in inspect.getmembers(importlib.import_module(name), inspect.isclass):
            defined_here = issubclass(value, DomainError) and value.__module__ == name
            if defined_here and name != f"mungmo.{service}.errors":
                elsewhere.add(f"{name}.{value.__name__}")
    assert elsewhere == set()


@pytest.mark.parametrize("service", sorted(SERVICES))
def test_a_services_files_stay_small(service: str) -> None:
    too_long = {
        str(path.relative_to(SOURCE)): lines
        for path in (SOURCE / service).rglob("*.py")
        if "versions" not in path.parts
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    # Past about 300 lines a module becomes a package of the same name.
    assert too_long == {}


def test_every_service_is_in_the_layer_contract() -> None:
    contracts = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"][
        "contracts"
    ]
    (inside,) = [c for c in contracts if c["name"] == "Layers inside each service"]
    assert inside["exhaustive"] is True
    assert set(inside["containers"]) == {f"mungmo.{service}" for service in SERVICES}
