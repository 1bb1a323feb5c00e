package export

import (
	"bytes"
	"io"
	"os"
	"testing"

	"alignnet/analysis"
	"alignnet/analysis/alignment"
	"alignnet/internal/golden"
	"alignnet/pipeline"
	"alignnet/pipeline/kb"
)

// fixture runs the pipeline over testdata/*.txt with the test knowledge
// base.
func fixture(t *testing.T) *analysis.Result {
	t.Helper()
	k, err := kb.Parse(os.DirFS("testdata/kb"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(k, "")
	if err != nil {
		t.Fatal(err)
	}
	var arts []*pipeline.Article
	for _, f := range []string{"testdata/a.txt", "testdata/b.txt"} {
		doc, err := pipeline.Read(f)
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, p.Process(doc))
	}
	res, err := analysis.Analyze(arts, alignment.DefaultLexicon(), 1)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestGolden(t *testing.T) {
	res := fixture(t)
	for _, tt := range []struct {
		name  string
		write func(io.Writer) error
	}{
		{"articles.json", func(w io.Writer) error { return Articles(w, res, "alignnet test") }},
		{"nodes.csv", func(w io.Writer) error { return Nodes(w, res) }},
		{"actors.csv", func(w io.Writer) error { return Actors(w, res) }},
		{"evidence.md", func(w io.Writer) error { return Evidence(w, res) }},
		{"edges.csv", func(w io.Writer) error { return Edges(w, res) }},
		{"entities.csv", func(w io.Writer) error { return Entities(w, res) }},
		{"network.graphml", func(w io.Writer) error { return GraphML(w, res) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.write(&buf); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, tt.name+".golden", buf.Bytes())
		})
	}
}

func TestRound(t *testing.T) {
	for _, tt := range []struct {
		in   float64
		want string
	}{
		{0.1234564, "0.123456"}, {0.1234565001, "0.123457"}, {-0.0000001, "0"}, {2, "2"}, {1e-7, "0"},
	} {
		if got := ftoa(tt.in); got != tt.want {
			t.Errorf("ftoa(%v) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
