package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// runArgs runs the command in-process.
func runArgs(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, &out, &errb)
	return out.String(), errb.String(), err
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

const article = `Title: Tashkent and Moscow
Publication: Test Monitor
Date: 2019-05-14

Uzbek President Shavkat Mirziyoyev signed a cooperation agreement with Russia in Tashkent.
Mirziyoyev also expanded the partnership with the European Union, while Moscow watched.
`

func TestRunWritesOutputs(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	writeFile(t, filepath.Join(in, "a.txt"), article)
	if _, stderr, err := runArgs(t, "run", "-in", in, "-out", out, "-figures=false"); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr)
	}
	for _, f := range []string{"articles.json", "nodes.csv", "edges.csv", "entities.csv", "network.graphml"} {
		if _, err := os.Stat(filepath.Join(out, "data", f)); err != nil {
			t.Errorf("missing output: %v", err)
		}
	}
	var doc struct {
		Generator string `json:"generator"`
		Articles  []struct {
			ID        string `json:"id"`
			Subject   string `json:"subject"`
			Date      string `json:"date"`
			Alignment struct {
				Score    *float64 `json:"score"`
				Evidence int      `json:"evidence"`
			} `json:"alignment"`
		} `json:"articles"`
	}
	data, _ := os.ReadFile(filepath.Join(out, "data", "articles.json"))
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Articles) != 1 || doc.Articles[0].ID != "a" || doc.Articles[0].Subject != "uzbekistan" || doc.Articles[0].Date != "2019-05-14" {
		t.Fatalf("articles.json = %s", data)
	}
	if !strings.HasPrefix(doc.Generator, "alignnet "+version+"; kb sha256:") {
		t.Errorf("generator = %q, want version and knowledge-base checksum", doc.Generator)
	}
	if a := doc.Articles[0].Alignment; a.Score == nil || a.Evidence == 0 {
		t.Errorf("alignment = %+v, want a score with evidence", a)
	}
}

func TestHelpDoesNothing(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	_, stderr, err := runArgs(t, "run", "-h", "-out", out)
	if !errors.Is(err, errHelp) || !strings.Contains(stderr, "-subject") {
		t.Errorf("run -h = %v, %q; want the flags and errHelp", err, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("run -h wrote %s", out)
	}
}

func TestRunNoEvidenceIsNull(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	writeFile(t, filepath.Join(in, "a.txt"), "Title: Weather\n\nIt rained in the mountains for a week.\nThe rivers rose.\n")
	if _, stderr, err := runArgs(t, "run", "-in", in, "-out", out, "-figures=false"); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr)
	}
	data, _ := os.ReadFile(filepath.Join(out, "data", "articles.json"))
	var doc struct {
		Articles []struct {
			Alignment map[string]json.RawMessage
		}
	}
	if err := json.Unmarshal(data, &doc); err != nil || len(doc.Articles) != 1 {
		t.Fatalf("articles.json: %v, %d articles", err, len(doc.Articles))
	}
	al := doc.Articles[0].Alignment
	for _, key := range []string{"score", "interval"} {
		if v, ok := al[key]; !ok || string(v) != "null" {
			t.Errorf("alignment.%s = %s, want null for an article without evidence", key, v)
		}
	}
}

func TestRunErrors(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good")
	writeFile(t, filepath.Join(good, "a.txt"), article)
	empty := filepath.Join(dir, "empty")
	os.MkdirAll(empty, 0o755)
	mixed := filepath.Join(dir, "mixed")
	writeFile(t, filepath.Join(mixed, "a.txt"), article)
	writeFile(t, filepath.Join(mixed, "b.txt"), "")
	writeFile(t, filepath.Join(mixed, "c.txt"), article) // the same article under another name

	tests := []struct {
		name    string
		args    []string
		wantErr error  // nil: success
		stderr  string // must appear in stderr or the error
	}{
		{"no command", nil, errUsage, "usage"},
		{"unknown command", []string{"frobnicate"}, errUsage, `unknown command "frobnicate"`},
		{"bad flag", []string{"run", "-nope"}, errUsage, "flag provided but not defined"},
		{"missing folder", []string{"run", "-in", filepath.Join(dir, "none"), "-out", filepath.Join(dir, "o1")}, os.ErrNotExist, "none"},
		{"no txt files", []string{"run", "-in", empty, "-out", filepath.Join(dir, "o2")}, nil, "no .txt files"},
		{"bad subject", []string{"run", "-in", good, "-out", filepath.Join(dir, "o3"), "-subject", "Atlantis"}, nil, `subject "Atlantis"`},
		{"skipped files", []string{"run", "-in", mixed, "-out", filepath.Join(dir, "o4"), "-figures=false"}, errPartial, "b.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, err := runArgs(t, tt.args...)
			if err == nil {
				t.Fatalf("run(%q) succeeded, want an error", tt.args)
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("run(%q) = %v, want %v", tt.args, err, tt.wantErr)
			}
			if msg := stderr + err.Error(); !strings.Contains(msg, tt.stderr) {
				t.Errorf("run(%q) said %q, want it to mention %q", tt.args, msg, tt.stderr)
			}
		})
	}
}

// A failed run must leave the previous outputs as they were.
func TestRunKeepsOutputsOnFailure(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	writeFile(t, filepath.Join(in, "a.txt"), article)
	if _, stderr, err := runArgs(t, "run", "-in", in, "-out", out, "-figures=false"); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr)
	}
	before, _ := os.ReadFile(filepath.Join(out, "data", "articles.json"))
	if _, _, err := runArgs(t, "run", "-in", in, "-out", out, "-subject", "Atlantis"); err == nil {
		t.Fatal("run with a bad subject succeeded")
	}
	os.WriteFile(filepath.Join(in, "a.txt"), nil, 0o644) // now unreadable: no article left
	if _, _, err := runArgs(t, "run", "-in", in, "-out", out); err == nil {
		t.Fatal("run with no readable article succeeded")
	}
	after, _ := os.ReadFile(filepath.Join(out, "data", "articles.json"))
	if !bytes.Equal(before, after) {
		t.Error("a failed run changed the previous outputs")
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".out.new-*"))
	if len(leftovers) > 0 {
		t.Errorf("staging folders left behind: %v", leftovers)
	}
}

// A run keeps what it does not produce (a comparison beside its outputs).
func TestRunKeepsOtherOutputs(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	writeFile(t, filepath.Join(in, "a.txt"), article)
	writeFile(t, filepath.Join(out, "compare", "compare.md"), "kept")
	writeFile(t, filepath.Join(out, "data", "stale.csv"), "replaced")
	if _, stderr, err := runArgs(t, "run", "-in", in, "-out", out, "-figures=false"); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr)
	}
	if b, err := os.ReadFile(filepath.Join(out, "compare", "compare.md")); err != nil || string(b) != "kept" {
		t.Errorf("out/compare/compare.md = %q, %v; want it kept", b, err)
	}
	if _, err := os.Stat(filepath.Join(out, "data", "stale.csv")); !os.IsNotExist(err) {
		t.Errorf("out/data/stale.csv survived the run: a produced folder is replaced whole")
	}
}

func TestCompare(t *testing.T) {
	dir := t.TempDir()
	base, out := filepath.Join(dir, "base"), filepath.Join(dir, "cmp")
	writeFile(t, filepath.Join(base, "a.txt"), article)
	writeFile(t, filepath.Join(base, "b.txt"), "Title: B\nDate: 2019-01-01\n\nUzbekistan signed a defense cooperation agreement with Russia.\n")
	newf := filepath.Join(dir, "new", "n.txt")
	writeFile(t, newf, "Title: N\nDate: 2020-01-01\n\nUzbekistan expanded its partnership with the European Union and NATO.\n")
	stdout, stderr, err := runArgs(t, "compare", "-baseline", base, "-out", out, newf)
	if err != nil {
		t.Fatalf("compare: %v\n%s", err, stderr)
	}
	if !strings.Contains(stdout, "toward the West") {
		t.Errorf("compare said %q, want the new article placed toward the West", stdout)
	}
	for _, f := range []string{"compare.csv", "compare.md", "baseline.svg", "baseline.png"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("missing %s: %v", f, err)
		}
	}
	if _, _, err := runArgs(t, "compare", "-baseline", base, "-out", out); !errors.Is(err, errUsage) {
		t.Errorf("compare without articles = %v, want a usage error", err)
	}
	// The same article as a baseline one is skipped, and nothing is left.
	if _, _, err := runArgs(t, "compare", "-baseline", base, "-out", filepath.Join(dir, "cmp2"), filepath.Join(base, "a.txt")); err == nil {
		t.Error("compare of a baseline article against itself succeeded")
	}
}

// The GraphML export must open in networkx (the reference the issue
// names); skipped where python3 with networkx is not installed.
func TestGraphMLOpensInNetworkx(t *testing.T) {
	py := ""
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(p, "-c", "import networkx").Run() == nil {
			py = p
			break
		}
	}
	if py == "" {
		t.Skip("python3 with networkx not installed")
	}
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	writeFile(t, filepath.Join(in, "a.txt"), article)
	if _, stderr, err := runArgs(t, "run", "-in", in, "-out", out, "-figures=false"); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr)
	}
	script := `import sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
import csv
rows = list(csv.DictReader(open(sys.argv[2])))
assert g.number_of_nodes() == len(rows), (g.number_of_nodes(), len(rows))
for r in rows:
    d = g.nodes[r["id"]]
    assert d["label"] == r["name"] and abs(d["pagerank"] - float(r["pagerank"])) < 1e-12 and d["community"] == int(r["community"]), (d, r)
print(g.number_of_nodes(), g.number_of_edges())`
	cmd := exec.Command(py, "-c", script, filepath.Join(out, "data", "network.graphml"), filepath.Join(out, "data", "nodes.csv"))
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("networkx.read_graphml: %v\n%s", err, b)
	}
}

// Progress is for terminals only: a run whose stderr is a file or a pipe
// prints no progress line, however long it takes.
func TestProgressQuietOffTerminal(t *testing.T) {
	var done atomic.Int64
	f, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	for _, w := range []io.Writer{&buf, f} {
		stop := progress(w, &done, 10)
		stop()
	}
	f.Close()
	b, _ := os.ReadFile(f.Name())
	if buf.Len()+len(b) != 0 {
		t.Errorf("progress wrote %q and %q off a terminal", buf.String(), b)
	}
}

// With -cache, a second run over the seeds plus one new article processes
// only the new one, and every output is the same as without a cache.
func TestCache(t *testing.T) {
	dir := t.TempDir()
	in, cache := filepath.Join(dir, "in"), filepath.Join(dir, "cache")
	seeds, _ := filepath.Glob("../../seeds/*.txt")
	for _, s := range seeds {
		b, _ := os.ReadFile(s)
		writeFile(t, filepath.Join(in, filepath.Base(s)), string(b))
	}
	run := func(name string, args ...string) (map[string][]byte, string) {
		out := filepath.Join(dir, name)
		_, stderr, err := runArgs(t, append([]string{"run", "-in", in, "-out", out, "-figures=false"}, args...)...)
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, stderr)
		}
		return readTree(t, out), stderr
	}
	if _, stderr := run("first", "-cache", cache); !strings.Contains(stderr, "0 articles from the cache, 5 processed") {
		t.Errorf("first run said %q", stderr)
	}
	writeFile(t, filepath.Join(in, "new.txt"), article)
	cached, stderr := run("second", "-cache", cache)
	if !strings.Contains(stderr, "5 articles from the cache, 1 processed") {
		t.Errorf("second run said %q, want 5 from the cache and 1 processed", stderr)
	}
	fresh, _ := run("fresh")
	for name, b := range fresh {
		if !bytes.Equal(cached[name], b) {
			t.Errorf("%s differs between a cached and an uncached run", name)
		}
	}
	// A touched file with the same content is read again but not processed.
	now := time.Now().Add(time.Hour)
	os.Chtimes(filepath.Join(in, "new.txt"), now, now)
	if _, stderr := run("third", "-cache", cache); !strings.Contains(stderr, "6 articles from the cache, 0 processed") {
		t.Errorf("third run said %q", stderr)
	}
}
