package sentence

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// splitTests each hold one tricky construct. Sentences are listed as they
// must come out; the constructs are the ones named in the task and the ones
// met in Eurasia Daily Monitor and Diplomatic Courier articles.
var splitTests = []struct {
	name string
	in   string
	want []string
}{
	{"plain", "Astana agreed. Moscow did not.", []string{"Astana agreed.", "Moscow did not."}},
	{"question and exclamation", "Why now? Nobody knows! It happened.", []string{"Why now?", "Nobody knows!", "It happened."}},
	{"U.S. before a name", "On October 5 U.S. Secretary of State Condoleezza Rice visited Astana.", []string{"On October 5 U.S. Secretary of State Condoleezza Rice visited Astana."}},
	{"U.S. at the end", "The base belongs to the U.S. The lease ends soon.", []string{"The base belongs to the U.S.", "The lease ends soon."}},
	{"U.K. and U.S.S.R.", "Talks with the U.K. Foreign Office and the former U.S.S.R. Ministry went on.", []string{"Talks with the U.K. Foreign Office and the former U.S.S.R. Ministry went on."}},
	{"Ph.D. before lower case", "Richard Rousseau, Ph.D. is a professor. He teaches.", []string{"Richard Rousseau, Ph.D. is a professor.", "He teaches."}},
	{"titles", "Dr. Smith met Mr. Jones, Gen. Petraeus and Lt. Col. Brown in St. Petersburg.", []string{"Dr. Smith met Mr. Jones, Gen. Petraeus and Lt. Col. Brown in St. Petersburg."}},
	{"No. before a digit", "Resolution No. 1244 was cited. No. It was not.", []string{"Resolution No. 1244 was cited.", "No.", "It was not."}},
	{"vs. e.g. i.e.", "Russia vs. China, e.g. Kazakhstan, i.e. Astana, matters.", []string{"Russia vs. China, e.g. Kazakhstan, i.e. Astana, matters."}},
	{"etc. not final", "Oil, gas, etc. are exported.", []string{"Oil, gas, etc. are exported."}},
	{"etc. final", "Oil, gas, uranium, etc. The list goes on.", []string{"Oil, gas, uranium, etc.", "The list goes on."}},
	{"month abbreviation", "It was signed on Jan. 5 and Sept. 12 in Astana.", []string{"It was signed on Jan. 5 and Sept. 12 in Astana."}},
	{"initials", "George W. Bush met J. Smith in Astana. They talked.", []string{"George W. Bush met J. Smith in Astana.", "They talked."}},
	{"decimals and percent", "The population is 16.3 million. Kazakhs made up 39.7% in 1989. Growth was 2.5 percent.", []string{"The population is 16.3 million.", "Kazakhs made up 39.7% in 1989.", "Growth was 2.5 percent."}},
	{"decimal comma", "Official statistics put the population of Kazakhstan at 16,3 million. It was estimated.", []string{"Official statistics put the population of Kazakhstan at 16,3 million.", "It was estimated."}},
	{"ellipsis mid sentence", "He said ... that Moscow ... Russia's partner agreed.", []string{"He said ... that Moscow ... Russia's partner agreed."}},
	{"ellipsis final", "And so it went… The talks ended.", []string{"And so it went…", "The talks ended."}},
	{"period inside closing quote", "They are “old Soviets.” But Moscow disagrees.", []string{"They are “old Soviets.”", "But Moscow disagrees."}},
	{"comma inside quote", "“It is very good,” he said. “He is young.”", []string{"“It is very good,” he said.", "“He is young.”"}},
	{"question inside quote then lower case", "“Why now?” he asked. Nobody answered.", []string{"“Why now?” he asked.", "Nobody answered."}},
	{"nested quotes", "“Nowadays it is fashionable to talk about ‘road maps.’ There is a road map,” Tazhin said.", []string{"“Nowadays it is fashionable to talk about ‘road maps.’", "There is a road map,” Tazhin said."}},
	{"citation in parentheses", "It will be fruitful (Kazakhstan Today News Agency, October 16). Tazhin agreed.", []string{"It will be fruitful (Kazakhstan Today News Agency, October 16).", "Tazhin agreed."}},
	{"citation after the period", "It is threatened by tension in Georgia. (Delovaya Nedelia, September 12). All signs agree.", []string{"It is threatened by tension in Georgia. (Delovaya Nedelia, September 12).", "All signs agree."}},
	{"citation after a quote", "“... stability in Eurasia.” (ITAR-TASS, May 22). Both leaders met.", []string{"“... stability in Eurasia.” (ITAR-TASS, May 22).", "Both leaders met."}},
	{"parenthesised sentence", "The talks ended. (Nobody was surprised.) Then they met.", []string{"The talks ended.", "(Nobody was surprised.)", "Then they met."}},
	{"unclosed parenthesis", "They discussed the Shanghai Cooperation Organization (SCO. A number of documents were signed.", []string{"They discussed the Shanghai Cooperation Organization (SCO.", "A number of documents were signed."}},
	{"colon closes a paragraph", "Lavrov offered support. Lavrov stated:\nWe confirm our readiness.", []string{"Lavrov offered support.", "Lavrov stated:", "We confirm our readiness."}},
	{"paragraph break without period", "A heading\n\nThe text starts here", []string{"A heading", "The text starts here"}},
	{"CRLF", "One.\r\nTwo.", []string{"One.", "Two."}},
	{"domain", "See www.politkom.ru for more. It says so.", []string{"See www.politkom.ru for more.", "It says so."}},
	{"domain in citation", "It was discussed (www.politkom.ru, Moscow, October 6). In reality it was not.", []string{"It was discussed (www.politkom.ru, Moscow, October 6).", "In reality it was not."}},
	{"missing space", "Kazakhstan joined the security.The talks ended.", []string{"Kazakhstan joined the security.", "The talks ended."}},
	{"list number", "1. The first point. 2. The second point.", []string{"1. The first point.", "2. The second point."}},
	{"year at sentence end", "It joined in 1994. NATO agreed.", []string{"It joined in 1994.", "NATO agreed."}},
	{"sentence opening with a quote", "Tasbulatov said so. “Our stance is categorical,” he asserted.", []string{"Tasbulatov said so.", "“Our stance is categorical,” he asserted."}},
	{"surrounding space", "  \t One.   Two.  ", []string{"One.", "Two."}},
	{"empty", "", nil},
	{"only space", " \n\n \t", nil},
}

func TestSplit(t *testing.T) {
	for _, tt := range splitTests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range Split(tt.in) {
				got = append(got, tt.in[s.Start:s.End])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
				t.Errorf("Split(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// checkSpans checks the invariants of Split's result.
func checkSpans(t *testing.T, text string, spans []Span) {
	t.Helper()
	prev := 0
	for _, s := range spans {
		if s.Start < prev || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("Split(%q): span %v out of order or empty (previous end %d)", text, s, prev)
		}
		r, _ := utf8.DecodeRuneInString(text[s.Start:s.End])
		l, _ := utf8.DecodeLastRuneInString(text[s.Start:s.End])
		if unicode.IsSpace(r) || unicode.IsSpace(l) {
			t.Fatalf("Split(%q): span %q not trimmed", text, text[s.Start:s.End])
		}
		prev = s.End
	}
}

func FuzzSplit(f *testing.F) {
	for _, tt := range splitTests {
		f.Add(tt.in)
	}
	f.Add("a. (b).\n\n(c.) d… e...\u2028f.” ‘g.’\xff. H")
	f.Fuzz(func(t *testing.T, text string) {
		checkSpans(t, text, Split(text))
	})
}

// indexLineBreak and indexTerminator agree with strings.IndexFunc on random
// text of ASCII, every line break and terminator, other runes and invalid
// bytes.
func TestIndexFastPaths(t *testing.T) {
	alphabet := []string{"a", " ", ".", "!", "?", "\n", "\r", "\v", "\f", "\u0085", "\u2028", "\u2029", "…", "‼", "。", "？", "é", "”", "\xff", "\xe2\x80"}
	rng := rand.New(rand.NewPCG(10, 10))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		checkIndexFastPaths(t, b.String())
	}
}

// lineBreaks and terminators hold every rune isLineBreak and isTerminator
// accept: the ASCII ones in ascii, the others by their first byte in leads.
func TestRuneSets(t *testing.T) {
	for _, set := range []*runeSet{&lineBreaks, &terminators} {
		for r := rune(0); r <= unicode.MaxRune; r++ {
			if !set.has(r) || !utf8.ValidRune(r) {
				continue
			}
			if r < utf8.RuneSelf && !strings.ContainsRune(set.ascii, r) ||
				r >= utf8.RuneSelf && strings.IndexByte(set.leads, string(r)[0]) < 0 {
				t.Errorf("set of %q misses %q", set.ascii, r)
			}
		}
	}
}

// checkIndexFastPaths holds indexLineBreak and indexTerminator to the
// strings.IndexFunc they replace, on s.
func checkIndexFastPaths(t *testing.T, s string) {
	t.Helper()
	i, size := indexLineBreak(s)
	want, wantSize := strings.IndexFunc(s, isLineBreak), 0
	if want >= 0 {
		_, wantSize = utf8.DecodeRuneInString(s[want:])
	}
	if i != want || size != wantSize {
		t.Fatalf("indexLineBreak(%q) = %d, %d, want %d, %d", s, i, size, want, wantSize)
	}
	if got, want := indexTerminator(s), strings.IndexFunc(s, isTerminator); got != want {
		t.Fatalf("indexTerminator(%q) = %d, want %d", s, got, want)
	}
}

func FuzzIndexFastPaths(f *testing.F) {
	f.Add("a.\n")
	f.Add("\xe2\u2028…\xe3\x80。\u0085？")
	f.Fuzz(checkIndexFastPaths)
}

// maxListed is the length of the longest word that listed and
// inlineAbbrev look up.
func TestMaxListed(t *testing.T) {
	longest := 0
	for _, set := range []map[string]bool{titles, inline, numbered, others} {
		for w := range set {
			longest = max(longest, len(w))
		}
	}
	if longest != maxListed {
		t.Fatalf("maxListed = %d, the longest word has %d bytes", maxListed, longest)
	}
}

// listed and inlineAbbrev agree with plain map lookups on random words of
// listed abbreviations, their parts, capitals and non-ASCII letters.
func TestListedFastPaths(t *testing.T) {
	parts := []string{"e", "g", ".", "E", "G", "vs", "VS", "op", " ", "cit", "Dr", "No", "Inc", "a", "Ж", "\u212a", "İ", "approx", "x"}
	rng := rand.New(rand.NewPCG(14, 14))
	hits := 0
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(5) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		w := b.String()
		if got, want := inlineAbbrev(w), inline[strings.ToLower(w)]; got != want {
			t.Fatalf("inlineAbbrev(%q) = %v, want %v", w, got, want)
		}
		for _, set := range []map[string]bool{titles, numbered, others} {
			if got, want := listed(set, w), set[w]; got != want {
				t.Fatalf("listed(%q) = %v, want %v", w, got, want)
			}
		}
		if inline[strings.ToLower(w)] {
			hits++
		}
	}
	if hits < 500 {
		t.Fatalf("only %d random words are inline abbreviations", hits)
	}
}

// wordStop is stopsWord on ASCII, and edgeSpace holds for every byte that
// unicode.IsSpace holds for or that starts or continues a multi-byte rune.
func TestByteTables(t *testing.T) {
	for c := range utf8.RuneSelf {
		if wordStop[c] != stopsWord(rune(c)) {
			t.Errorf("wordStop[%q] = %v", rune(c), wordStop[c])
		}
	}
	for c := range 256 {
		if want := c >= utf8.RuneSelf || unicode.IsSpace(rune(c)); edgeSpace(byte(c)) != want {
			t.Errorf("edgeSpace(%#x) = %v", c, !want)
		}
	}
}
