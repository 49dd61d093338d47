#!/bin/sh
# Scores every question file of the project with briefbot and bleve side by
# side, in one command: fetches the corpora once (as run.sh does), writes the
# documents each file is asked on under corpora/eval/ (the addresses as .txt
# alone and as .json alone; the Brown sections as plain text, reviews with
# religion as web pages, reports as Markdown), and runs the harness's -eval. Arguments are
# passed to the harness, e.g. ./eval.sh -eval-out eval.json
set -eu
cd "$(dirname "$0")"
./run.sh -fetch-only
shared=../../shared/eval
docs=corpora/eval
if [ ! -d "$docs" ]; then
	rm -rf "$docs.tmp"
	mkdir -p "$docs.tmp/sotu-txt" "$docs.tmp/sotu-json"
	cp corpora/sotu/package/data/*.txt "$docs.tmp/sotu-txt"
	cp corpora/sotu/package/data/*.json "$docs.tmp/sotu-json"
	sh brown-docs.sh corpora/brown/package "$docs.tmp/brown-press" ca cb
	sh brown-docs.sh corpora/brown/package "$docs.tmp/brown-cf" cf
	sh brown-docs.sh -html corpora/brown/package "$docs.tmp/brown-ccd" cc cd
	sh brown-docs.sh -md corpora/brown/package "$docs.tmp/brown-ch" ch
	mv "$docs.tmp" "$docs"
fi
exec go run . \
	-eval "$shared/questions-sample.jsonl" \
	-eval "$shared/questions-dev-seeds.jsonl" \
	-eval ../knowledge/answer/testdata/heldout.jsonl \
	-eval "$shared/questions-dev-sotu.jsonl=$docs/sotu-txt" \
	-eval "$shared/questions-dev-sotu.jsonl=$docs/sotu-json" \
	-eval "../knowledge/eval/testdata/questions-brown.jsonl=$docs/brown-press" \
	-eval "../knowledge/eval/testdata/questions-brown-cf.jsonl=$docs/brown-cf" \
	-eval "../knowledge/eval/testdata/questions-brown-ccd.jsonl=$docs/brown-ccd" \
	-eval "../knowledge/eval/testdata/questions-brown-ch.jsonl=$docs/brown-ch" \
	"$@"
