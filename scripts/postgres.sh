#!/usr/bin/env bash
# Placeholder until the store lands (issue 8): it will install and start PostgreSQL on loopback.
exit 0
