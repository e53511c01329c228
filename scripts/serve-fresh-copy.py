"""Serves MungMo from a copy of this repository in an empty folder: what a new user who
clones the repository has, with no ``../shared`` (the project's test data) beside it.

    python scripts/serve-fresh-copy.py --port 8766

The copy holds the files git tracks (and new files it does not ignore), plus the built
web app (``web/dist``, so the browser test need not build it twice). The server runs the
copy's code (``PYTHONPATH``), with the dependencies of this checkout's virtual
environment, and keeps its data inside the copy's folder. The end-to-end test
``web/e2e/fresh-clone.spec.ts`` runs against it.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def tracked_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    files = [Path(os.fsdecode(name)) for name in listed if name]
    # A tracked file deleted in the working tree is not part of the checkout.
    return [name for name in files if (REPO / name).is_file()]


def make_copy() -> Path:
    root = Path(tempfile.mkdtemp(prefix="mungmo-fresh-"))
    copy = root / "mungmo"
    for name in tracked_files():
        target = copy / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, target)
    dist = REPO / "web" / "dist"
    if not (dist / "index.html").is_file():
        sys.exit("web/dist is missing: run `npm run build` in web/ first")
    shutil.copytree(dist, copy / "web" / "dist")
    if (copy.parent / "shared").exists():
        sys.exit(f"{copy.parent / 'shared'} exists; the copy must have no ../shared")
    return copy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args()

    copy = make_copy()
    env = {
        key: value
        for key, value in os.environ.items()
        # Nothing of this checkout's configuration leaks into the new user's run.
        if not key.startswith("MUNGMO_")
    }
    env["PYTHONPATH"] = str(copy / "src")
    loaded = subprocess.run(
        [sys.executable, "-c", "import mungmo; print(mungmo.__file__)"],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not Path(loaded).is_relative_to(copy):
        sys.exit(f"the server would run {loaded}, not the copy in {copy}")
    print(f"fresh copy: {copy} (no {copy.parent / 'shared'})", flush=True)
    command = [
        sys.executable,
        "-m",
        "mungmo.cli",
        "run",
        "--no-build",
        "--host",
        args.host,
        "--port",
        str(args.port),
        "--data-dir",
        str(copy / "data"),
    ]
    os.chdir(copy)
    os.execve(sys.executable, command, env)


if __name__ == "__main__":
    main()
