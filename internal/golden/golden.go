package golden

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// Check compares got with the file testdata/name byte for byte; with
// -update it writes got there instead.
func Check(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden %s: %v (run go test -update)", path, err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s: output differs from golden file (%d bytes, want %d); inspect and run go test -update if intended",
			name, len(got), len(want))
	}
}

// CheckHash compares the SHA-256 of got, in hex, with the file
// testdata/name; with -update it writes the hash there instead. For
// binary output such as PNG images.
func CheckHash(t *testing.T, name string, got []byte) {
	t.Helper()
	sum := sha256.Sum256(got)
	Check(t, name, []byte(hex.EncodeToString(sum[:])+"\n"))
}

// Preview is the -preview flag of the figure tests: a directory to write
// realistic example figures into, to look at; empty: none are written.
var Preview = flag.String("preview", "", "write realistic example figures (SVG and PNG) to this directory")

// Figure is a figure that writes itself as SVG and PNG.
type Figure interface {
	WriteSVG(w io.Writer) error
	WritePNG(w io.Writer) error
}

// WriteFigure writes f as dir/name.svg and dir/name.png.
func WriteFigure(t *testing.T, dir, name string, f Figure) {
	t.Helper()
	for ext, write := range map[string]func(io.Writer) error{".svg": f.WriteSVG, ".png": f.WritePNG} {
		fh, err := os.Create(filepath.Join(dir, name+ext))
		if err != nil {
			t.Fatal(err)
		}
		if err := write(fh); err != nil {
			t.Fatal(err)
		}
		if err := fh.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
