package alignment

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// minimal is the smallest valid poles file; the error tests append to it
// or replace parts of it.
const minimal = `[poles]
pole: russia | label=Russia | blocs=russia
pole: west | label=the West | blocs=west
subject: subject
[toward]
ally
[away]
refus*
`

var parseErrorTests = []struct {
	name, text, want string
}{
	{"cue before a section", "ally\n", "p.poles:1: \"ally\" before any section"},
	{"unknown section", minimal + "[sideways]\n", "p.poles:9: unknown section [sideways]"},
	{"unterminated header", minimal + "[hedge\n", "p.poles:9: unterminated section header \"[hedge\""},
	{"repeated section", minimal + "[toward]\nfriend*\n", "p.poles:9: section [toward] repeated (first at line 5)"},
	{"lone star", minimal + "[hedge]\n*\n", "p.poles:10: cue \"*\": empty word"},
	{"star inside a word", minimal + "[hedge]\nmay*be\n", "p.poles:10: cue \"may*be\": '*' only at the end of a word"},
	{"bad weight", minimal + "[hedge]\nmay = x\n", "p.poles:10: cue \"may\": weight \"x\" is not a number in (0, 10]"},
	{"zero weight", minimal + "[hedge]\nmay = 0\n", "p.poles:10: cue \"may\": weight \"0\" is not a number in (0, 10]"},
	{"punctuation in a cue", minimal + "[hedge]\nmay, be\n", "p.poles:10: cue \"may, be\": \"may,\" is not a word"},
	{"repeated cue", minimal + "[hedge]\nmay\nMay\n", "p.poles:11: cue \"May\" repeated in [hedge] (first at line 10)"},
	{"unknown setting", minimal + "[settings]\nfoo = 1\n", "p.poles:10: unknown setting \"foo\" (want one of adversative, aside, balance, carry, comention, concession, continuation, fallback, govern-window, hedge, implicit, lede, negation-window, pressure-pull, reader-pull, saturation, shrinkage, step-full, step-zero, title)"},
	{"bad setting", minimal + "[settings]\nhedge = half\n", "p.poles:10: setting hedge: \"half\" is not a number in [0, 100]"},
	{"fractional window", minimal + "[settings]\nnegation-window = 2.5\n", "p.poles:10: setting negation-window: \"2.5\" is not a whole number"},
	{"steps out of order", minimal + "[settings]\nstep-full = 0.5\nstep-zero = 0.6\n", "p.poles:11: step-zero (0.6) and step-full (0.5): want 0 <= step-zero < step-full < 1"},
	{"step-full at 1", minimal + "[settings]\nstep-full = 1\nstep-zero = 0.1\n", "p.poles:10: step-zero (0.1) and step-full (1): want 0 <= step-zero < step-full < 1"},
	{"step-full below the default step-zero", minimal + "[settings]\nstep-full = 0.05\n", "p.poles:10: step-zero (0.1) and step-full (0.05): want 0 <= step-zero < step-full < 1"},
	{"NaN setting", minimal + "[settings]\nstep-full = NaN\n", "p.poles:10: setting step-full: \"NaN\" is not a number in [0, 100]"},
	{"setting without value", minimal + "[settings]\nhedge\n", "p.poles:10: want \"key = value\", got \"hedge\""},
	{"repeated setting", minimal + "[settings]\nhedge = 1\nhedge = 2\n", "p.poles:11: setting \"hedge\" repeated (first at line 10)"},
	{"pole line without colon", strings.Replace(minimal, "pole: west", "pole west", 1), "p.poles:3: want \"pole: NAME | label=... | blocs=...\" or \"subject: BLOC; ...\", got \"pole west | label=the West | blocs=west\""},
	{"unknown pole key", strings.Replace(minimal, "label=Russia", "colour=red", 1), "p.poles:2: pole \"russia\": unknown key \"colour\" (want label, blocs or ids)"},
	{"pole without members", strings.Replace(minimal, " | blocs=west", "", 1), "p.poles:3: pole \"west\": no blocs and no ids"},
	{"pole named none", strings.Replace(minimal, "pole: west", "pole: none", 1), "p.poles:3: pole name \"none\": want one word other than \"none\""},
	{"pole defined twice", strings.Replace(minimal, "pole: west", "pole: russia", 1), "p.poles:3: pole \"russia\" defined twice"},
	{"third pole", strings.Replace(minimal, "subject: subject", "pole: china | ids=china\nsubject: subject", 1), "p.poles:4: a third pole \"china\": a poles file names exactly two"},
	{"one pole", strings.Replace(minimal, "pole: west | label=the West | blocs=west\n", "", 1), "p.poles: [poles] names 1 poles, want 2"},
	{"no subject", strings.Replace(minimal, "subject: subject\n", "", 1), "p.poles: [poles] has no \"subject:\" line"},
	{"subject bloc is a pole's", strings.Replace(minimal, "subject: subject", "subject: west", 1), "p.poles:4: bloc \"west\" is both the subject's and pole \"west\"'s"},
	{"unknown key in poles", strings.Replace(minimal, "subject: subject", "subject: subject\ncolour: red", 1), "p.poles:5: unknown key \"colour\" in [poles] (want pole, subject or reader)"},
	{"no away cues", strings.Replace(minimal, "[away]\nrefus*\n", "", 1), "p.poles: section [away] missing or empty"},
}

func TestParseLexiconErrors(t *testing.T) {
	if _, err := ParseLexicon("p.poles", minimal); err != nil {
		t.Fatalf("ParseLexicon(minimal) error = %v", err)
	}
	for _, tt := range parseErrorTests {
		_, err := ParseLexicon("p.poles", tt.text)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: ParseLexicon error = %v, want %q", tt.name, err, tt.want)
			continue
		}
		if !errors.Is(err, ErrSyntax) {
			t.Errorf("%s: error %v does not wrap ErrSyntax", tt.name, err)
		}
	}
}

func TestDefaultLexicon(t *testing.T) {
	l := DefaultLexicon()
	if l.Poles[0].Name != Russia || l.Poles[1].Name != West || l.Poles[1].Label != "the West" {
		t.Errorf("DefaultLexicon poles = %+v", l.Poles)
	}
	// The settings written in russia-west.poles are the code's defaults,
	// so the file documents them.
	if l.Params != DefaultParams {
		t.Errorf("russia-west.poles settings = %+v, want DefaultParams %+v", l.Params, DefaultParams)
	}
	if !l.Carry {
		t.Error("DefaultLexicon().Carry = false, want true")
	}
}

func TestLoadLexicon(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "mine.poles")
	if err := os.WriteFile(path, []byte(minimal+"[hedge]\nmay*be\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := LoadLexicon(path)
	if err == nil || !strings.HasPrefix(err.Error(), "mine.poles:10: ") {
		t.Errorf("LoadLexicon error = %v, want mine.poles:10: ...", err)
	}
	if _, err := LoadLexicon(filepath.Join(dir, "missing.poles")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("LoadLexicon(missing) error = %v, want ErrNotExist", err)
	}
}

func FuzzParseLexicon(f *testing.F) {
	f.Add([]byte(minimal))
	f.Add([]byte(defaultText))
	f.Add([]byte(chinaUS))
	for _, tt := range parseErrorTests {
		f.Add([]byte(tt.text))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		l, err := ParseLexicon("f.poles", string(in))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.poles:") || !errors.Is(err, ErrSyntax) {
				t.Fatalf("error %q: want prefix f.poles: and ErrSyntax", err)
			}
			return
		}
		if l.Poles[0].Name == l.Poles[1].Name || l.Poles[0].Name == None {
			t.Fatalf("poles %+v", l.Poles)
		}
		// A parsed lexicon scores without panicking.
		s := l.Score("Uzbekistan refused to join the alliance with Russia.", []Actor{
			{ID: "uzbekistan", Bloc: l.SubjectBlocs[0], Start: 0, End: 10},
			{ID: "russia", Bloc: "russia", Start: 45, End: 51},
		})
		if s.Stance != None && s.Stance != l.Poles[0].Name && s.Stance != l.Poles[1].Name {
			t.Fatalf("stance %q is no pole", s.Stance)
		}
	})
}

// index.first finds what a scan of every cue finds: the exact first
// words equal to a word and the stems of two bytes or more it starts with.
func TestIndexFirst(t *testing.T) {
	var cues []*cue
	var x index
	for _, w := range []string{"join", "joint", "co-operat*", "co*", "x-*", "1st", "'s", "a*", "i", "ab", "ab*", "élan", "ét*", "zz*"} {
		c := &cue{words: []string{strings.TrimSuffix(w, "*")}, stem: []bool{strings.HasSuffix(w, "*")}}
		cues = append(cues, c)
		x.add(c)
	}
	for _, w := range []string{"join", "joins", "joint", "co-operation", "cooperate", "co", "c", "x-ray", "1st", "'s", "abc", "ab", "a", "i", "élan", "étude", "zz", "zzz", "", "q"} {
		var want []*cue
		for _, c := range cues {
			if c.stem[0] && len(c.words[0]) >= 2 && strings.HasPrefix(w, c.words[0]) || !c.stem[0] && w == c.words[0] {
				want = append(want, c)
			}
		}
		exact, stems := x.first(w)
		var got []*cue
		got = append(got, exact...)
		for _, c := range stems {
			if strings.HasPrefix(w, c.words[0]) {
				got = append(got, c)
			}
		}
		slices.SortFunc(got, func(a, b *cue) int { return strings.Compare(a.words[0], b.words[0]) })
		slices.SortFunc(want, func(a, b *cue) int { return strings.Compare(a.words[0], b.words[0]) })
		if !slices.Equal(got, want) {
			t.Errorf("first(%q) = %v, want %v", w, names(got), names(want))
		}
	}
}

func names(cs []*cue) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.words[0])
	}
	return out
}
