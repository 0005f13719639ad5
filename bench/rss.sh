#!/usr/bin/env bash
# Idle RSS of Kumo after start and after its first requests, against moto_server, same run (see rss.py).
# usage: bench/rss.sh [--runs N]     (KUMO_HOME = the Kumo checkout, default: this repo)
exec python3 "$(dirname "${BASH_SOURCE[0]}")/rss.py" "$@"
