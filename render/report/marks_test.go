package report

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

var marksTests = []struct {
	text string
	cues []string
	want []string // the marked words
}{
	{"He praised ties and praises them again.", []string{"praise* (toward Russia)"}, []string{"praised", "praises"}},
	{"Astana will not allow a base; it did not ever allow it.", []string{"not allow (away from the West)"}, []string{"not", "allow", "not", "allow"}},
	// "not" with no "allow" within maxGap (4) words after it: unmarked.
	{"It is not a question of who will one day allow it.", []string{"not allow (away from the West)"}, nil},
	{"Russia and Kazakhstan.", []string{"co-mention (toward Russia)", "balance: Russia 1.00, the West 1.00"}, nil},
	// Case-insensitive; a hyphen inside a word belongs to it; a cue
	// without a star matches whole words only.
	{"Cooperation with the Russia-led CSTO; co-operate.", []string{"cooperat* (toward Russia)", "russia-led (toward Russia)", "operate (toward Russia)"}, []string{"Cooperation", "Russia-led"}},
	{"Kazakhstan’s partners", []string{"kazakhstan’s (toward Russia)"}, []string{"Kazakhstan’s"}},
	{"", []string{"x (toward Russia)"}, nil},
	{"Уран и «Росатом» сотрудничают", []string{"сотруднич* (toward Russia)"}, []string{"сотрудничают"}},
}

func TestMarks(t *testing.T) {
	for _, tt := range marksTests {
		var got []string
		for _, m := range marks(tt.text, tt.cues) {
			got = append(got, tt.text[m.Start:m.End])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("marks(%q, %q) = %q, want %q", tt.text, tt.cues, got, tt.want)
		}
	}
}

func TestSplit(t *testing.T) {
	text := "He praised ties."
	ps := split(text, marks(text, []string{"praise* (toward Russia)"}))
	want := []part{{"He ", false}, {"praised", true}, {" ties.", false}}
	if !slices.Equal(ps, want) {
		t.Errorf("split = %v, want %v", ps, want)
	}
}

func FuzzMarks(f *testing.F) {
	for _, tt := range marksTests {
		f.Add(tt.text, strings.Join(tt.cues, "|"))
	}
	f.Fuzz(func(t *testing.T, text, cues string) {
		ms := marks(text, strings.Split(cues, "|"))
		end := 0
		for _, m := range ms {
			if m.Start < end || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("marks(%q, %q): span %v after %d", text, cues, m, end)
			}
			if !utf8.ValidString(text[m.Start:m.End]) && utf8.ValidString(text) {
				t.Fatalf("marks(%q, %q): span %v cuts a rune", text, cues, m)
			}
			end = m.End
		}
		var joined strings.Builder
		for _, p := range split(text, ms) {
			joined.WriteString(p.Text)
		}
		if joined.String() != text {
			t.Fatalf("split(%q) joins to %q", text, joined.String())
		}
	})
}
