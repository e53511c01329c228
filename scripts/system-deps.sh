#!/usr/bin/env bash
# Installs the Debian packages the tests need when they are missing:
# mariadb-server (private test database), mariadb-plugin-mroonga (board search: Korean
# n-gram full-text index), chromium + fonts-noto-cjk (browser tests, Korean text).
set -euo pipefail
packages=(mariadb-server mariadb-plugin-mroonga chromium fonts-noto-cjk)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' \
        || missing+=("$package")
done
if ((${#missing[@]} == 0)); then
    echo "system packages present: ${packages[*]}"
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "missing Debian packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})" >&2
    exit 1
fi
echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q "${missing[@]}"
