package eval

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const okGold = `{"article": "a", "entities": [], "alignment": 0, "sentences": []}`

var loadGoldTests = []struct {
	name    string
	files   map[string]string
	wantErr error  // nil: want success
	inMsg   string // the error must name this file
}{
	{"skips non-JSON", map[string]string{"a.json": okGold, "GUIDELINE.md": "# not json"}, nil, ""},
	{"no JSON", map[string]string{"GUIDELINE.md": "#"}, ErrNoGold, ""},
	{"bad JSON", map[string]string{"a.json": okGold, "b.json": `{"article": `}, nil, "b.json"},
	{"no alignment", map[string]string{"a.json": `{"article": "a"}`}, ErrInvalid, "a.json"},
	{"alignment out of range", map[string]string{"a.json": `{"article": "a", "alignment": 1.5}`}, ErrInvalid, "a.json"},
	{"bad stance", map[string]string{"a.json": `{"article": "a", "alignment": 0, "sentences": [{"text": "x", "stance": "china"}]}`}, ErrInvalid, "a.json"},
	{"place type", map[string]string{"a.json": `{"article": "a", "alignment": 0, "entities": [{"name": "Astana", "type": "place"}]}`}, ErrInvalid, "a.json"},
	{"duplicate", map[string]string{"a.json": okGold, "b.json": okGold}, ErrDuplicate, "b.json"},
}

func TestLoadGold(t *testing.T) {
	for _, tt := range loadGoldTests {
		dir := writeFiles(t, tt.files)
		_, err := LoadGold(dir)
		switch {
		case tt.wantErr == nil && tt.inMsg == "":
			if err != nil {
				t.Errorf("%s: LoadGold = %v, want no error", tt.name, err)
			}
		case err == nil:
			t.Errorf("%s: LoadGold = nil error, want one", tt.name)
		case tt.wantErr != nil && !errors.Is(err, tt.wantErr):
			t.Errorf("%s: LoadGold = %v, want %v", tt.name, err, tt.wantErr)
		case !strings.Contains(err.Error(), tt.inMsg):
			t.Errorf("%s: LoadGold = %v, want it to name %s", tt.name, err, tt.inMsg)
		}
	}
	// an empty "article" takes the file name
	gold, err := LoadGold(writeFiles(t, map[string]string{"004_x.json": `{"alignment": 0.5}`}))
	if err != nil || len(gold) != 1 || gold[0].Article != "004_x" || gold[0].Alignment != 0.5 {
		t.Errorf("LoadGold(no article) = %+v, %v, want article 004_x, alignment 0.5", gold, err)
	}
	if _, err := LoadGold(filepath.Join(t.TempDir(), "absent")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("LoadGold(absent) = %v, want ErrNotExist", err)
	}
}

func TestLoadRun(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"ok.json":    `{"meta": 1, "articles": [{"id": "a", "extra": {"x": [1]}, "alignment": {"score": null, "evidence": 0}}]}`,
		"empty.json": `{"articles": []}`,
		"none.json":  `{"entities": []}`,
		"bad.json":   `{"articles": [`,
	})
	arts, err := LoadRun(filepath.Join(dir, "ok.json"))
	if err != nil || len(arts) != 1 || arts[0].ID != "a" || arts[0].Alignment.Score != nil {
		t.Errorf("LoadRun(ok) = %+v, %v, want one article a with a null score", arts, err)
	}
	if arts, err := LoadRun(filepath.Join(dir, "empty.json")); err != nil || len(arts) != 0 {
		t.Errorf("LoadRun(empty) = %v, %v, want no articles, no error", arts, err)
	}
	if _, err := LoadRun(filepath.Join(dir, "none.json")); !errors.Is(err, ErrNotRun) || !strings.Contains(err.Error(), "none.json") {
		t.Errorf("LoadRun(none) = %v, want ErrNotRun naming none.json", err)
	}
	if _, err := LoadRun(filepath.Join(dir, "bad.json")); err == nil || !strings.Contains(err.Error(), "bad.json") {
		t.Errorf("LoadRun(bad) = %v, want an error naming bad.json", err)
	}
}
