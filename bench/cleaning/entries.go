package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"sort"
	"strconv"
)

// entry is one annotated page of the benchmark.
type entry struct {
	URL, File     string
	Title         string // as annotated; empty when not
	With, Without []string
	Path          string // where the page is on disk
}

// parseEntries reads the table comparisonData of the benchmark's data.go:
// a map literal from a page's URL to its file and its snippets. Pages come
// sorted by URL, so that runs list them in the same order.
func parseEntries(src []byte) ([]entry, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "data.go", src, 0)
	if err != nil {
		return nil, err
	}
	table := findTable(f, "comparisonData")
	if table == nil {
		return nil, fmt.Errorf("data.go: no comparisonData table")
	}
	var out []entry
	for _, el := range table.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			return nil, fmt.Errorf("data.go: an element of comparisonData is not URL: entry")
		}
		e, err := readEntry(kv)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].URL < out[j].URL })
	return out, nil
}

func findTable(f *ast.File, name string) *ast.CompositeLit {
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.VAR {
			continue
		}
		for _, s := range g.Specs {
			v := s.(*ast.ValueSpec)
			for i, n := range v.Names {
				if n.Name == name && i < len(v.Values) {
					if c, ok := v.Values[i].(*ast.CompositeLit); ok {
						return c
					}
				}
			}
		}
	}
	return nil
}

func readEntry(kv *ast.KeyValueExpr) (entry, error) {
	var e entry
	var err error
	if e.URL, err = stringLit(kv.Key); err != nil {
		return e, err
	}
	fields, ok := kv.Value.(*ast.CompositeLit)
	if !ok {
		return e, fmt.Errorf("data.go: %s: entry is not a literal", e.URL)
	}
	for _, el := range fields.Elts {
		f, ok := el.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		name, _ := f.Key.(*ast.Ident)
		if name == nil {
			continue
		}
		switch name.Name {
		case "File":
			e.File, err = stringLit(f.Value)
		case "Title":
			e.Title, err = stringLit(f.Value)
		case "With":
			e.With, err = stringList(f.Value)
		case "Without":
			e.Without, err = stringList(f.Value)
		}
		if err != nil {
			return e, fmt.Errorf("data.go: %s: %s: %v", e.URL, name.Name, err)
		}
	}
	if e.File == "" {
		return e, fmt.Errorf("data.go: %s: no file", e.URL)
	}
	return e, nil
}

func stringLit(x ast.Expr) (string, error) {
	lit, ok := x.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", fmt.Errorf("not a string literal")
	}
	return strconv.Unquote(lit.Value)
}

func stringList(x ast.Expr) ([]string, error) {
	c, ok := x.(*ast.CompositeLit)
	if !ok {
		return nil, fmt.Errorf("not a list literal")
	}
	var out []string
	for _, el := range c.Elts {
		s, err := stringLit(el)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}
