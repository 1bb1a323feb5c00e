package ingest

import (
	"errors"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"
)

// A paragraph of body text used where only the metadata matters.
const body = "Kazakhstan and Russia are in the final stages of planning large-scale training of their air defense forces."

var parseTests = []struct {
	name     string
	in       string
	title    string
	pub      string
	author   string
	date     string
	inferred bool
	meta     map[string]string // checked when not nil
	paras    []string
	drops    []Drop
}{
	{
		name:     "several keys on one header line",
		in:       "Publication: Eurasia Daily Monitor Volume: 5 Issue: 40\n\n" + body + " (Kazinform, March 1).",
		pub:      "Eurasia Daily Monitor",
		date:     "2008-03-03", // Volume 5 = 2008; the first weekday after Saturday March 1
		meta:     map[string]string{"Publication": "Eurasia Daily Monitor", "Volume": "5", "Issue": "40"},
		paras:    []string{body + " (Kazinform, March 1)."},
		drops:    []Drop{{"Publication: Eurasia Daily Monitor Volume: 5 Issue: 40", ReasonHeader}},
		inferred: true,
	},
	{
		name: "header lines, keys in any case, unknown key after a known one",
		in: "title: Kazakhstan Between Moscow and Washington\nDATE: 2011-07-20\nAuthor: By Jane Doe\n" +
			"URL: https://example.org/a?b=c\nLicense: CC BY 4.0\nSource: Jamestown\nTags: CSTO, NATO\n\n" + body,
		title:  "Kazakhstan Between Moscow and Washington",
		author: "Jane Doe",
		date:   "2011-07-20",
		meta: map[string]string{"title": "Kazakhstan Between Moscow and Washington", "DATE": "2011-07-20",
			"Author": "By Jane Doe", "URL": "https://example.org/a?b=c", "License": "CC BY 4.0",
			"Source": "Jamestown", "Tags": "CSTO, NATO"},
		paras: []string{body},
		drops: []Drop{
			{"title: Kazakhstan Between Moscow and Washington", ReasonHeader}, {"DATE: 2011-07-20", ReasonHeader},
			{"Author: By Jane Doe", ReasonHeader}, {"URL: https://example.org/a?b=c", ReasonHeader},
			{"License: CC BY 4.0", ReasonHeader}, {"Source: Jamestown", ReasonHeader}, {"Tags: CSTO, NATO", ReasonHeader},
		},
	},
	{
		name:  "header date in RFC 1123 form, blank line inside the header",
		in:    "Title: A Visit to Astana\n\nDate: Mon, 03 Mar 2008 10:00:00 GMT\n\n" + body,
		title: "A Visit to Astana",
		date:  "2008-03-03",
		meta:  map[string]string{"Title": "A Visit to Astana", "Date": "Mon, 03 Mar 2008 10:00:00 GMT"},
		paras: []string{body},
		drops: []Drop{{"Title: A Visit to Astana", ReasonHeader}, {"Date: Mon, 03 Mar 2008 10:00:00 GMT", ReasonHeader}},
	},
	{
		name:  "a body line with a colon is not a header",
		in:    "Washington: the talks went on.\n" + body,
		meta:  map[string]string{},
		paras: []string{"Washington: the talks went on.", body},
	},
	{
		name:  "front matter",
		in:    "---\ntitle: Energy Politics\ndate: 20 July 2011\nlayout: post\n---\n" + body,
		title: "Energy Politics", date: "2011-07-20",
		meta:  map[string]string{"title": "Energy Politics", "date": "20 July 2011", "layout": "post"},
		paras: []string{body},
		drops: []Drop{{"---", ReasonHeader}, {"title: Energy Politics", ReasonHeader}, {"date: 20 July 2011", ReasonHeader},
			{"layout: post", ReasonHeader}, {"---", ReasonHeader}},
	},
	{
		name:  "header-less title and date line after a stray period",
		in:    ".\n\nKazakhstan's Strategic and Military Relations with Russia\n\nJuly 20, 2011\n\n" + body,
		title: "Kazakhstan's Strategic and Military Relations with Russia",
		date:  "2011-07-20",
		paras: []string{body},
		drops: []Drop{{".", ReasonStray}, {"Kazakhstan's Strategic and Military Relations with Russia", ReasonTitle},
			{"July 20, 2011", ReasonDateLine}},
	},
	{
		name:  "date line forms: weekday and time, day first",
		in:    "Wednesday, 20 July 2011 10:30 GMT\n\n" + body,
		date:  "2011-07-20",
		paras: []string{body},
		drops: []Drop{{"Wednesday, 20 July 2011 10:30 GMT", ReasonDateLine}},
	},
	{
		name:  "date line with month and year only, byline",
		in:    "Russia's Return to Central Asia\nBy Roger McDermott\nPublished: July 2011\n" + body,
		title: "Russia's Return to Central Asia", author: "Roger McDermott",
		date:  "2011-07-01", // a month alone gives its first day
		paras: []string{body},
		drops: []Drop{{"Russia's Return to Central Asia", ReasonTitle}, {"By Roger McDermott", ReasonByline},
			{"Published: July 2011", ReasonDateLine}},
	},
	{
		name:  "credit lines of a news agency",
		in:    "Title: Border talks\n\n" + body + "\n\nReporting by Dilnoza Yusupova in Dushanbe; editing by Mark Heinrich\n\nAdditional reporting by RFE/RL’s Kyrgyz Service.\n",
		title: "Border talks",
		paras: []string{body},
		drops: []Drop{{"Title: Border talks", ReasonHeader}, {"Reporting by Dilnoza Yusupova in Dushanbe; editing by Mark Heinrich", ReasonCredit},
			{"Additional reporting by RFE/RL’s Kyrgyz Service.", ReasonCredit}},
	},
	{
		name: "author block, disclaimer, tagline, address",
		in: body + "\n\nRichard Rousseau, Ph.D. is a professor of international relations at the Azerbaijan Diplomatic Academy.\n\n" +
			"About\nRichard Rousseau\n:\nRichard Rousseau, Ph.D. is an international relations expert. He was formerly a professor.\n" +
			"The views presented in this article are the author’s own and do not necessarily represent the views of any other organization.\n\n" +
			"a global affairs media network\n\nwww.diplomaticourier.com\n",
		author: "Richard Rousseau",
		paras:  []string{body},
		drops: []Drop{
			{"Richard Rousseau, Ph.D. is a professor of international relations at the Azerbaijan Diplomatic Academy.", ReasonBio},
			{"About", ReasonBio}, {"Richard Rousseau", ReasonBio}, {":", ReasonBio},
			{"Richard Rousseau, Ph.D. is an international relations expert. He was formerly a professor.", ReasonBio},
			{"The views presented in this article are the author’s own and do not necessarily represent the views of any other organization.", ReasonDisclaimer},
			{"a global affairs media network", ReasonTagline}, {"www.diplomaticourier.com", ReasonURL},
		},
	},
	{
		name: "web page furniture",
		in: "Share this article\nPrint\nImage: Nursultan Nazarbayev in Moscow (Kremlin.ru)\n" + body +
			"\nClick here to subscribe to the Eurasia Daily Monitor.\nRelated\nTags: Kazakhstan, Russia, CSTO\n© 2024 The Jamestown Foundation. All rights reserved.\nhttps://jamestown.org/program/x/\n",
		paras: []string{body},
		drops: []Drop{{"Share this article", ReasonShare}, {"Print", ReasonNavigation},
			{"Image: Nursultan Nazarbayev in Moscow (Kremlin.ru)", ReasonCaption},
			{"Click here to subscribe to the Eurasia Daily Monitor.", ReasonShare}, {"Related", ReasonNavigation},
			{"Tags: Kazakhstan, Russia, CSTO", ReasonShare},
			{"© 2024 The Jamestown Foundation. All rights reserved.", ReasonCopyright},
			{"https://jamestown.org/program/x/", ReasonURL}},
	},
	{
		name: "body sentences that start like boilerplate stay",
		in: "About 25% of the population is ethnic Russian.\nBy 2030 Kazakhstan plans to join the top 30 economies.\n" +
			"Related talks were held in Astana.\nSubscribers to Kazakh television saw the visit.\n" +
			"Bulat Sultanov is director of the Institute of Strategic Studies.\n" + body,
		paras: []string{"About 25% of the population is ethnic Russian.", "By 2030 Kazakhstan plans to join the top 30 economies.",
			"Related talks were held in Astana.", "Subscribers to Kazakh television saw the visit.",
			"Bulat Sultanov is director of the Institute of Strategic Studies.", body},
		// no date: the only year, "by 2030", announces a plan
	},
	{
		name: "duplicates after folding quotes and spaces; the first copy stays",
		in: "“Russia is the guarantor,” he said.\n\n" + body + "\n\nThe Diplomatic Courier\n\n\"Russia  is the guarantor,\" he said.\n\n" +
			strings.ToUpper(body[:1]) + body[1:],
		paras: []string{"“Russia is the guarantor,” he said.", body, "The Diplomatic Courier"},
		drops: []Drop{{"\"Russia is the guarantor,\" he said.", ReasonDuplicate}, {body, ReasonDuplicate}},
	},
	{
		name:  "hard-wrapped paragraphs are joined",
		in:    "Kazakhstan and Russia are in the final stages of planning large-scale\ntraining of their air defense forces. Shield-2008 will be held in\nwestern Kazakhstan as a joint air defense exercise, intended to deter\nair raids and missile attacks on either country. It is a Kazakh-\nRussian drill.\n\nThe planned exercises are another indication of the growing security\nrelationship between Astana and Moscow that appears increasingly\ndominated by a Russian agenda.\n",
		paras: []string{"Kazakhstan and Russia are in the final stages of planning large-scale training of their air defense forces. Shield-2008 will be held in western Kazakhstan as a joint air defense exercise, intended to deter air raids and missile attacks on either country. It is a Kazakh-Russian drill.", "The planned exercises are another indication of the growing security relationship between Astana and Moscow that appears increasingly dominated by a Russian agenda."},
	},
	{
		name:  "single newlines separate paragraphs; tabs, no-break and repeated spaces collapse",
		in:    "First  paragraph\there.\r\nSecond\u00a0paragraph\u200b here.\rThird paragraph here.",
		paras: []string{"First paragraph here.", "Second paragraph here.", "Third paragraph here."},
	},
}

func TestParse(t *testing.T) {
	for _, tt := range parseTests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("dir/x.txt", []byte(tt.in))
			if err != nil {
				t.Fatalf("Parse(%q) error %v", tt.in, err)
			}
			var paras []string
			for _, p := range d.Paragraphs {
				paras = append(paras, p.Text)
				if d.Body[p.Start:p.Start+len(p.Text)] != p.Text {
					t.Errorf("Paragraph %q not at Body[%d:]", p.Text, p.Start)
				}
			}
			if !slices.Equal(paras, tt.paras) {
				t.Errorf("Parse(%q).Paragraphs = %q, want %q", tt.in, paras, tt.paras)
			}
			if d.Body != strings.Join(tt.paras, "\n\n") {
				t.Errorf("Parse(%q).Body = %q", tt.in, d.Body)
			}
			if !slices.Equal(d.Dropped, tt.drops) {
				t.Errorf("Parse(%q).Dropped = %q, want %q", tt.in, d.Dropped, tt.drops)
			}
			if d.Title != tt.title || d.Author != tt.author || d.Publication != tt.pub {
				t.Errorf("Parse(%q) title, author, publication = %q, %q, %q, want %q, %q, %q",
					tt.in, d.Title, d.Author, d.Publication, tt.title, tt.author, tt.pub)
			}
			if d.Date != tt.date || d.DateInferred != tt.inferred {
				t.Errorf("Parse(%q) date = %q (inferred %v), want %q (%v)", tt.in, d.Date, d.DateInferred, tt.date, tt.inferred)
			}
			if tt.meta != nil && !mapsEqual(d.Meta, tt.meta) {
				t.Errorf("Parse(%q).Meta = %v, want %v", tt.in, d.Meta, tt.meta)
			}
			if d.ID != "x" || d.Name != "dir/x.txt" {
				t.Errorf("Parse ID, Name = %q, %q, want x, dir/x.txt", d.ID, d.Name)
			}
		})
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func utf16Bytes(s string, bigEndian bool) []byte {
	var out []byte
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

var encodingTests = []struct {
	name string
	in   []byte
}{
	{"UTF-8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, "Astana’s view.\n"...)},
	{"UTF-16LE with BOM", append([]byte{0xFF, 0xFE}, utf16Bytes("Astana’s view.\r\n", false)...)},
	{"UTF-16BE with BOM", append([]byte{0xFE, 0xFF}, utf16Bytes("Astana’s view.\r\n", true)...)},
	{"UTF-16LE without BOM", utf16Bytes("Astana’s view.\n", false)},
}

func TestParseEncoding(t *testing.T) {
	for _, tt := range encodingTests {
		d, err := Parse(tt.name, tt.in)
		if err != nil || d.Body != "Astana’s view." {
			t.Errorf("Parse(%s) = %q, %v, want %q", tt.name, d.Body, err, "Astana’s view.")
		}
	}
}

var errorTests = []struct {
	name string
	in   string
	want error
	msg  string // the whole error message, when it matters
}{
	{"empty", "", ErrEmpty, "f.txt: ingest: empty file"},
	{"white space only", " \n\t\r\n", ErrEmpty, ""},
	{"BOM only", "\xEF\xBB\xBF", ErrEmpty, ""},
	{"NUL byte", "Astana\x00Moscow", ErrBinary, "f.txt: ingest: binary content"},
	{"control characters", strings.Repeat("ab\x01\x02", 10), ErrBinary, ""},
	{"invalid UTF-8", "Astana \xe9t\xe9", ErrInvalidUTF8, "f.txt: byte 7: ingest: invalid UTF-8"},
	{"header only", "Publication: Eurasia Daily Monitor Volume: 5 Issue: 40\n", ErrNoBody, "f.txt: ingest: no body"},
	{"boilerplate only", "About\nJane Doe\n:\nwww.example.com\n© 2011 Example\n.\n", ErrNoBody, ""},
}

func TestParseErrors(t *testing.T) {
	for _, tt := range errorTests {
		d, err := Parse("f.txt", []byte(tt.in))
		if !errors.Is(err, tt.want) || d != nil {
			t.Errorf("Parse(%q) = %v, %v, want error %v", tt.in, d, err, tt.want)
			continue
		}
		if tt.msg != "" && err.Error() != tt.msg {
			t.Errorf("Parse(%q) error %q, want %q", tt.in, err, tt.msg)
		}
	}
}

var idTests = []struct{ in, want string }{
	{"seeds/003_c804600b21ead0ac.txt", "003_c804600b21ead0ac"},
	{"/abs/path/a.TXT", "a"},
	{"noext", "noext"},
	{"dir/report.md", "report.md"},
	{`dir\win.txt`, `win`}, // a Windows path on any system
}

func TestID(t *testing.T) {
	for _, tt := range idTests {
		if got := id(tt.in); got != tt.want {
			t.Errorf("id(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// copyright agrees with the single regexp it replaces, on random text
// built from the pieces of copyright lines in odd cases and spellings, and
// the letters of "right" fold to no runes beyond their ASCII cases, as its
// pre-check assumes.
func TestCopyright(t *testing.T) {
	for _, c := range "right" {
		for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
			if f != unicode.ToUpper(c) {
				t.Fatalf("%q folds to %q", c, f)
			}
		}
	}
	oneRe := regexp.MustCompile(`(?i)^(©|\(c\)\s*(19|20)\d\d|copyright\b)|all rights reserved|^reprinted with permission\b`)
	parts := []string{"All Rights Reserved", "all rights reſerved", "ALL RIGHTS", " reserved", "right", "©", "(c) 2011", "(C)1999", "Copyright", "copyrights", "Reprinted with permission", "x", " ", "."}
	rng := rand.New(rand.NewPCG(9, 9))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(5) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		if got, want := copyright(b.String()), oneRe.MatchString(b.String()); got != want {
			t.Fatalf("copyright(%q) = %v, want %v", b.String(), got, want)
		}
	}
}
