package report

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestCheckReport opens the fixture page, and a broken copy of it, in
// headless Chromium through scripts/check-report. Skipped without
// Chromium and with -short.
func TestCheckReport(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: no browser")
	}
	found := false
	for _, c := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if _, err := exec.LookPath(c); err == nil {
			found = true
		}
	}
	if !found {
		t.Skip("no chromium (apt-get install -y chromium)")
	}
	script, err := filepath.Abs("../../scripts/check-report")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	good := write(t, fixture())
	// Broken: the actors table loses its rows, the second figure its
	// drawing, and a script fails.
	broken := regexp.MustCompile(`(?s)(<section id="actors">.*?<tbody>).*?(</tbody>)`).ReplaceAll(good, []byte("$1$2"))
	broken = bytes.Replace(broken, []byte(`<rect width="60" height="30" style="fill:#0072B2"/>`), nil, 1)
	broken = bytes.Replace(broken, []byte("</main>"), []byte("<script>noSuchFunction();</script></main>"), 1)

	tests := []struct {
		name string
		page []byte
		ok   bool
		want []string // in the messages of a broken page
	}{
		{"good.html", good, true, nil},
		{"broken.html", broken, false, []string{"has no body row", "is empty", "noSuchFunction"}},
	}
	for _, tt := range tests {
		path := filepath.Join(dir, tt.name)
		if err := os.WriteFile(path, tt.page, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(script, path).CombinedOutput()
		if tt.ok != (err == nil) {
			t.Errorf("check-report %s: %v, want ok %v; output:\n%s", tt.name, err, tt.ok, out)
		}
		for _, w := range tt.want {
			if !strings.Contains(string(out), w) {
				t.Errorf("check-report %s: output lacks %q:\n%s", tt.name, w, out)
			}
		}
	}
}
