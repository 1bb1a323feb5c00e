package alignment

import (
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// Sentences written for the test about states other than the seeds'
// Kazakhstan, one or more per construct of GUIDELINE.md's stance labels
// and of README.md's rules. Markup as in testdata/heldout.tsv.
var scoreTests = []struct {
	construct string
	text      string
	want      Stance
}{
	{"cooperation", "[Tashkent|subject] signed a defense cooperation agreement with [Moscow|russia].", Russia},
	{"cooperation", "[Bishkek|subject] expanded its partnership with [NATO|west].", West},
	{"dependence", "[Dushanbe|subject] depends on [Russian|russia] troops to guard its southern border.", Russia},
	{"negation", "[Uzbekistan|subject] would never allow a [U.S.|west] military base on its soil.", Russia},
	{"negation", "[Tajikistan|subject] will not allow [Russian|russia] troops to return to its airfields.", West},
	{"negation", "[Ashgabat|subject] has no intention of joining the [CSTO|russia].", West},
	{"negation of an away cue", "[Tajik|subject] officials rarely criticize the [Kremlin|russia].", Russia},
	{"reversal", "[Tashkent|subject] refused to join the [Eurasian Economic Union|russia].", West},
	{"reversal", "[Bishkek|subject] suspended its membership in the [CSTO|russia].", West},
	{"reversal", "[Astana|subject] resisted [Russian|russia] pressure to join the [Eurasian Economic Union|russia].", West},
	{"clause negation", "[NATO|west] exercises are welcome, but that does not mean that [Kyrgyzstan|subject] will break with [Russia|russia].", Russia},
	{"clause negation: none of this", "None of this makes [Turkmenistan|subject] a [Western|west] ally.", Russia},
	{"clause negation: not suggest", "The vote does not suggest that [Tajikistan|subject] is moving away from [Moscow|russia].", Russia},
	{"clause negation: doesn't suggest", "The vote doesn't suggest that [Tajikistan|subject] is moving away from [Moscow|russia].", Russia},
	{"clause negation: nothing suggests", "Nothing suggests that [Kazakhstan|subject] will join [NATO|west].", Russia},
	{"clause negation, then a negating verb", "None of this deterred [Astana|subject] from deepening its partnership with [NATO|west].", West},
	{"a negating verb", "The war prevented [Kyrgyzstan|subject] from joining the [CSTO|russia] exercises.", West},
	{"deteriorate is no negation", "[Tashkent|subject] let its ties with [Washington|west] deteriorate.", Russia},
	{"a lessening verb negates", "[Bishkek|subject] has loosened its ties to [Moscow|russia].", West},
	{"a negated lessening verb cancels", "[Bishkek|subject] has not loosened its ties to [Moscow|russia].", Russia},
	{"a negated lessening verb cancels", "[Dushanbe|subject] did not reduce its dependence on [Russian|russia] troops.", Russia},
	{"neither ... nor stays negated", "[Ashgabat|subject] has neither endorsed nor condemned [Russia|russia]'s annexation.", None},
	{"a refusal governs what the pole owns", "[Tashkent|subject] refused [Gazprom|russia]'s requests to cut the price.", West},
	{"turn down", "[Uzbekistan|subject] has turned down [Russian|russia] offers of joint border protection.", West},
	{"background: a biography", "[Tokayev|subject], who studied at the [Moscow State Institute of International Relations|russia], was re-elected in 2022.", None},
	{"headline verbs: bet on", "[Tashkent|subject] bets on [Washington|west].", West},
	{"headline verbs: look to", "[Bishkek|subject] looks to [Moscow|russia] for protection.", Russia},
	{"headline verbs: look beyond", "[Dushanbe|subject] looks beyond [Moscow|russia].", West},
	{"headline verbs: skirt", "[Kyrgyzstan|subject] builds a railway that skirts [Russia|russia].", West},
	{"double reversal", "[Tashkent|subject] did not refuse to join the [CSTO|russia].", Russia},
	{"contrast: despite after", "[Kyrgyzstan|subject] deepened its partnership with [NATO|west] despite [Moscow|russia]'s annoyance.", West},
	{"contrast: despite before", "Despite [Moscow|russia]'s annoyance, [Kyrgyzstan|subject] deepened its partnership with [NATO|west].", West},
	{"contrast: although", "Although [Dushanbe|subject] accepted [American|west] aid for its border posts, it still relies on [Russia|russia] for air defense.", Russia},
	{"contrast: but", "[Ashgabat|subject] values its trade with [Russia|russia], but it signed a gas accord with the [EU|west].", West},
	{"contrast: conceded only", "Despite [Western|west] criticism, nothing changed in [Tashkent|subject].", West},
	{"reported speech", "[Putin|russia] praised the growing cooperation with [Uzbekistan|subject].", Russia},
	{"reported speech", "\"The [United States|west] is a reliable partner,\" [Mirziyoyev|subject] said.", West},
	{"reported clause", "[Karimov|subject] said [Uzbekistan|subject] would never allow a [NATO|west] base on its soil.", Russia},
	{"hedge", "[Tashkent|subject] may sign a defense cooperation agreement with [Moscow|russia].", Russia},
	{"balance: alike", "[Tashkent|subject] values its ties with [Moscow|russia] and [Washington|west] alike.", None},
	{"balance: coordination", "[Kyrgyzstan|subject] has refused to join either the [CSTO|russia] or any [NATO|west] program.", None},
	{"balance: as much as", "[Tokayev|subject] values the partnership with [Russia|russia] as much as the ties with the [EU|west].", None},
	{"pressure", "[Moscow|russia] used the threat of deporting migrants to pressure [Dushanbe|subject].", Russia},
	{"pressure", "[Turkmenistan|subject] remains susceptible to pressure from [Moscow|russia].", Russia},
	{"pressure: a pole's criticism", "[Washington|west] criticized [Tashkent|subject] over its human rights record.", West},
	{"pressure: passive", "[Dushanbe|subject] was sharply criticized by [Moscow|russia] for the arrests.", Russia},
	{"pressure reversed", "[Tashkent|subject] is reluctant to be courted too far by [Washington|west].", Russia},
	{"criticism by the subject", "[Rahmon|subject] criticized [Washington|west] for meddling.", Russia},
	{"bypassing", "[Turkmenistan|subject] exports gas to [China|other] bypassing [Russia|russia].", West},
	{"diversifying", "[Kazakhstan|subject] is diversifying its oil exports away from [Russian|russia] pipelines.", West},
	{"a direction points at what follows it", "[Tashkent|subject] asked [Moscow|russia] to let its officers stay rather than recall them.", Russia},
	{"a direction points at what follows it", "[Astana|subject] signed a gas deal with [Moscow|russia] for the price rather than the volumes.", Russia},
	{"abandon", "[Yeltsin|russia] said [Russia|russia] would not abandon its friends in [Uzbekistan|subject].", Russia},
	{"no subject", "[Russia|russia] and [NATO|west] held talks in Brussels.", None},
	{"no pole", "[Uzbekistan|subject]'s economy grew by eight percent.", None},
	{"not a pole", "[Uzbekistan|subject] deepened trade with [Beijing|other].", None},
	{"co-mention", "[Kyrgyz|subject] President [Japarov|subject] spent the weekend in [Moscow|russia].", Russia},
	{"background", "[Kazakhstan|subject] shares a long border with [Russia|russia].", None},
	{"joint description", "There are signs of growth in [Kazakhstan|subject] and [Russia|russia].", None},
	{"joint agent", "[Russia|russia] and [Tajikistan|subject] held a summit in Dushanbe.", Russia},
	{"words inside a name are not cues", "[Uzbekistan|subject] hosted the [Shanghai Cooperation Organization|other] summit.", None},
	// Round 2 (README.md, "How a sentence is labelled"): mechanisms
	// found on the held-out articles, tested on sentences written for
	// the test.
	{"implied subject: a relation to a pole", "Economic dependence on [Russia|russia] remains heavy.", Russia},
	{"implied subject: a pole gives", "[Moscow|russia] pledged new loans for the hydropower plant.", Russia},
	{"implied subject: a pole criticises alone", "[Russian|russia] officials criticized the decision.", None},
	{"implied subject: a meeting is no relation", "[Washington|west] and [Brussels|west] held talks.", None},
	{"implied subject: a third actor", "Dependence on [Russia|russia] and [China|other] grew.", None},
	{"coordinated clause: its own agent", "[Bishkek|subject] asked [Moscow|russia] for peacekeepers, and the [Kremlin|russia] declined.", Russia},
	{"source of a noun cue", "The West will watch for any sign of [Russian|russia] pressure on [Astana|subject].", Russia},
	{"decline of a relation", "The partnership between [Tashkent|subject] and [Washington|west] is fraying.", Russia},
	{"decline of a relation", "[Bishkek|subject]'s cooperation with [Moscow|russia] has cooled.", West},
	{"decline of a relation: its partner is no source", "[Kazakhstan|subject]'s relations with [Washington|west] deteriorated after the election.", Russia},
	{"decline of a relation: its partner is no source", "Relations with [Moscow|russia] soured when [Astana|subject] closed the broadcasts.", West},
	{"restriction", "[Dushanbe|subject] restricted flights at the airfield, which had long served [U.S.|west] forces.", Russia},
	{"relative clause is an aside", "[Karimov|subject], who was once received in [Washington|west], now signed a pact with [Moscow|russia].", Russia},
	{"exclusion", "Neutrality keeps [Turkmenistan|subject] out of the [CSTO|russia].", West},
	{"replacement", "[China|other] has replaced [Russia|russia] as the main buyer of [Turkmen|subject] gas.", West},
	{"negation takes its phrase", "[Tashkent|subject] would never accept conditions attached to [Russian|russia] gas supplies.", West},
	{"direction: beyond", "[Niyazov|subject] went hunting for export routes beyond [Russia|russia]'s reach.", West},
	{"ending an arrangement", "[Kazakhstan|subject] introduced its own currency, ending an arrangement under which it had shared the ruble with [Russia|russia].", West},
	{"no comparative than: no negation", "[Kazakhstan|subject] has no closer ally than [Russia|russia].", Russia},
	{"no comparative without than: negation", "[Astana|subject] is no closer to [NATO|west] after the visit.", Russia},
	{"negation of a cue verb", "[Kazakhstan|subject] would not follow [Moscow|russia]'s line on the war.", West},
	{"negated co-mention", "[Kazakh|subject] officials insist the move was not aimed at [Moscow|russia].", None},
	{"co-mention: between", "Trade between [Kazakhstan|subject] and [Russia|russia] grew last year.", Russia},
	{"reported clause: attribution", "When [Putin|russia] proposed a gas union with [Kazakhstan|other] and [Uzbekistan|subject], the minister replied that his country would never accept political conditions.", West},
	{"a pole refrains", "[Moscow|russia] raised no objection to the decision, and [Bishkek|subject] went ahead.", None},
	{"implied subject: a that-clause has its own agent", "Human rights groups, and the [British|west] ambassador, complained that the pledge existed only on paper.", None},
	{"political opposition", "[Kyrgyz|subject] opposition politicians gathered outside the [U.S.|west] embassy.", None},
	{"remittances", "Remittances from [Russia|russia] equal a third of [Tajikistan|subject]'s economy.", Russia},
}

func TestScore(t *testing.T) {
	lex := DefaultLexicon()
	for _, tt := range scoreTests {
		in, err := parseMarkup(tt.text)
		if err != nil {
			t.Fatal(err)
		}
		got := lex.Score(in.Text, in.Actors)
		if got.Stance != tt.want {
			t.Errorf("%s: Score(%q) = %s %q, want %s", tt.construct, in.Text, got.Stance, got.Cues, tt.want)
		}
		if (got.Stance == Russia) != (got.Score > 0) || (got.Stance == West) != (got.Score < 0) || math.Abs(got.Score) >= 1 {
			t.Errorf("%s: Score(%q) score %v does not fit stance %s", tt.construct, in.Text, got.Score, got.Stance)
		}
		if got.Stance != None && len(got.Cues) == 0 {
			t.Errorf("%s: Score(%q) = %s with no cues", tt.construct, in.Text, got.Stance)
		}
	}
}

// pullTests check what a sentence adds to its article's score (Pull):
// uncapped cue weights, a pole's pressure at pressure-pull (0 by
// default), a part that says "both" alike toward both poles.
var pullTests = []struct {
	text string
	want [2]float64
}{
	// signed, cooperat*, agreement*: three cues, no cap of 1.5.
	{"[Tashkent|subject] signed a defense cooperation agreement with [Moscow|russia].", [2]float64{3, 0}},
	// The West's criticism is pressure: a west label, no pull.
	{"[Washington|west] criticized [Tashkent|subject].", [2]float64{0, 0}},
	// looked to (toward) is attributed to one pole, but the part says
	// "alike": half each way.
	{"[Tajikistan|subject] turned to the [EU|west] and to [Russia|russia] alike.", [2]float64{0.5, 0.5}},
	// The negation before "and" does not reach "reduced": the
	// reduced ties are away from Russia.
	{"[Astana|subject] did not object and reduced ties with [Moscow|russia].", [2]float64{0, 1}},
	// A co-mention pulls comention.
	{"Trade between [Kazakhstan|subject] and [Russia|russia] grew last year.", [2]float64{0.25, 0}},
}

func TestPull(t *testing.T) {
	lex := DefaultLexicon()
	for _, tt := range pullTests {
		in, err := parseMarkup(tt.text)
		if err != nil {
			t.Fatal(err)
		}
		if got := lex.Score(in.Text, in.Actors); got.Pull != tt.want {
			t.Errorf("Score(%q).Pull = %v, want %v (%s %q)", in.Text, got.Pull, tt.want, got.Stance, got.Cues)
		}
	}
	// With pressure-pull 1 the West's criticism pulls west.
	l, err := ParseLexicon("p.poles", strings.Replace(defaultText, "pressure-pull = 0", "pressure-pull = 1", 1))
	if err != nil {
		t.Fatal(err)
	}
	in, _ := parseMarkup("[Washington|west] criticized [Tashkent|subject].")
	if got := l.Score(in.Text, in.Actors); got.Pull != [2]float64{0, 1} {
		t.Errorf("pressure-pull 1: Pull = %v, want [0 1] (%q)", got.Pull, got.Cues)
	}
}

// cueTests check the readable cues of a label.
var cueTests = []struct {
	text string
	want []string
}{
	{"[Uzbekistan|subject] would never allow a [U.S.|west] military base on its soil.", []string{"never allow* (away from the West)"}},
	// A refusal does not govern across a subordinate clause.
	{"[Tashkent|subject] protested when [Moscow|russia] signed the deal.", []string{"protested (away from Russia)", "signed (toward Russia)", "balance: Russia 1.00, the West 1.00"}},
	{"[Kyrgyzstan|subject] deepened its partnership with [NATO|west] despite [Moscow|russia]'s annoyance.",
		[]string{"deepen* (toward the West)", "partner* (toward the West)"}},
	{"Despite [Western|west] criticism, nothing changed in [Tashkent|subject].", []string{"criticis* (pressure from the West, conceded)"}},
	{"[Tashkent|subject] may join the [CSTO|russia].", []string{"join (toward Russia, hedged)"}},
	{"[Tashkent|subject] values its ties with [Moscow|russia] and [Washington|west] alike.", []string{"balance: alike"}},
	{"[Kyrgyz|subject] President [Japarov|subject] spent the weekend in [Moscow|russia].", []string{"co-mention (toward Russia)"}},
	{"Economic dependence on [Russia|russia] remains heavy.", []string{"dependen* (toward Russia)", "implied subject"}},
	{"[Tashkent|subject] signed the treaty with [Moscow|russia] on May 5.", []string{"signed (toward Russia)", "treaty (toward Russia)"}},
	{"The partnership between [Tashkent|subject] and [Washington|west] is fraying.", []string{"fray* (away from the West)"}},
	{"[Tashkent|subject] would never accept conditions attached to [Russian|russia] gas supplies.", []string{"never accept supplie* (away from Russia)"}},
}

func TestCues(t *testing.T) {
	lex := DefaultLexicon()
	for _, tt := range cueTests {
		in, _ := parseMarkup(tt.text)
		got := lex.Score(in.Text, in.Actors)
		if strings.Join(got.Cues, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Score(%q).Cues = %q, want %q", in.Text, got.Cues, tt.want)
		}
	}
}

// A hedge weakens a sentence's score but keeps its label.
func TestHedgeWeakens(t *testing.T) {
	lex := DefaultLexicon()
	plain, _ := parseMarkup("[Tashkent|subject] signed a defense cooperation agreement with [Moscow|russia].")
	hedged, _ := parseMarkup("[Tashkent|subject] may sign a defense cooperation agreement with [Moscow|russia].")
	p, h := lex.Score(plain.Text, plain.Actors), lex.Score(hedged.Text, hedged.Actors)
	if p.Stance != h.Stance || !(0 < h.Score && h.Score < p.Score) {
		t.Errorf("hedged %s %.3f, plain %s %.3f: want the same stance, hedged weaker", h.Stance, h.Score, p.Stance, p.Score)
	}
}

// carryTests are passages: the subject (and the poles) of a sentence that
// refers back carry over.
var carryTests = []struct {
	name    string
	passage []string
	want    []Stance
}{
	{"pronoun", []string{
		"[Mirziyoyev|subject] met [EU|west] Council President [Charles Michel|west] in Samarkand.",
		"He welcomed the signing of an enhanced partnership agreement.",
		"The weather was warm.",
	}, []Stance{West, West, None}},
	{"relational", []string{
		"[Japarov|subject] travelled to [Moscow|russia] for talks.",
		"Both sides agreed to expand cooperation in energy.",
	}, []Stance{Russia, Russia}},
	{"pronoun of a pole leader", []string{
		"[Putin|russia] spoke at length about the economy.",
		"He praised the cooperation of the two central banks.",
	}, []Stance{None, None}},
	{"the country", []string{
		"[Kyrgyzstan|subject] signed a gas deal with [China|other].",
		"With [American|west] help, the country built new border posts.",
	}, []Stance{None, West}},
	{"continuation", []string{
		"[Astana|subject] joined the [Customs Union|russia].",
		"[Moscow|russia] hailed the decision.",
		"[The Kremlin|russia] sent a delegation to the ceremony.",
		"Prices rose sharply last year.",
		"[Moscow|russia] hailed the decision.",
	}, []Stance{Russia, Russia, Russia, None, None}},
	{"continuation toward the same pole only", []string{
		"[Astana|subject] joined the [Customs Union|russia].",
		"[Washington|west] hailed the decision.",
	}, []Stance{Russia, None}},
	{"no continuation after none", []string{
		"[Astana|subject] raised interest rates.",
		"[Moscow|russia] hailed the decision.",
	}, []Stance{None, None}},
	{"a direction pointing back to a carried pole", []string{
		"[Kazakhstan|subject] relies on [Russia|russia] for its gas.",
		"It now seeks independence from it.",
	}, []Stance{Russia, West}},
	{"a back-reference to a pole's act", []string{
		"In May [Moscow|russia] invited Central Asian leaders to a conference on [Afghanistan|other].",
		"[Niyazov|subject] declined the invitation.",
	}, []Stance{None, West}},
	{"a back-reference with no pole to refer to", []string{
		"In May [Iran|other] invited Central Asian leaders to a conference on [Afghanistan|other].",
		"[Niyazov|subject] declined the invitation.",
	}, []Stance{None, None}},
	{"no antecedent", []string{
		"Prices rose sharply last year.",
		"It signed a cooperation agreement with [Russia|russia].",
	}, []Stance{None, None}},
}

func TestCarry(t *testing.T) {
	lex := DefaultLexicon()
	for _, tt := range carryTests {
		var in []Input
		for _, s := range tt.passage {
			x, _ := parseMarkup(s)
			in = append(in, x)
		}
		got := lex.Sentences(in)
		for i := range got {
			if got[i].Stance != tt.want[i] {
				t.Errorf("%s: Sentences()[%d] = %s %q, want %s", tt.name, i, got[i].Stance, got[i].Cues, tt.want[i])
			}
		}
	}
	// Off, the second sentence of "pronoun" has no subject.
	lex.Carry = false
	var in []Input
	for _, s := range carryTests[0].passage {
		x, _ := parseMarkup(s)
		in = append(in, x)
	}
	if got := lex.Sentences(in); got[1].Stance != None || got[1].Carried {
		t.Errorf("Carry off: Sentences()[1] = %s (carried %v), want none", got[1].Stance, got[1].Carried)
	}
}

// Poles can be any two blocs or entities: China against the United
// States, with China (bloc "other" in the knowledge base) named by ID.
const chinaUS = `[poles]
pole: china | label=China | ids=china
pole: us | label=the United States | ids=united-states
subject: subject
[toward]
cooperat*
loan*
[away]
refus*
`

func TestCustomPoles(t *testing.T) {
	lex, err := ParseLexicon("china-us.poles", chinaUS)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want Stance
	}{
		{"[Dushanbe|subject] took new loans from [Beijing|other|china].", "china"},
		{"[Dushanbe|subject] took new loans from [Xi Jinping|other|xi-jinping]'s government.", "china"},
		{"[Dushanbe|subject] refused loans from [Washington|west|united-states].", "china"},
		{"[Dushanbe|subject] expanded cooperation with [Moscow|russia].", None},
	}
	for _, tt := range tests {
		in, err := parseMarkup(tt.text)
		if err != nil {
			t.Fatal(err)
		}
		for i := range in.Actors {
			if in.Actors[i].ID == "xi-jinping" {
				in.Actors[i].Country = "china" // a person of pole China
			}
		}
		if got := lex.Score(in.Text, in.Actors); got.Stance != tt.want {
			t.Errorf("china-us: Score(%q) = %s %q, want %s", in.Text, got.Stance, got.Cues, tt.want)
		}
	}
}

// Offsets that do not fit the text are skipped, not trusted.
func TestScoreBadOffsets(t *testing.T) {
	lex := DefaultLexicon()
	text := "Uzbekistan signed an agreement with Russia."
	got := lex.Score(text, []Actor{
		{ID: "uzbekistan", Bloc: "subject", Start: 0, End: 10},
		{ID: "russia", Bloc: "russia", Start: 36, End: 99}, // past the end
		{ID: "x", Bloc: "west", Start: 5, End: 2},          // reversed
	})
	if got.Stance != None {
		t.Errorf("Score with bad offsets = %s %q, want none", got.Stance, got.Cues)
	}
}

func FuzzScore(f *testing.F) {
	f.Add("Uzbekistan would never allow a U.S. base, Karimov said.", 0, 10, 31, 35)
	f.Add("Despite Moscow’s annoyance, Astana joined NATO’s programme.", 28, 34, 42, 46)
	lex := DefaultLexicon()
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int) {
		actors := []Actor{{ID: "s", Bloc: "subject", Start: s1, End: e1}, {ID: "p", Bloc: "russia", Start: s2, End: e2}}
		got := lex.Sentences([]Input{{Text: text, Actors: actors}, {Text: text}})
		for _, s := range got {
			if math.IsNaN(s.Score) || math.Abs(s.Score) >= 1 {
				t.Fatalf("score %v out of (-1, 1)", s.Score)
			}
			if (s.Stance == None) != (s.Score == 0) {
				t.Fatalf("stance %s with score %v", s.Stance, s.Score)
			}
		}
	})
}

func BenchmarkSentences(b *testing.B) {
	lex := DefaultLexicon()
	var in []Input
	n := 0
	for _, p := range readHeldout(b, "heldout.tsv") {
		for _, s := range p {
			in = append(in, s.in)
			n += len(s.in.Text)
		}
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		lex.Sentences(in)
	}
}

// BenchmarkScore scores the held-out sentences one call each, as
// scripts/bench/profile does: a call must reuse the pooled scratch and its
// word cache, not build them anew (at 512 KiB a cache, that made Score
// some 14 times slower).
func BenchmarkScore(b *testing.B) {
	lex := DefaultLexicon()
	var in []Input
	for _, p := range readHeldout(b, "heldout.tsv") {
		for _, s := range p {
			in = append(in, s.in)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range in {
			lex.Score(s.Text, s.Actors)
		}
	}
}

// normalize's fast path returns what the general path does.
func FuzzNormalize(f *testing.F) {
	for _, w := range []string{"russia", "Russia’s", "-funded", "didn't", "csto2", "ABC", "straße", "'s", "a-b", ""} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := normalize(w), normalizeAny(w); got != want {
			t.Fatalf("normalize(%q) = %q, normalizeAny = %q", w, got, want)
		}
	})
}

// score's shortcut for a quiet sentence (no subject or pole actor after a
// context with nothing to carry) gives what the full analysis does: over
// the held-out sentences with every actor made a bystander, some spans
// invalid, after every quiet context.
func TestQuietMatchesScoreAll(t *testing.T) {
	lex := DefaultLexicon()
	quiet := []context{{lean: -1}, {lean: 0}, {lean: 1, agentSubject: true}}
	sc := new(scratch)
	n := 0
	for _, p := range readHeldout(t, "heldout.tsv") {
		for _, s := range p {
			actors := slices.Clone(s.in.Actors)
			for i := range actors {
				actors[i].Bloc, actors[i].Country = "other", ""
				if i%4 == 3 {
					actors[i].End = len(s.in.Text) + 1 // invalid: outside the text
				}
			}
			for _, prev := range quiet {
				if !prev.quiet() {
					t.Fatalf("context %+v is not quiet", prev)
				}
				got, gotNext := lex.score(s.in.Text, actors, prev, sc)
				roles := make([]role, len(actors))
				for i := range actors {
					roles[i] = lex.role(actors[i])
				}
				want, wantNext := lex.scoreAll(s.in.Text, actors, roles, prev, sc)
				if !reflect.DeepEqual(got, want) || gotNext != wantNext {
					t.Fatalf("%s:%d: score = %+v, %+v; scoreAll = %+v, %+v", s.file, s.line, got, gotNext, want, wantNext)
				}
				n++
			}
		}
	}
	if n == 0 {
		t.Fatal("no held-out sentences")
	}
}
