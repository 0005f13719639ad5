#!/usr/bin/env bash
# Process start -> first successful signed DescribeVpcs, Kumo vs moto_server, same run (see startup.py).
# usage: bench/startup.sh [--runs N] [--variants]     (KUMO_HOME = the Kumo checkout, default: this repo)
exec python3 "$(dirname "${BASH_SOURCE[0]}")/startup.py" "$@"
