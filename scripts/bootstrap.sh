#!/usr/bin/env bash
# Prints the path of a uv binary, installing uv from PyPI into .cache/uv when it is
# not on PATH. Every other Python dependency then comes from uv.lock.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
UV_VERSION=0.13.9
if command -v uv >/dev/null 2>&1; then
    command -v uv
    exit 0
fi
if [ ! -x "$REPO/.cache/uv/bin/uv" ]; then
    python3 -m venv "$REPO/.cache/uv" >&2
    "$REPO/.cache/uv/bin/pip" install -q "uv==$UV_VERSION" >&2
fi
echo "$REPO/.cache/uv/bin/uv"
