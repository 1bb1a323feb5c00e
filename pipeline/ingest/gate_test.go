package ingest

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// gatedTests pair each gated matcher with the regexp it stands for.
var gatedTests = []struct {
	name  string
	gated func(string) bool
	re    *regexp.Regexp
}{
	{"aboutLine", aboutLine, aboutRe},
	{"aboutInline", aboutInline, aboutInlineRe},
	{"credit", credit, creditRe},
	{"byline", func(s string) bool { _, ok := byline(s); return ok }, bylineRe},
}

// gateParts are the pieces of the random lines the gates are tried on:
// the openings the regexps know, in odd cases and spellings, and text.
var gateParts = []string{
	"About", "ABOUT", "about", "abouT", " the", " author", " authors", ":", ".", "-", " ", "  ", "\t",
	"About the author", "ABOUT THE AUTHORS", "About the author: ", "about the authors - ",
	"Reporting", "reporting", "REPORTING", "reſearch", "Research", "Editing", "Edited", "Translation",
	"Translated", "writing", "Compiled", "Contributed", "Additional ", "Further ", " and ", " by", " By",
	"Reporting by ", "Edited by ", "additional research by ", "Writing and editing by ",
	"By", "BY", "bY", "Written by", "Author", "author", "Jane", " Doe", "de", "’", "é", "É", "x", "Ж", "\u212a",
}

// Every gated matcher agrees with its regexp: on random lines built from
// gateParts, and on every paragraph of the seed and test articles.
func TestGates(t *testing.T) {
	for _, c := range "aboutdfrewc" {
		for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
			if f != unicode.ToUpper(c) {
				t.Fatalf("%q folds to %q: a gate that compares ASCII would miss it", c, f)
			}
		}
	}
	var lines []string
	rng := rand.New(rand.NewPCG(12, 12))
	for range 30000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(gateParts[rng.IntN(len(gateParts))])
		}
		lines = append(lines, b.String())
	}
	for _, f := range corpusFiles(t) {
		text, err := decode(f.path, f.data)
		if err != nil {
			continue
		}
		lines = append(lines, paragraphs(strings.Split(text, "\n"))...)
	}
	matched := make(map[string]int)
	for _, l := range lines {
		for _, g := range gatedTests {
			got, want := g.gated(l), g.re.MatchString(l)
			if got != want {
				t.Fatalf("%s(%q) = %v, regexp alone %v", g.name, l, got, want)
			}
			if want {
				matched[g.name]++
			}
		}
	}
	for _, g := range gatedTests {
		if matched[g.name] < 50 {
			t.Errorf("%s: only %d lines match", g.name, matched[g.name])
		}
	}
}

func FuzzGates(f *testing.F) {
	for _, p := range gateParts {
		f.Add(p)
	}
	f.Add("About the author: Jane Doe")
	f.Add("Additional reporting and editing by Jane Doe")
	f.Add("By Jane de Doe")
	f.Fuzz(func(t *testing.T, s string) {
		for _, g := range gatedTests {
			if got, want := g.gated(s), g.re.MatchString(s); got != want {
				t.Fatalf("%s(%q) = %v, regexp alone %v", g.name, s, got, want)
			}
		}
	})
}

// headerFieldsRegexp is headerFields without its fast paths: the key
// lower-cased by strings.ToLower, and keyRe on every header line.
func headerFieldsRegexp(line string) []field {
	colon := strings.IndexByte(line, ':')
	if colon < 0 || !headerKeys[strings.ToLower(strings.TrimSpace(line[:colon]))] {
		return nil
	}
	locs := keyRe.FindAllStringSubmatchIndex(line, -1)
	if len(locs) == 0 || strings.TrimSpace(line[:locs[0][0]]) != "" {
		return nil
	}
	var fs []field
	for i, loc := range locs {
		end := len(line)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		fs = append(fs, field{key: line[loc[2]:loc[3]], value: strings.TrimSpace(line[loc[1]:end])})
	}
	return fs
}

// headerFields agrees with headerFieldsRegexp on every line of the seed and
// test articles and on random lines of keys in odd cases and spellings
// (with runes that fold or lower-case to ASCII letters), spaces, colons
// and text.
func TestHeaderFieldsFastPath(t *testing.T) {
	var lines []string
	for _, f := range corpusFiles(t) {
		lines = append(lines, strings.Split(string(f.data), "\n")...)
	}
	parts := []string{"Title", "DATE", "publication date", "Publication  Date", "Author", "url", "LINK", "lin\u212a",
		"ſource", "tİtle", "Issue", " ", "  ", ":", ": ", "x", "Kazakhstan", "\t", "\v", "\u00a0", "Tags", " Volume: 5"}
	rng := rand.New(rand.NewPCG(16, 16))
	for range 30000 {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		lines = append(lines, b.String())
	}
	fields := 0
	for _, l := range lines {
		got, want := headerFields(l), headerFieldsRegexp(l)
		if !slices.Equal(got, want) {
			t.Fatalf("headerFields(%q) = %q, want %q", l, got, want)
		}
		fields += len(want)
	}
	if fields < 3000 {
		t.Fatalf("only %d fields", fields)
	}
}

func FuzzHeaderFields(f *testing.F) {
	f.Add("Title: A Visit")
	f.Add("Publication: Eurasia Daily Monitor Volume: 5 Issue: 40")
	f.Add("lin\u212a: x")
	f.Fuzz(func(t *testing.T, line string) {
		if got, want := headerFields(line), headerFieldsRegexp(line); !slices.Equal(got, want) {
			t.Fatalf("headerFields(%q) = %q, want %q", line, got, want)
		}
	})
}
