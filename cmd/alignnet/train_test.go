package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// trainCorpora returns the annotated corpora the shipped reader learns
// from: those testdata/development lists, as `make reader` reads them.
// The seeds are not among them: they stay a test the reader never saw.
func trainCorpora(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "development"))
	if err != nil {
		t.Fatal(err)
	}
	var cs []string
	for _, line := range strings.Split(string(b), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			cs = append(cs, line)
		}
	}
	return cs
}

// TestReaderReproducible retrains the reader from the corpora in the
// repository and checks that it is the shipped russia-west.reader, byte
// for byte: the file is data anyone can rebuild (`make reader`), not a
// hand-edited artefact, and a change to the rules or the features that
// would change it fails here until the reader is retrained.
func TestReaderReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("trains on every development corpus")
	}
	out := filepath.Join(t.TempDir(), "r.reader")
	args := []string{"train", "-out", out}
	for _, c := range trainCorpora(t) {
		args = append(args, filepath.Join("..", "..", "testdata", c))
	}
	stdout, stderr, err := runArgs(t, args...)
	if err != nil {
		t.Fatalf("train: %v\n%s", err, stderr)
	}
	if !strings.Contains(stdout, "trained on 5973 sentences of 216 articles (0 gold sentences unpaired)") {
		t.Errorf("train said %q, want 5973 sentences of 216 articles, all paired", stdout)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "analysis", "alignment", "russia-west.reader"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("retrained reader differs from analysis/alignment/russia-west.reader (%d vs %d bytes): run `make reader`", len(got), len(want))
	}
}

func TestTrainErrors(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "c", "gold"), 0o755); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "r.reader")
	if err := os.WriteFile(out, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := runArgs(t, "train", "-out", out, filepath.Join(dir, "c"))
	if err == nil || !strings.Contains(err.Error(), "no gold files") {
		t.Errorf("train over a corpus with no gold: err = %v, want one naming the missing gold", err)
	}
	if b, _ := os.ReadFile(out); string(b) != "keep" {
		t.Errorf("a failed train overwrote the earlier reader: %q", b)
	}
	if _, _, err := runArgs(t, "train", filepath.Join(dir, "c")); err != errUsage {
		t.Errorf("train with no -out: err = %v, want errUsage", err)
	}
}
