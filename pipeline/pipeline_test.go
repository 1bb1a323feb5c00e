package pipeline

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"alignnet/pipeline/ingest"
	"alignnet/pipeline/kb"
)

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"b.txt", "a.TXT", "sub/c.txt", "sub/notes.md", "z/y/x.txt"} {
		p := filepath.Join(dir, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x"), 0o644)
	}
	// A symbolic link loop must not trap the walk.
	if err := os.Symlink(dir, filepath.Join(dir, "sub", "loop")); err != nil {
		t.Fatal(err)
	}
	got, err := Files(dir)
	if err != nil {
		t.Fatal(err)
	}
	var rel []string
	for _, g := range got {
		r, _ := filepath.Rel(dir, g)
		rel = append(rel, r)
	}
	want := []string{"a.TXT", "b.txt", "sub/c.txt", "z/y/x.txt"}
	if !slices.Equal(rel, want) {
		t.Errorf("Files = %q, want %q", rel, want)
	}
	if _, err := Files(filepath.Join(dir, "sub", "nothing")); err == nil {
		t.Error("Files(missing folder) succeeded")
	}
	empty := t.TempDir()
	if _, err := Files(empty); !errors.Is(err, ErrNoInput) {
		t.Errorf("Files(empty) = %v, want ErrNoInput", err)
	}
}

func TestProcessSubjectAndBlocs(t *testing.T) {
	p, err := New(kb.Default(), "")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ingest.Parse("t.txt", []byte("Title: Test\nDate: 2019-05-14\n\nUzbekistan signed an agreement with Russia in Tashkent. Uzbekistan’s Foreign Ministry welcomed it.\n"))
	if err != nil {
		t.Fatal(err)
	}
	a := p.Process(doc)
	if a.Subject != "uzbekistan" {
		t.Fatalf("Subject = %q, want uzbekistan", a.Subject)
	}
	blocs := map[string]kb.Bloc{}
	for _, e := range a.Entities {
		blocs[e.ID] = e.Bloc
	}
	if blocs["uzbekistan"] != SubjectBloc || blocs["russia"] != kb.Russia || blocs["uzbekistan-foreign-ministry"] != SubjectBloc {
		t.Errorf("blocs = %v, want uzbekistan and its ministry subject, russia russia", blocs)
	}
	if len(a.Sentences) != 2 || !slices.Equal(a.Sentences[0].Actors, []string{"russia", "uzbekistan"}) {
		t.Errorf("sentences = %+v", a.Sentences)
	}
	if _, err := New(kb.Default(), "Atlantis"); err == nil {
		t.Error("New with an unknown subject succeeded")
	}
	if p, err := New(kb.Default(), "Kyrgyzstan"); err != nil || p.Process(doc).Subject != "kyrgyzstan" {
		t.Errorf("New(subject Kyrgyzstan) did not fix the subject: %v", err)
	}
}

func TestProcessFilesKeepsOrder(t *testing.T) {
	p, err := New(kb.Default(), "")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var files []string
	for i := 0; i < 40; i++ {
		f := filepath.Join(dir, fmt.Sprintf("%02d.txt", i))
		text := fmt.Sprintf("Title: Article %d\n\nKazakhstan and Russia met %d times.\n", i, i)
		if i%7 == 3 {
			text = "" // an empty file fails in place
		}
		os.WriteFile(f, []byte(text), 0o644)
		files = append(files, f)
	}
	for _, workers := range []int{0, 1, 2, 8} {
		res := p.ProcessFiles(files, workers)
		for i, r := range res {
			if r.Path != files[i] {
				t.Fatalf("workers %d: result %d is %s, want %s", workers, i, r.Path, files[i])
			}
			if (r.Err != nil) != (i%7 == 3) {
				t.Errorf("workers %d: %s: err = %v", workers, r.Path, r.Err)
			}
			if r.Err == nil && r.Article.Doc.Title != fmt.Sprintf("Article %d", i) {
				t.Errorf("workers %d: %s: title %q", workers, r.Path, r.Article.Doc.Title)
			}
		}
	}
}
