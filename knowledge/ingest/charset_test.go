package ingest

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestHTMLToUTF8(t *testing.T) {
	latin, _ := charmap.ISO8859_1.NewEncoder().String(`<html><head><meta charset="iso-8859-1"></head><body><p>Grüße aus München</p></body></html>`)
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("<html><body><p>" +
		strings.Repeat("一个约定，信守十五年，感人至深；一段真情，延续十五年，催人泪下。", 20) + "</p></body></html>")
	for _, c := range []struct{ name, page, want string }{
		{"declared latin-1", latin, "Grüße aus München"},
		{"undeclared GBK", gbk, "一个约定，信守十五年"},
		{"UTF-8 with a stray byte", "<p>Grüße aus M\xfcnchen, und noch viel mehr Text in gültigem UTF-8: äöü äöü äöü äöü äöü äöü äöü äöü äöü äöü äöü äöü äöü äöü äöü äöü äöü äöü äöü äöü äöü äöü</p>", "Grüße aus M\uFFFDnchen"},
		{"valid UTF-8 declaring latin-1", `<meta charset="iso-8859-1"><p>Grüße</p>`, "Grüße"},
	} {
		if got := string(htmlToUTF8([]byte(c.page))); !strings.Contains(got, c.want) {
			t.Errorf("%s: %.120q does not hold %q", c.name, got, c.want)
		}
	}
}
