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

// The seeds, run with one and with two cores, twice, and from another
// folder whose files were created in another order, give the same bytes in
// every output, figures and report included.
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
	// A copy of the seeds elsewhere, its files created in reverse order.
	files, _ := filepath.Glob(filepath.Join(seeds, "*.txt"))
	copyDir := filepath.Join(dir, "copy")
	for i := len(files) - 1; i >= 0; i-- {
		b, _ := os.ReadFile(files[i])
		writeFile(t, filepath.Join(copyDir, filepath.Base(files[i])), string(b))
	}
	var trees []map[string][]byte
	for i, run := range []struct {
		procs int
		in    string
	}{{1, seeds}, {2, seeds}, {2, seeds}, {2, copyDir}} {
		runtime.GOMAXPROCS(run.procs)
		out := filepath.Join(dir, "out", string(rune('a'+i)))
		if _, stderr, err := runArgs(t, "run", "-in", run.in, "-out", out); err != nil {
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

// A data-only run compacts each article once its articles.json record is
// written, reading ahead a window of files; its data files are those of a
// full run byte for byte, on the seeds and on the held-out articles, with
// the default window and with a window of one file.
func TestDataOnlyMatchesFull(t *testing.T) {
	dir := t.TempDir()
	for _, in := range []string{"../../seeds", "../../testdata/heldout/articles"} {
		full, data := filepath.Join(dir, "full"), filepath.Join(dir, "data")
		if _, stderr, err := runArgs(t, "run", "-in", in, "-out", full); err != nil {
			t.Fatalf("run %s: %v\n%s", in, err, stderr)
		}
		want := readTree(t, filepath.Join(full, "data"))
		for _, batch := range []int{window, 1} {
			old := window
			window = batch
			_, stderr, err := runArgs(t, "run", "-in", in, "-out", data, "-figures=false")
			window = old
			if err != nil {
				t.Fatalf("run -figures=false %s: %v\n%s", in, err, stderr)
			}
			got := readTree(t, data)
			if _, ok := got["figures/network.svg"]; ok {
				t.Errorf("%s: -figures=false drew figures", in)
			}
			got = readTree(t, filepath.Join(data, "data"))
			if len(got) != len(want) {
				t.Fatalf("%s batch %d: %d data files, full run %d", in, batch, len(got), len(want))
			}
			for name, b := range want {
				if !bytes.Equal(got[name], b) {
					t.Errorf("%s batch %d: data/%s differs from the full run's", in, batch, name)
				}
			}
		}
	}
}
