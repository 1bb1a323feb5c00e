package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// readTree returns every file under dir by relative path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[rel] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// The seeds, run with one and with two cores, twice, give the same bytes
// in every output, figures included.
func TestReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("renders every figure three times")
	}
	seeds, err := filepath.Abs("../../seeds")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var trees []map[string][]byte
	for i, procs := range []int{1, 2, 2} {
		runtime.GOMAXPROCS(procs)
		out := filepath.Join(dir, "out", string(rune('a'+i)))
		if _, stderr, err := runArgs(t, "run", "-in", seeds, "-out", out); err != nil {
			t.Fatalf("run: %v\n%s", err, stderr)
		}
		trees = append(trees, readTree(t, out))
	}
	for name, want := range trees[0] {
		for i, tree := range trees[1:] {
			if !bytes.Equal(tree[name], want) {
				t.Errorf("run %d: %s differs from the first run", i+2, name)
			}
		}
	}
	if len(trees[0]) < 10 {
		t.Errorf("only %d outputs", len(trees[0]))
	}
}
