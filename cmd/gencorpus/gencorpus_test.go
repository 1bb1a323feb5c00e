package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func mustVocab(t testing.TB) *vocab {
	t.Helper()
	v, err := parseVocab("vocab.txt", vocabText)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestVocab(t *testing.T) {
	v := mustVocab(t)
	real := len(v.states) + len(v.people) + len(v.orgs) + len(v.companies)
	// The brief asks for about 300 names of the region.
	if real < 250 || real > 350 {
		t.Errorf("real actors = %d, want 250..350", real)
	}
	if len(v.subjects) != 5 {
		t.Errorf("subject states = %d, want the 5 Central Asian states", len(v.subjects))
	}
	if v.states[v.subjects[0]].name != "Kazakhstan" {
		t.Errorf("first subject = %s, want Kazakhstan (it takes half of the articles)", v.states[v.subjects[0]].name)
	}
	if len(v.poles) == 0 || len(v.others) == 0 {
		t.Errorf("poles %d, others %d: want both non-empty", len(v.poles), len(v.others))
	}
}

// minimal is the smallest valid vocabulary: every required list once.
func minimal() string {
	var b strings.Builder
	b.WriteString("[states]\nKazakhstan | Kazakh | Astana | subject\nRussia | Russian | Moscow | russia\nUnited States | American | Washington | west\n")
	b.WriteString("[people]\nA B | President | Kazakhstan\n[orgs]\nthe X | - | west\n[companies]\nC | Russia\n")
	for _, l := range requiredLists {
		b.WriteString("[" + l + "]\n")
		switch l {
		case "main1":
			b.WriteString("{S} {say}.\n")
		case "main2":
			b.WriteString("{S} met {P}.\n")
		case "main3":
			b.WriteString("{S} met {P} and {A}.\n")
		case "ext0", "ext1":
			for _, s := range []string{", w", ", x", ", y", ", z"} {
				if l == "ext1" {
					s += " {A}"
				}
				b.WriteString(s + "\n")
			}
		case "insthead":
			b.WriteString("Institute for {field} Studies\n")
		default:
			b.WriteString("word\n")
		}
	}
	return b.String()
}

var badVocabs = []struct {
	name, text string
}{
	{"entry before section", "Kazakhstan\n" + minimal()},
	{"too few fields", strings.Replace(minimal(), "C | Russia", "C", 1)},
	{"unknown owner", strings.Replace(minimal(), "the X | - | west", "the X | - | Atlantis", 1)},
	{"unknown person state", strings.Replace(minimal(), "A B | President | Kazakhstan", "A B | President | Atlantis", 1)},
	{"unknown role", strings.Replace(minimal(), "Astana | subject", "Astana | neutral", 1)},
	{"missing list", strings.Replace(minimal(), "[topic]\nword\n", "", 1)},
	{"wrong slot count", strings.Replace(minimal(), "{S} met {P}.", "{S} met.", 1)},
	{"unknown slot", strings.Replace(minimal(), "{S} {say}.", "{S} {nosuch}.", 1)},
	{"unbalanced", strings.Replace(minimal(), "{S} {say}.", "{S} {say.", 1)},
	{"short ext", strings.Replace(minimal(), ", z\n", "", 1)},
	{"no subject", strings.Replace(minimal(), "Astana | subject", "Astana | other", 1)},
	{"no Russia", strings.Replace(minimal(), "Russia | Russian | Moscow | russia", "Rus | Russian | Moscow | russia", 1)},
	{"no company", strings.Replace(minimal(), "[companies]\nC | Russia\n", "", 1)},
	{"slot in insthead", strings.Replace(minimal(), "Institute for {field} Studies", "Institute for {topic} Studies", 1)},
}

func TestParseVocab(t *testing.T) {
	if _, err := parseVocab("minimal", minimal()); err != nil {
		t.Fatalf("parseVocab(minimal) = %v, want nil", err)
	}
	for _, tc := range badVocabs {
		if _, err := parseVocab(tc.name, tc.text); !errors.Is(err, errVocab) {
			t.Errorf("parseVocab(%s) = %v, want %v", tc.name, err, errVocab)
		}
	}
}

func FuzzParseVocab(f *testing.F) {
	f.Add(minimal())
	f.Add(vocabText)
	f.Fuzz(func(t *testing.T, text string) {
		v, err := parseVocab("fuzz", text)
		if err != nil {
			return
		}
		// A vocabulary that parses must generate without panicking.
		newGenerator(v, 10, 1).article(0)
	})
}

func TestInventedDistinct(t *testing.T) {
	v := mustVocab(t)
	// Distinct names over the pools of the largest corpus benchmarked
	// (n = 50,000: 3,275 officials and 2,100 institutions) and beyond.
	people := map[string]int{}
	for k := range v.personCap() {
		f, l := v.inventedPerson(k)
		if j, dup := people[f+" "+l]; dup {
			t.Fatalf("inventedPerson(%d) = inventedPerson(%d) = %s %s", k, j, f, l)
		}
		people[f+" "+l] = k
	}
	insts := map[string]int{}
	for k := range v.instCap() {
		n := v.inventedInst(k)
		if j, dup := insts[n]; dup {
			t.Fatalf("inventedInst(%d) = inventedInst(%d) = %s", k, j, n)
		}
		insts[n] = k
	}
	if v.personCap() < 10000 || v.instCap() < 3000 {
		t.Errorf("capacities %d, %d: want room for 100,000 articles", v.personCap(), v.instCap())
	}
}

var acronymTests = []struct{ in, want string }{
	{"the Almaty Center for Energy Research", "ACER"},
	{"the Kazakh Fund for Water Development", "KFWD"},
}

func TestAcronymOf(t *testing.T) {
	for _, tc := range acronymTests {
		if got := acronymOf(tc.in); got != tc.want {
			t.Errorf("acronymOf(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

var articleTests = []struct{ in, want string }{
	{"a crucial point", "a crucial point"},
	{"remains a unprecedented issue", "remains an unprecedented issue"},
	{"in an crucial position", "in a crucial position"},
	{"a", "a"},
}

func TestFixArticles(t *testing.T) {
	for _, tc := range articleTests {
		if got := fixArticles(tc.in); got != tc.want {
			t.Errorf("fixArticles(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

var nameTests = []struct {
	i, n, perDir int
	want         string
}{
	{0, 1000, 1000, "000/000000.txt"},
	{999, 1000, 1000, "000/000999.txt"},
	{49999, 50000, 1000, "049/049999.txt"},
	{1234567, 2000000, 1000, "1234/1234567.txt"},
	{25, 30, 10, "002/000025.txt"},
}

func TestName(t *testing.T) {
	for _, tc := range nameTests {
		if got := name("d", tc.i, tc.n, tc.perDir); got != filepath.Join("d", tc.want) {
			t.Errorf("name(d, %d, %d, %d) = %s, want d/%s", tc.i, tc.n, tc.perDir, got, tc.want)
		}
	}
}

// body returns the paragraphs of an article between its header and its
// footer: blocks of at least two sentences.
func body(text string) []string {
	var out []string
	for _, p := range strings.Split(text, "\n\n") {
		if strings.Count(p, ". ")+strings.Count(p, ".” ")+strings.Count(p, ".\" ") >= 1 && !strings.Contains(p, "\n") {
			out = append(out, p)
		}
	}
	return out
}

func TestShape(t *testing.T) {
	v := mustVocab(t)
	g := newGenerator(v, 1000, 1)
	const n = 400 // enough for the shares below to be within a few percent
	var words []int
	headers := map[string]int{}
	for i := range n {
		text := string(g.article(i))
		if !strings.HasSuffix(text, "\n") || strings.Contains(text, "{") || strings.Contains(text, "  ") {
			t.Fatalf("article %d: unfilled slot, double space or no final newline:\n%s", i, text)
		}
		paras := body(text)
		if len(paras) < minParas || len(paras) > maxParas+1 { // +1: a repeated paragraph
			t.Errorf("article %d: %d body paragraphs, want %d..%d", i, len(paras), minParas, maxParas+1)
		}
		words = append(words, wordCount(strings.Join(paras, " ")))
		first, _, _ := strings.Cut(text, "\n")
		switch {
		case strings.HasPrefix(first, "Publication: "):
			headers["publication"]++
		case strings.HasPrefix(first, "Title: "):
			headers["title"]++
		default:
			headers["none"]++
		}
	}
	slices.Sort(words)
	// The seeds have 757..3,291 words; the generator aims at a median of
	// 1,000 clipped to 650..3,600. A paragraph's budget varies by ±30% and
	// its last sentence overshoots or falls short, so an article lands
	// within about 30% of its aim.
	if med := words[n/2]; med < 850 || med > 1250 {
		t.Errorf("median body words = %d, want 850..1250", med)
	}
	if words[0] < 422 || words[n-1] > 4320 { // 650×0.65, 3,600×1.2
		t.Errorf("body words range %d..%d, want within 422..4320", words[0], words[n-1])
	}
	// Shares of header kinds: 50%, 35% and 15%.
	for kind, want := range map[string]float64{"publication": 0.5, "title": 0.35, "none": 0.15} {
		if got := float64(headers[kind]) / n; got < want-0.08 || got > want+0.08 {
			t.Errorf("share of %s headers = %.2f, want %.2f±0.08", kind, got, want)
		}
	}
}

func TestGolden(t *testing.T) {
	g := newGenerator(mustVocab(t), 1000, 1)
	for _, i := range []int{0, 7} {
		got := g.article(i)
		path := filepath.Join("testdata", "seed1-n1000-"+string(rune('0'+i))+".txt")
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("article(%d) differs from %s; run go test -update if the change is intended", i, path)
		}
	}
}

func TestRunDeterministic(t *testing.T) {
	dirs := []string{t.TempDir(), t.TempDir()}
	for i, workers := range []string{"1", "3"} {
		args := []string{"-n", "25", "-per-dir", "10", "-seed", "7", "-workers", workers, "-out", dirs[i]}
		if err := run(context.Background(), args, io.Discard, io.Discard); err != nil {
			t.Fatalf("run(%v) = %v", args, err)
		}
	}
	files, err := filepath.Glob(filepath.Join(dirs[0], "*", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	// 25 articles, 10 a folder: folders 000, 001, 002.
	if len(files) != 25 || filepath.Base(filepath.Dir(files[24])) != "002" {
		t.Fatalf("run wrote %d files, last in %s; want 25, last in 002", len(files), files[len(files)-1])
	}
	for _, f := range files {
		rel, _ := filepath.Rel(dirs[0], f)
		a, _ := os.ReadFile(f)
		b, err := os.ReadFile(filepath.Join(dirs[1], rel))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs between 1 and 3 workers (%v)", rel, err)
		}
	}
}

var usageTests = [][]string{
	{},                       // no -out
	{"-out", "x", "extra"},   // stray argument
	{"-n", "0", "-out", "x"}, // no articles
	{"-per-dir", "0", "-out", "x"},
	{"-nosuchflag"},
}

func TestRunUsage(t *testing.T) {
	for _, args := range usageTests {
		if err := run(context.Background(), args, io.Discard, io.Discard); !errors.Is(err, errUsage) {
			t.Errorf("run(%q) = %v, want %v", args, err, errUsage)
		}
	}
}

func BenchmarkArticle(b *testing.B) {
	g := newGenerator(mustVocab(b), 50000, 1)
	i := 0
	var n int64
	for b.Loop() {
		n += int64(len(g.article(i)))
		i++
	}
	b.SetBytes(n / int64(max(i, 1)))
}
