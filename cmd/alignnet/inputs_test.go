package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// utf16LE encodes s as UTF-16 little endian with a byte-order mark.
func utf16LE(s string) []byte {
	b := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// Bad inputs and what a user wants from each: the good files still
// analysed, a message naming the bad file and its problem, and an exit
// status that says whether the run is complete (nil: complete; errPartial:
// outputs written, input skipped; any other error: nothing written).
var inputTests = []struct {
	name  string
	setup func(t *testing.T, in string) // writes the bad input beside a good article
	want  error                         // nil, errPartial, or errFailed
	msg   string                        // must appear in stderr or the error
}{
	{"empty file", func(t *testing.T, in string) { writeFile(t, filepath.Join(in, "bad.txt"), "") }, errPartial, "bad.txt: ingest: empty file"},
	{"binary file", func(t *testing.T, in string) {
		os.WriteFile(filepath.Join(in, "bad.txt"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), 0o644)
	}, errPartial, "bad.txt: ingest: binary content"},
	{"invalid UTF-8", func(t *testing.T, in string) {
		os.WriteFile(filepath.Join(in, "bad.txt"), []byte("Kazakhstan and Russia \xff\xfe met."), 0o644)
	}, errPartial, "bad.txt: byte 22: ingest: invalid UTF-8"},
	{"UTF-16 with a byte-order mark is decoded", func(t *testing.T, in string) {
		os.WriteFile(filepath.Join(in, "utf16.txt"), utf16LE("Title: Wide\n\nKyrgyzstan signed an agreement with Russia.\n"), 0o644)
	}, nil, "2 articles"},
	{"200 MB file", func(t *testing.T, in string) {
		f, err := os.Create(filepath.Join(in, "huge.txt"))
		if err != nil {
			t.Fatal(err)
		}
		f.Truncate(200 << 20) // sparse: costs no disk
		f.Close()
	}, errPartial, "huge.txt: 200 MB: pipeline: file too large for an article (limit 16 MB)"},
	{"only boilerplate", func(t *testing.T, in string) {
		writeFile(t, filepath.Join(in, "bad.txt"), "a global affairs media network\n\nwww.example.com\n")
	}, errPartial, "bad.txt: ingest: no body"},
	{"the same article under two names", func(t *testing.T, in string) {
		writeFile(t, filepath.Join(in, "copy.txt"), article)
	}, errPartial, "copy.txt: same article as"},
	{"two files of the same name in subfolders", func(t *testing.T, in string) {
		writeFile(t, filepath.Join(in, "sub", "a.txt"), "Title: Other\n\nKyrgyzstan signed an agreement with Russia.\n")
	}, errPartial, "same file name as"},
	{"a folder with no .txt", func(t *testing.T, in string) {
		os.Remove(filepath.Join(in, "a.txt"))
		writeFile(t, filepath.Join(in, "notes.md"), "not an article")
	}, errFailed, "no .txt files"},
	{"a symbolic link loop is not followed", func(t *testing.T, in string) {
		os.Symlink(in, filepath.Join(in, "loop"))
	}, nil, "1 articles"},
}

// errFailed stands for any error other than errPartial in inputTests.
var errFailed = errors.New("failed")

func TestBadInputs(t *testing.T) {
	for _, tt := range inputTests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
			writeFile(t, filepath.Join(in, "a.txt"), article)
			tt.setup(t, in)
			stdout, stderr, err := runArgs(t, "run", "-in", in, "-out", out, "-figures=false")
			switch {
			case tt.want == nil && err != nil, tt.want == errPartial && !errors.Is(err, errPartial), tt.want == errFailed && (err == nil || errors.Is(err, errPartial)):
				t.Fatalf("run = %v, want %v\n%s", err, tt.want, stderr)
			}
			msg := stdout + stderr
			if err != nil {
				msg += err.Error()
			}
			if !strings.Contains(msg, tt.msg) {
				t.Errorf("run said %q, want it to contain %q", msg, tt.msg)
			}
			_, statErr := os.Stat(filepath.Join(out, "data", "articles.json"))
			if wrote := statErr == nil; wrote != (tt.want != errFailed) {
				t.Errorf("outputs written = %v, want %v", wrote, tt.want != errFailed)
			}
		})
	}
}

func TestBadKnowledgeBase(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeFile(t, filepath.Join(in, "a.txt"), article)
	writeFile(t, filepath.Join(dir, "kb", "x.kb"), "country: Russia | bloc=russia\nperson: Nobody | office=president, Atlantis, 2001,\n")
	_, _, err := runArgs(t, "run", "-in", in, "-out", filepath.Join(dir, "out"), "-kb", filepath.Join(dir, "kb"))
	if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, "kb", "x.kb")+":2:") {
		t.Errorf("run with a malformed knowledge base = %v, want an error naming x.kb:2", err)
	}
}

func TestBadPoles(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeFile(t, filepath.Join(in, "a.txt"), article)
	writeFile(t, filepath.Join(dir, "bad.poles"), "[sideways]\nally\n")
	_, _, err := runArgs(t, "run", "-in", in, "-out", filepath.Join(dir, "out"), "-poles", filepath.Join(dir, "bad.poles"))
	if err == nil || !strings.Contains(err.Error(), "bad.poles:1:") {
		t.Errorf("run with a malformed poles file = %v, want an error naming bad.poles:1", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); !os.IsNotExist(err) {
		t.Error("a run with a malformed poles file wrote outputs")
	}
}

func TestUnwritableOutput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeFile(t, filepath.Join(in, "a.txt"), article)
	writeFile(t, filepath.Join(dir, "file"), "a file, not a folder")
	_, _, err := runArgs(t, "run", "-in", in, "-out", filepath.Join(dir, "file", "out"), "-figures=false")
	if err == nil || !strings.Contains(err.Error(), "output folder") {
		t.Errorf("run into an unwritable place = %v, want an error about the output folder", err)
	}
}
