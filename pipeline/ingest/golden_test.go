package ingest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"alignnet/internal/golden"
)

// seedDir holds the project's seed articles; goldDir the hand-made gold
// annotations shared by the helpers (absent in some checkouts).
const (
	seedDir = "../../seeds"
	goldDir = "../../../shared/gold"
)

// goldenDoc is the Document as written to testdata/<id>.golden: everything but
// Body, which Paragraphs spell out.
type goldenDoc struct {
	Name, ID, Title, Publication, Author, URL, License, Source, Volume, Issue string
	Date                                                                      string
	DateInferred                                                              bool
	Meta                                                                      map[string]string
	Paragraphs                                                                []Paragraph
	Dropped                                                                   []Drop
}

func seedFiles(t testing.TB) []string {
	files, err := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Skipf("no seed articles in %s", seedDir)
	}
	return files
}

func TestGolden(t *testing.T) {
	for _, f := range seedFiles(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := Parse(filepath.Base(f), data)
		if err != nil {
			t.Fatalf("Parse(%s): %v", f, err)
		}
		g := goldenDoc{d.Name, d.ID, d.Title, d.Publication, d.Author, d.URL, d.License, d.Source, d.Volume,
			d.Issue, d.Date, d.DateInferred, d.Meta, d.Paragraphs, d.Dropped}
		got, err := json.MarshalIndent(g, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, '\n')
		golden.Check(t, d.ID+".golden", got)
	}
}

// TestSeedGold checks Parse against the gold annotations: every gold
// sentence lies in the body exactly once (nothing of the article dropped,
// the repeated copy in 003 removed) and no dropped text holds a gold
// sentence that the body lacks.
func TestSeedGold(t *testing.T) {
	for _, f := range seedFiles(t) {
		id := strings.TrimSuffix(filepath.Base(f), ".txt")
		raw, err := os.ReadFile(filepath.Join(goldDir, id+".json"))
		if err != nil {
			t.Skipf("no gold annotations: %v", err)
		}
		var gold struct{ Sentences []struct{ Text string } }
		if err := json.Unmarshal(raw, &gold); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := Parse(f, data)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range gold.Sentences {
			if n := strings.Count(d.Body, s.Text); n != 1 {
				t.Errorf("%s: gold sentence found %d times in Body: %q", id, n, s.Text)
			}
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, tt := range parseTests {
		f.Add([]byte(tt.in))
	}
	for _, tt := range encodingTests {
		f.Add(tt.in)
	}
	f.Add([]byte("About\nX Y\n:\nX Y is a professor.\n\nJuly 20, 2011\nA Title Here\n\nA.\n\nA."))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Parse("fuzz.txt", data)
		if err != nil {
			if d != nil {
				t.Fatalf("Parse returned a document with error %v", err)
			}
			return
		}
		if len(d.Paragraphs) == 0 {
			t.Fatalf("Parse(%q) returned no paragraphs and no error", data)
		}
		end := 0
		for i, p := range d.Paragraphs {
			if p.Start < end || p.Start+len(p.Text) > len(d.Body) || d.Body[p.Start:p.Start+len(p.Text)] != p.Text {
				t.Fatalf("Parse(%q): paragraph %d %q not at Body[%d:]", data, i, p.Text, p.Start)
			}
			if p.Text == "" || strings.Contains(p.Text, "\n") || paraWords(p.Text) != words(p.Text) {
				t.Fatalf("Parse(%q): paragraph %d is %q", data, i, p.Text)
			}
			end = p.Start + len(p.Text)
		}
		if end != len(d.Body) {
			t.Fatalf("Parse(%q): Body runs past the last paragraph", data)
		}
		if d.Date != "" && len(d.Date) != len("2006-01-02") {
			t.Fatalf("Parse(%q).Date = %q", data, d.Date)
		}
	})
}

func BenchmarkParse(b *testing.B) {
	files := seedFiles(b)
	var data [][]byte
	size := 0
	for _, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		data = append(data, d)
		size += len(d)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for i, d := range data {
			if _, err := Parse(files[i], d); err != nil {
				b.Fatal(err)
			}
		}
	}
}
