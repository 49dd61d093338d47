package ingest

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"briefbot/knowledge/corpus"
	"briefbot/seeds"
)

func TestSeedsLoadWithoutError(t *testing.T) {
	docs, errs := LoadFS(seeds.FS, Options{})
	if len(errs) != 0 {
		t.Fatalf("seed errors: %v", errs)
	}
	if len(docs) != 5 {
		t.Fatalf("got %d seed documents, want 5", len(docs))
	}
	for _, d := range docs {
		if d.ID == "" || strings.ContainsAny(d.File, "/\\") || len(d.Paragraphs) < 5 {
			t.Errorf("seed %q (file %q) has %d paragraphs", d.ID, d.File, len(d.Paragraphs))
		}
	}
	if got := len(Seeds()); got != 5 {
		t.Errorf("Seeds() returned %d documents, want 5", got)
	}
}

// writeFiles creates files (path relative to dir -> content) and returns dir.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func ids(docs []*corpus.Document) string {
	var s []string
	for _, d := range docs {
		s = append(s, d.ID)
	}
	return strings.Join(s, " ")
}

func TestLoadWalksDirectoriesInOrder(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"b.txt":             "Second file.",
		"a/z.txt":           "In a sub-directory.",
		"My Report!.TXT":    "Upper-case extension.",
		".hidden.txt":       "Hidden file.",
		".git/config.txt":   "Hidden directory.",
		"notes.docx":        "Unsupported type, skipped in a directory.",
		"c.txt":             "First paragraph.\n\nSecond paragraph.",
		"dup/c.txt":         "Same stem as c.txt.",
		"another/dup/c.txt": "",
	})
	// another/dup/c.txt is empty: one error, the rest load; c.txt, named
	// twice, loads once.
	docs, errs := Load([]string{filepath.Join(dir, "c.txt"), dir}, Options{})
	if got, want := ids(docs), "c my-report z b c-2"; got != want {
		t.Errorf("ids = %q, want %q", got, want)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "c.txt: empty file") {
		t.Errorf("errors = %v, want one for the empty c.txt", errs)
	}
	if got := docs[0].ParagraphText(2); got != "Second paragraph." {
		t.Errorf("paragraph 2 = %q", got)
	}
	if docs[0].File != filepath.Join(dir, "c.txt") {
		t.Errorf("File = %q, want the path as given", docs[0].File)
	}
}

func TestLoadFollowsALinkToADirectory(t *testing.T) {
	dir := writeFiles(t, map[string]string{"real/a.txt": "Text behind a link."})
	link := filepath.Join(dir, "link")
	if err := os.Symlink(filepath.Join(dir, "real"), link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	docs, errs := Load([]string{link}, Options{})
	if len(errs) != 0 || len(docs) != 1 || docs[0].File != filepath.Join(link, "a.txt") {
		t.Errorf("docs %q, errors %v", ids(docs), errs)
	}
}

func TestLoadFSUsesFileNames(t *testing.T) {
	fsys := fstest.MapFS{
		"one.txt":     {Data: []byte("One.")},
		"sub/two.txt": {Data: []byte("Two.")},
	}
	docs, errs := LoadFS(fsys, Options{})
	if len(errs) != 0 || len(docs) != 2 {
		t.Fatalf("docs %d, errors %v", len(docs), errs)
	}
	if docs[0].File != "one.txt" || docs[1].File != "sub/two.txt" {
		t.Errorf("files = %q, %q", docs[0].File, docs[1].File)
	}
}

func TestLoadReportsBadInput(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"empty.txt":   "",
		"blank.txt":   " \n\n\t\n",
		"nul.txt":     "text\x00with a NUL",
		"control.txt": strings.Repeat("\x01\x02\x03 ab", 50),
		"latin1.txt":  "caf\xe9 au lait",
		"big.txt":     strings.Repeat("Long text. ", 200),
		"notes.docx":  "Word file",
		"empty/.keep": "",
		"good.txt":    "Good text.",
	})
	cases := []struct{ path, reason string }{
		{"empty.txt", "empty file"},
		{"blank.txt", "empty file"},
		{"nul.txt", "binary file, not text"},
		{"control.txt", "binary file, not text"},
		{"latin1.txt", "invalid UTF-8 at byte 3"},
		{"big.txt", "file is 2200 bytes, over the limit of 1000 bytes"},
		{"notes.docx", `unsupported file type ".docx"`},
		{"missing.txt", "no such file or directory"},
		{"empty", "no documents found"},
	}
	var paths []string
	for _, c := range cases {
		paths = append(paths, filepath.Join(dir, c.path))
	}
	paths = append(paths, filepath.Join(dir, "good.txt"))
	docs, errs := Load(paths, Options{MaxBytes: 1000})
	if len(docs) != 1 || docs[0].ID != "good" {
		t.Errorf("documents = %q, want only good", ids(docs))
	}
	if len(errs) != len(cases) {
		t.Fatalf("got %d errors, want %d: %v", len(errs), len(cases), errs)
	}
	for i, c := range cases {
		var fe *FileError
		if !errors.As(errs[i], &fe) {
			t.Errorf("error %d is %T, want *FileError", i, errs[i])
			continue
		}
		if fe.File != paths[i] || !strings.HasPrefix(fe.Reason, c.reason) {
			t.Errorf("error = %q, want %s: %s...", errs[i], paths[i], c.reason)
		}
		if strings.Contains(errs[i].Error(), "\n") {
			t.Errorf("error %q is not one line", errs[i])
		}
	}
}

func TestLoadReportsUnreadableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads any file: permissions cannot be tested")
	}
	dir := writeFiles(t, map[string]string{"secret.txt": "Secret."})
	p := filepath.Join(dir, "secret.txt")
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	_, errs := Load([]string{p}, Options{})
	if len(errs) != 1 || errs[0].Error() != p+": permission denied" {
		t.Errorf("errors = %v, want permission denied", errs)
	}
}

// deniedFS refuses to open secret.txt, as a file system does to a user
// without read permission; it lets the test run as root too.
type deniedFS struct{ fstest.MapFS }

func (f deniedFS) Open(name string) (fs.File, error) {
	if name == "secret.txt" {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.MapFS.Open(name)
}

func TestLoadFSReportsUnreadableFile(t *testing.T) {
	fsys := deniedFS{fstest.MapFS{"secret.txt": {Data: []byte("Secret.")}, "open.txt": {Data: []byte("Open.")}}}
	docs, errs := LoadFS(fsys, Options{})
	if len(docs) != 1 || len(errs) != 1 || errs[0].Error() != "secret.txt: permission denied" {
		t.Errorf("docs %q, errors %v", ids(docs), errs)
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Guardian – Al-Qaida 2021": "guardian-al-qaida-2021",
		"Résumé":                   "resume",
		"__x__":                    "x",
		"ملف":                      "doc",
	} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkLoadText(b *testing.B) {
	para := "The Taliban said on Tuesday that al-Qaeda had no presence in Afghanistan, " +
		"a claim the UN monitoring team disputed in its report.\n\n"
	dir := b.TempDir()
	content := strings.Repeat(para, 1<<20/len(para))
	// Four different documents (copies would load once): another day in each.
	for i, day := range []string{"Monday", "Tuesday", "Wednesday", "Thursday"} {
		text := strings.ReplaceAll(content, "Tuesday", day)
		if err := os.WriteFile(filepath.Join(dir, "doc"+string(rune('a'+i))+".txt"), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(4 * len(content)))
	for b.Loop() {
		if _, errs := Load([]string{dir}, Options{}); len(errs) != 0 {
			b.Fatal(errs)
		}
	}
}

// A directory holding no document names each file it skipped, and why.
func TestLoadNamesTheFilesOfADirectoryWithNoDocument(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"report.docx":   "Word file",
		"photo.jpg":     "JPEG",
		"sub/notes.pdf": "PDF",
		"README":        "no extension",
		".hidden.doc":   "hidden: not named",
	})
	_, errs := Load([]string{dir}, Options{})
	want := []struct{ file, reason string }{
		{dir, "no documents found (supported types: .htm, .html"},
		{filepath.Join(dir, "README"), "unsupported file type (no extension)"},
		{filepath.Join(dir, "photo.jpg"), `unsupported file type ".jpg"`},
		{filepath.Join(dir, "report.docx"), `unsupported file type ".docx"`},
		{filepath.Join(dir, "sub", "notes.pdf"), `unsupported file type ".pdf"`},
	}
	if len(errs) != len(want) {
		t.Fatalf("got %d errors, want %d: %v", len(errs), len(want), errs)
	}
	for i, w := range want {
		var fe *FileError
		if !errors.As(errs[i], &fe) || fe.File != w.file || !strings.HasPrefix(fe.Reason, w.reason) {
			t.Errorf("error %d = %v, want %s: %s", i, errs[i], w.file, w.reason)
		}
	}

	many := map[string]string{}
	for i := range maxNamedUnsupported + 5 {
		many[fmt.Sprintf("f%02d.bin", i)] = "x"
	}
	_, errs = Load([]string{writeFiles(t, many)}, Options{})
	if len(errs) != maxNamedUnsupported+2 || !strings.HasSuffix(errs[len(errs)-1].Error(), "and 5 more files of unsupported types") {
		t.Errorf("a long list is not bounded: %d errors, last %v", len(errs), errs[len(errs)-1])
	}

	// Beside documents, unsupported files are skipped silently.
	_, errs = Load([]string{writeFiles(t, map[string]string{"a.txt": "Some text.", "b.jpg": "JPEG"})}, Options{})
	if len(errs) != 0 {
		t.Errorf("errors beside a document: %v", errs)
	}
}
