#!/bin/sh
# Scores every question file of the project with briefbot and bleve side by
# side, in one command: fetches the corpora once (as run.sh does), writes the
# documents each file is asked on under corpora/eval/ (the addresses as .txt
# alone and as .json alone; the Brown sections as plain text, reviews with
# religion as web pages, reports and belles lettres as Markdown, skills and hobbies as plain text, learned
# writing as web pages, adventure, mystery, general fiction and romance as plain text, science fiction and humor together as plain text), and runs the harness's -eval. Arguments are
# passed to the harness, e.g. ./eval.sh -eval-out eval.json
set -eu
cd "$(dirname "$0")"
./run.sh -fetch-only
shared=../../shared/eval
docs=corpora/eval
# corpus DIR CMD...: writes the documents of one question file once.
corpus() {
	dir=$docs/$1
	shift
	[ -d "$dir" ] && return
	rm -rf "$dir.tmp"
	mkdir -p "$dir.tmp"
	"$@" "$dir.tmp"
	mv "$dir.tmp" "$dir"
}
copy() { cp corpora/sotu/package/data/*."$1" "$2"; }
brown() { flags=$1 sections=$2; shift 2; sh brown-docs.sh $flags corpora/brown/package "$1" $sections; }
corpus sotu-txt copy txt
corpus sotu-json copy json
corpus brown-press brown "" "ca cb"
corpus brown-cf brown "" cf
corpus brown-ccd brown -html "cc cd"
corpus brown-ch brown -md ch
corpus brown-ce brown "" ce
corpus brown-cg brown -md cg
corpus brown-cj brown -html cj
corpus brown-cn brown "" cn
corpus brown-cl brown "" cl
corpus brown-ck brown "" ck
corpus brown-cp brown "" cp
corpus brown-cmr brown "" "cm cr"
exec go run . \
	-eval "$shared/questions-sample.jsonl" \
	-eval "$shared/questions-dev-seeds.jsonl" \
	-eval ../knowledge/answer/testdata/heldout.jsonl \
	-eval ../knowledge/eval/testdata/questions-seeds-fresh.jsonl \
	-eval ../knowledge/eval/testdata/questions-seeds-fresh2.jsonl \
	-eval ../knowledge/eval/testdata/questions-seeds-fresh3.jsonl \
	-eval ../knowledge/eval/testdata/questions-seeds-fresh4.jsonl \
	-eval ../knowledge/eval/testdata/questions-seeds-fresh5.jsonl \
	-eval ../knowledge/eval/testdata/questions-seeds-fresh6.jsonl \
	-eval ../knowledge/eval/testdata/questions-seeds-fresh7.jsonl \
	-eval ../knowledge/eval/testdata/questions-seeds-fresh8.jsonl \
	-eval ../knowledge/eval/testdata/questions-seeds-fresh9.jsonl \
	-eval ../knowledge/eval/testdata/questions-seeds-fresh10.jsonl \
	-eval ../knowledge/eval/testdata/questions-seeds-fresh11.jsonl \
	-eval ../knowledge/eval/testdata/questions-seeds-fresh12.jsonl \
	-eval ../knowledge/eval/testdata/questions-seeds-fresh13.jsonl \
	-eval ../knowledge/eval/testdata/questions-seeds-fresh14.jsonl \
	-eval ../knowledge/eval/testdata/questions-seeds-fresh15.jsonl \
	-eval "$shared/questions-dev-sotu.jsonl=$docs/sotu-txt" \
	-eval "$shared/questions-dev-sotu.jsonl=$docs/sotu-json" \
	-eval "../knowledge/eval/testdata/questions-sotu-fresh.jsonl=$docs/sotu-txt" \
	-eval "../knowledge/eval/testdata/questions-sotu-fresh.jsonl=$docs/sotu-json" \
	-eval "../knowledge/eval/testdata/questions-sotu-fresh2.jsonl=$docs/sotu-txt" \
	-eval "../knowledge/eval/testdata/questions-sotu-fresh2.jsonl=$docs/sotu-json" \
	-eval "../knowledge/eval/testdata/questions-sotu-fresh3.jsonl=$docs/sotu-txt" \
	-eval "../knowledge/eval/testdata/questions-sotu-fresh3.jsonl=$docs/sotu-json" \
	-eval "../knowledge/eval/testdata/questions-sotu-fresh4.jsonl=$docs/sotu-txt" \
	-eval "../knowledge/eval/testdata/questions-sotu-fresh4.jsonl=$docs/sotu-json" \
	-eval "../knowledge/eval/testdata/questions-sotu-fresh5.jsonl=$docs/sotu-txt" \
	-eval "../knowledge/eval/testdata/questions-sotu-fresh5.jsonl=$docs/sotu-json" \
	-eval "../knowledge/eval/testdata/questions-sotu-fresh6.jsonl=$docs/sotu-txt" \
	-eval "../knowledge/eval/testdata/questions-sotu-fresh6.jsonl=$docs/sotu-json" \
	-eval "../knowledge/eval/testdata/questions-sotu-fresh7.jsonl=$docs/sotu-txt" \
	-eval "../knowledge/eval/testdata/questions-sotu-fresh7.jsonl=$docs/sotu-json" \
	-eval "../knowledge/eval/testdata/questions-sotu-fresh8.jsonl=$docs/sotu-txt" \
	-eval "../knowledge/eval/testdata/questions-sotu-fresh8.jsonl=$docs/sotu-json" \
	-eval "../knowledge/eval/testdata/questions-sotu-fresh9.jsonl=$docs/sotu-txt" \
	-eval "../knowledge/eval/testdata/questions-sotu-fresh9.jsonl=$docs/sotu-json" \
	-eval "../knowledge/eval/testdata/questions-sotu-fresh10.jsonl=$docs/sotu-txt" \
	-eval "../knowledge/eval/testdata/questions-sotu-fresh10.jsonl=$docs/sotu-json" \
	-eval "../knowledge/eval/testdata/questions-sotu-fresh11.jsonl=$docs/sotu-txt" \
	-eval "../knowledge/eval/testdata/questions-sotu-fresh11.jsonl=$docs/sotu-json" \
	-eval "../knowledge/eval/testdata/questions-sotu-fresh12.jsonl=$docs/sotu-txt" \
	-eval "../knowledge/eval/testdata/questions-sotu-fresh12.jsonl=$docs/sotu-json" \
	-eval "../knowledge/eval/testdata/questions-sotu-fresh13.jsonl=$docs/sotu-txt" \
	-eval "../knowledge/eval/testdata/questions-sotu-fresh13.jsonl=$docs/sotu-json" \
	-eval "../knowledge/eval/testdata/questions-brown.jsonl=$docs/brown-press" \
	-eval "../knowledge/eval/testdata/questions-press-fresh.jsonl=$docs/brown-press" \
	-eval "../knowledge/eval/testdata/questions-press-fresh2.jsonl=$docs/brown-press" \
	-eval "../knowledge/eval/testdata/questions-press-fresh3.jsonl=$docs/brown-press" \
	-eval "../knowledge/eval/testdata/questions-press-fresh4.jsonl=$docs/brown-press" \
	-eval "../knowledge/eval/testdata/questions-press-fresh5.jsonl=$docs/brown-press" \
	-eval "../knowledge/eval/testdata/questions-brown-cf.jsonl=$docs/brown-cf" \
	-eval "../knowledge/eval/testdata/questions-lore-fresh.jsonl=$docs/brown-cf" \
	-eval "../knowledge/eval/testdata/questions-brown-ccd.jsonl=$docs/brown-ccd" \
	-eval "../knowledge/eval/testdata/questions-brown-ch.jsonl=$docs/brown-ch" \
	-eval "../knowledge/eval/testdata/questions-brown-ce.jsonl=$docs/brown-ce" \
	-eval "../knowledge/eval/testdata/questions-brown-cg.jsonl=$docs/brown-cg" \
	-eval "../knowledge/eval/testdata/questions-brown-cj.jsonl=$docs/brown-cj" \
	-eval "../knowledge/eval/testdata/questions-fiction-fresh.jsonl=$docs/brown-cn" \
	-eval "../knowledge/eval/testdata/questions-mystery-fresh.jsonl=$docs/brown-cl" \
	-eval "../knowledge/eval/testdata/questions-fiction2.jsonl=$docs/brown-ck" \
	-eval "../knowledge/eval/testdata/questions-romance.jsonl=$docs/brown-cp" \
	-eval "../knowledge/eval/testdata/questions-humor-sf.jsonl=$docs/brown-cmr" \
	"$@"
