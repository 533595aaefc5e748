#!/usr/bin/env bash
# Installs Debian's chromium for the dashboard's browser test (tests/test_browser.py).
# Idempotent: does nothing when /usr/bin/chromium is already there. Playwright drives this
# binary directly (never `playwright install`, which would download a browser at test time).
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [[ -x "$CHROMIUM" ]]; then
    echo "chromium: $("$CHROMIUM" --version 2>/dev/null || echo present) at $CHROMIUM"
    exit 0
fi

SUDO=""
if [[ "$(id -u)" -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "error: chromium is missing and installing it needs root (or sudo):" >&2
        echo "       apt-get update && apt-get install -y chromium" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core
echo "chromium: $("$CHROMIUM" --version 2>/dev/null || echo installed) at $CHROMIUM"
