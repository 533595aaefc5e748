#!/usr/bin/env bash
# Placeholder until the dashboard lands (issue 9): it will install Debian's chromium.
exit 0
