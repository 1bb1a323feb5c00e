package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMain lets the test binary act as the command, for the tests that
// must kill a real process.
func TestMain(m *testing.M) {
	if os.Getenv("ALIGNNET_AS_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// A run killed with SIGKILL at any point leaves the previous outputs
// exactly as they were: nothing half-written is ever visible in out/.
func TestKilledRunKeepsOutputs(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the command several times")
	}
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	seeds, _ := filepath.Glob("../../seeds/*.txt")
	// Enough articles that a run takes a while: the seeds, each under
	// many names with a different last line (so none is a duplicate).
	for i := 0; i < 25; i++ {
		for _, s := range seeds {
			b, _ := os.ReadFile(s)
			b = append(b, []byte(fmt.Sprintf("\n\nKazakhstan and Russia met %d times.\n", i))...)
			writeFile(t, filepath.Join(in, fmt.Sprintf("%02d-%s", i, filepath.Base(s))), string(b))
		}
	}
	if _, stderr, err := runArgs(t, "run", "-in", in, "-out", out); err != nil {
		t.Fatalf("first run: %v\n%s", err, stderr)
	}
	before := readTree(t, out)
	start := time.Now()
	full := exec.Command(os.Args[0], "run", "-in", in, "-out", filepath.Join(dir, "timing"))
	full.Env = append(os.Environ(), "ALIGNNET_AS_MAIN=1")
	if b, err := full.CombinedOutput(); err != nil {
		t.Fatalf("timing run: %v\n%s", err, b)
	}
	took := time.Since(start)
	// Kill at several points of a run that writes into out/.
	for _, frac := range []float64{0.1, 0.3, 0.5, 0.7, 0.9} {
		cmd := exec.Command(os.Args[0], "run", "-in", in, "-out", out, "-seed", "2")
		cmd.Env = append(os.Environ(), "ALIGNNET_AS_MAIN=1")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(frac * float64(took)))
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		after := readTree(t, out)
		changed := false
		for name, b := range before {
			if !bytes.Equal(after[name], b) {
				changed = true
			}
		}
		if len(after) != len(before) {
			changed = true
		}
		// The run may have finished before the kill: then every file is
		// the new run's, never a mix.
		if changed {
			if cmd.ProcessState.Success() {
				before = after
				continue
			}
			t.Fatalf("killed at %.0f%% of a run (%v): out/ changed", frac*100, took)
		}
	}
	// Staging folders of killed runs are hidden beside out/, never in it.
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("hidden entry %s inside out/", e.Name())
		}
	}
}

// The command needs no network: run in a network namespace of its own
// (no interface but a downed loopback), it writes the same outputs. Needs
// unshare(1) and the right to create namespaces (root, as in CI);
// skipped otherwise.
func TestNoNetworkNeeded(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the command twice")
	}
	if _, err := exec.LookPath("unshare"); err != nil || exec.Command("unshare", "-n", "true").Run() != nil {
		t.Skip("cannot create a network namespace here")
	}
	dir := t.TempDir()
	seeds, _ := filepath.Abs("../../seeds")
	cmd := exec.Command("unshare", "-n", os.Args[0], "run", "-in", seeds, "-out", filepath.Join(dir, "offline"))
	cmd.Env = append(os.Environ(), "ALIGNNET_AS_MAIN=1")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("run without network: %v\n%s", err, b)
	}
	if _, stderr, err := runArgs(t, "run", "-in", seeds, "-out", filepath.Join(dir, "online")); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr)
	}
	off, on := readTree(t, filepath.Join(dir, "offline")), readTree(t, filepath.Join(dir, "online"))
	for name, b := range on {
		if !bytes.Equal(off[name], b) {
			t.Errorf("%s differs without network", name)
		}
	}
}
