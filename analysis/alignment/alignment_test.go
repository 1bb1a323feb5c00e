package alignment

import (
	"math"
	"strings"
	"testing"
)

// actors marks every occurrence of each name in text as an actor of the
// given bloc.
func actors(text string, blocs map[string]string) []Actor {
	var out []Actor
	for name, bloc := range blocs {
		for off := 0; ; {
			i := strings.Index(text[off:], name)
			if i < 0 {
				break
			}
			out = append(out, Actor{ID: name, Bloc: bloc, Start: off + i, End: off + i + len(name)})
			off += i + len(name)
		}
	}
	return out
}

var blocs = map[string]string{
	"Tashkent": "subject", "Uzbekistan": "subject", "Karimov": "subject",
	"Moscow": "russia", "Russia": "russia", "CSTO": "russia",
	"Washington": "west", "NATO": "west", "the EU": "west",
	"Beijing": "other",
}

// Sentences written for the test (the subject here is Uzbekistan, not the
// seeds' Kazakhstan), one per construct of GUIDELINE.md's stance labels.
var scoreTests = []struct {
	text string
	want Stance
}{
	{"Uzbekistan signed a defense cooperation agreement with Russia.", Russia},
	{"Tashkent expanded its partnership with NATO.", West},
	{"Uzbekistan would never allow a Russian base, Karimov said of Moscow.", West},
	{"Karimov said Uzbekistan would never allow a NATO base on its soil.", Russia},
	{"Uzbekistan exports gas bypassing Russia.", West},
	{"Uzbekistan remains susceptible to pressure from Moscow.", Russia},
	{"Tashkent is reluctant to be courted too far by Washington.", Russia},
	{"Russia and NATO held talks in Brussels.", None},          // no subject
	{"Uzbekistan's economy grew by eight percent.", None},      // no pole
	{"Uzbekistan deepened trade with Beijing.", None},          // China is not a pole
	{"Uzbekistan and Russia share a long history.", Russia},    // co-mention only: weak
	{"Uzbekistan suspended its membership in the CSTO.", West}, // away from a Russian-led body
}

func TestScore(t *testing.T) {
	lex := DefaultLexicon()
	for _, tt := range scoreTests {
		got := lex.Score(tt.text, actors(tt.text, blocs))
		if got.Stance != tt.want {
			t.Errorf("Score(%q) = %s %v, want %s", tt.text, got.Stance, got.Cues, tt.want)
		}
		if (got.Stance == Russia) != (got.Score > 0) || (got.Stance == West) != (got.Score < 0) || math.Abs(got.Score) > 1 {
			t.Errorf("Score(%q) score %v does not fit stance %s", tt.text, got.Score, got.Stance)
		}
		if got.Stance != None && len(got.Cues) == 0 {
			t.Errorf("Score(%q) = %s with no cues", tt.text, got.Stance)
		}
	}
}

func TestAggregate(t *testing.T) {
	if a := Aggregate([]Sentence{{Stance: None}, {Stance: None}}); a.Score != nil || a.Evidence != 0 {
		t.Errorf("Aggregate(no evidence) = %+v, want nil score", a)
	}
	// Three sentences toward Russia at 0.5 and one toward the West at -0.5:
	// Russia share 1.5/2 = 0.75, West 0.5/2 = 0.25, score 0.5.
	a := Aggregate([]Sentence{{Stance: Russia, Score: 0.5}, {Stance: Russia, Score: 0.5}, {Stance: Russia, Score: 0.5}, {Stance: West, Score: -0.5}, {Stance: None}})
	if a.Score == nil || *a.Score != 0.5 || a.Russia != 0.75 || a.West != 0.25 || a.Evidence != 4 {
		t.Errorf("Aggregate = %+v (score %v), want score 0.5, russia 0.75, west 0.25, evidence 4", a, a.Score)
	}
}

func TestParseLexiconErrors(t *testing.T) {
	tests := []struct{ text, want string }{
		{"ally\n", "lex.txt:1: cue \"ally\" before any section"},
		{"[toward]\nally\n[sideways]\n", "lex.txt:3: unknown section [sideways]"},
		{"[toward]\n*\n", "lex.txt:2: empty stem \"*\""},
		{"[toward]\nally\n", "lex.txt: needs [toward] and [away] cues"},
	}
	for _, tt := range tests {
		_, err := ParseLexicon("lex.txt", tt.text)
		if err == nil || err.Error() != tt.want {
			t.Errorf("ParseLexicon(%q) error = %v, want %q", tt.text, err, tt.want)
		}
	}
}
