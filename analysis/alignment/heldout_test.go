package alignment

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// labelled is a held-out sentence with its gold label.
type labelled struct {
	file  string
	line  int
	label Stance
	in    Input
}

// parseMarkup turns "[Tashkent|subject|uzbekistan] ..." into the plain
// text and its actors; the id defaults to the lower-cased surface.
func parseMarkup(s string) (Input, error) {
	var b strings.Builder
	var as []Actor
	for {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			b.WriteString(s)
			break
		}
		j := strings.IndexByte(s[i:], ']')
		if j < 0 {
			return Input{}, fmt.Errorf("unterminated [ in %q", s)
		}
		b.WriteString(s[:i])
		parts := strings.Split(s[i+1:i+j], "|")
		if len(parts) < 2 || len(parts) > 3 {
			return Input{}, fmt.Errorf("want [surface|bloc] or [surface|bloc|id], got %q", s[i:i+j+1])
		}
		start := b.Len()
		b.WriteString(parts[0])
		id := strings.ToLower(parts[0])
		if len(parts) == 3 {
			id = parts[2]
		}
		as = append(as, Actor{ID: id, Bloc: parts[1], Start: start, End: b.Len()})
		s = s[i+j+1:]
	}
	return Input{Text: b.String(), Actors: as}, nil
}

// readHeldout returns the passages of a held-out file under testdata.
func readHeldout(t testing.TB, name string) [][]labelled {
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var passages [][]labelled
	var cur []labelled
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		if strings.TrimSpace(line) == "" {
			if len(cur) > 0 {
				passages = append(passages, cur)
				cur = nil
			}
			continue
		}
		p := strings.Split(line, "\t")
		if len(p) != 3 {
			t.Fatalf("%s:%d: want 3 tab-separated fields, got %d", name, n, len(p))
		}
		in, err := parseMarkup(p[2])
		if err != nil {
			t.Fatalf("%s:%d: %v", name, n, err)
		}
		switch Stance(p[0]) {
		case Russia, West, None:
		default:
			t.Fatalf("%s:%d: unknown label %q", name, n, p[0])
		}
		cur = append(cur, labelled{file: name, line: n, label: Stance(p[0]), in: in})
	}
	if len(cur) > 0 {
		passages = append(passages, cur)
	}
	return passages
}

// confusion counts gold (first) against system (second) labels.
type confusion map[[2]Stance]int

func (c confusion) accuracy() float64 {
	right, all := 0, 0
	for k, n := range c {
		all += n
		if k[0] == k[1] {
			right += n
		}
	}
	return float64(right) / float64(all)
}

// macroF1 is the mean F1 of the three labels (GUIDELINE.md, "Scoring").
func (c confusion) macroF1() float64 {
	labels := []Stance{Russia, West, None}
	sum := 0.0
	for _, x := range labels {
		tp, fp, fn := c[[2]Stance{x, x}], 0, 0
		for _, y := range labels {
			if y != x {
				fp += c[[2]Stance{y, x}]
				fn += c[[2]Stance{x, y}]
			}
		}
		if tp > 0 {
			p, r := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
			sum += 2 * p * r / (p + r)
		}
	}
	return sum / float64(len(labels))
}

func scoreHeldout(t testing.TB, lex *Lexicon, name string) (confusion, []string) {
	c := confusion{}
	var wrong []string
	for _, pass := range readHeldout(t, name) {
		in := make([]Input, len(pass))
		for i, s := range pass {
			in[i] = s.in
		}
		for i, got := range lex.Sentences(in) {
			c[[2]Stance{pass[i].label, got.Stance}]++
			if got.Stance != pass[i].label {
				wrong = append(wrong, fmt.Sprintf("%s:%d: got %s, want %s %q: %s", pass[i].file, pass[i].line, got.Stance, pass[i].label, got.Cues, pass[i].in.Text))
			}
		}
	}
	return c, wrong
}

// heldoutTests are the held-out sets with their floors of macro-F1. Both
// were labelled by GUIDELINE.md before the scorer saw them. heldout.tsv
// was written before tuning began (first scorer: 0.71; this one 0.96, but
// its author also wrote the lexicon); heldout-blind.tsv after the lexicon
// was frozen, scored once (first run: see README.md). The floors sit
// below the figures measured when they were set, so that a change which
// fits the seeds at the expense of unseen text fails.
var heldoutTests = []struct {
	file  string
	floor float64
}{
	{"heldout.tsv", 0.85},
	{"heldout-blind.tsv", 0.70},
}

func TestHeldout(t *testing.T) {
	for _, tt := range heldoutTests {
		lex := DefaultLexicon()
		c, wrong := scoreHeldout(t, lex, tt.file)
		n := 0
		for _, v := range c {
			n += v
		}
		if n < 60 {
			t.Errorf("%s has %d sentences, want at least 60", tt.file, n)
		}
		f1 := c.macroF1()
		t.Logf("%s: %d sentences, accuracy %.3f, macro-F1 %.3f", tt.file, n, c.accuracy(), f1)
		lex.Carry = false
		c2, _ := scoreHeldout(t, lex, tt.file)
		t.Logf("%s without carry-over: accuracy %.3f, macro-F1 %.3f", tt.file, c2.accuracy(), c2.macroF1())
		if testing.Verbose() {
			for _, w := range wrong {
				t.Log(w)
			}
		}
		if f1 < tt.floor {
			t.Errorf("%s: macro-F1 = %.3f, want >= %.2f", tt.file, f1, tt.floor)
		}
	}
}
