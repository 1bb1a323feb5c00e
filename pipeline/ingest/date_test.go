package ingest

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

var dateLineTests = []struct {
	in   string
	want string // "" when the line is not a date line
}{
	{"July 20, 2011", "2011-07-20"},
	{"20 July 2011", "2011-07-20"},
	{"2011-07-20", "2011-07-20"},
	{"2011-07-20T10:30:00Z", "2011-07-20"},
	{"July 2011", "2011-07-01"}, // a month alone gives its first day
	{"Wednesday, July 20, 2011", "2011-07-20"},
	{"Posted on Jul. 20th, 2011 at 10:30 am", "2011-07-20"},
	{"20.07.2011", "2011-07-20"},
	{"07/20/2011", "2011-07-20"}, // U.S. order
	{"20/07/2011", "2011-07-20"}, // day first when the first number exceeds 12
	{"JULY 20, 2011", "2011-07-20"},
	{"February 30, 2011", ""}, // no such day
	{"July 20", ""},           // no year: a cited date, not a date line
	{"On July 20, 2011, Nazarbayev spoke.", ""},
	{"July 20, 2011 – July 21, 2011", ""},
	{"2011", ""},
}

func TestDateLine(t *testing.T) {
	for _, tt := range dateLineTests {
		got, ok := dateLine(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("dateLine(%q) = %q, %v, want %q", tt.in, got, ok, tt.want)
		}
	}
}

var parseDateTests = []struct{ in, want string }{
	{"2008-03-03", "2008-03-03"},
	{"March 3, 2008", "2008-03-03"},
	{"3 March 2008", "2008-03-03"},
	{"Mon, 03 Mar 2008 10:00:00 GMT", "2008-03-03"},
	{"2008-03-03T09:00:00+06:00", "2008-03-03"},
	{"March 2008", "2008-03-01"},
	{"yesterday", ""},
	{"", ""},
}

func TestParseDate(t *testing.T) {
	for _, tt := range parseDateTests {
		if got, _ := parseDate(tt.in); got != tt.want {
			t.Errorf("parseDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

const edm = "Eurasia Daily Monitor"

var inferTests = []struct {
	name            string
	pub, vol, issue string
	paras           []string
	want            string
}{
	{"EDM: first weekday after the latest citation", edm, "5", "40",
		[]string{"He spoke (Krasnaya zvezda, February 22).", "He affirmed (Kazinform, March 1).", "Signed on October 6, 2007."},
		"2008-03-03"}, // March 1, 2008 was a Saturday
	{"EDM: citations outrank future events", edm, "5", "180",
		[]string{"It was said (Liter, September 13).", "He arrives on September 22.", "The conference opens on October 15."},
		"2008-09-15"},
	{"EDM: issue number as a lower bound", edm, "5", "40",
		[]string{"Nothing dated here (Interfax, January 3)."},
		"2008-02-25"}, // the 40th weekday of 2008
	{"EDM: yearless date far past the issue is ignored", edm, "5", "10",
		[]string{"Elections are due on December 20."},
		"2008-01-14"}, // the 10th weekday of 2008
	{"EDM volume 22 is 2025", edm, "22", "",
		[]string{"He spoke (TASS, May 5)."},
		"2025-05-06"},
	{"other publication: year of the latest full date, latest citation in it", "The Diplomat", "", "",
		[]string{"Signed on December 8, 2009.", "Agreed on March 3, 2010 (Reuters, March 4).", "Due on June 1."},
		"2010-03-04"},
	{"other publication: latest yearless date without citations", "", "", "",
		[]string{"Signed on May 25, 2001.", "Met on June 3 and June 7."},
		"2001-06-07"},
	{"bare years: plans are not counted", "", "", "",
		[]string{"Since 2006 it grew; by 2030 it will double.", "Exercises are scheduled for 2011.", "A 2007-2012 plan."},
		"2007-01-01"},
	{"no date at all", "", "", "",
		[]string{"Kazakhstan is Russia's partner."},
		""},
}

func TestInferDate(t *testing.T) {
	for _, tt := range inferTests {
		doc := &Document{Publication: tt.pub, Volume: tt.vol, Issue: tt.issue}
		if got := inferDate(doc, tt.paras); got != tt.want {
			t.Errorf("%s: inferDate(%q) = %q, want %q", tt.name, tt.paras, got, tt.want)
		}
	}
}

func TestNthWeekday(t *testing.T) {
	// January 1, 2008 was a Tuesday; January had 23 weekdays.
	for _, tt := range []struct {
		n    int
		want string
	}{{1, "2008-01-01"}, {4, "2008-01-04"}, {5, "2008-01-07"}, {23, "2008-01-31"}, {24, "2008-02-01"}} {
		if got := nthWeekday(2008, tt.n).Format(time.DateOnly); got != tt.want {
			t.Errorf("nthWeekday(2008, %d) = %s, want %s", tt.n, got, tt.want)
		}
	}
}

// monthNumber is monthOf by definition, on lower-case words: the number of
// the month a name or abbreviation names, or 0.
func monthNumber(name []byte) int {
	switch string(name) {
	case "january", "jan":
		return 1
	case "february", "feb":
		return 2
	case "march", "mar":
		return 3
	case "april", "apr":
		return 4
	case "may":
		return 5
	case "june", "jun":
		return 6
	case "july", "jul":
		return 7
	case "august", "aug":
		return 8
	case "september", "sep", "sept":
		return 9
	case "october", "oct":
		return 10
	case "november", "nov":
		return 11
	case "december", "dec":
		return 12
	}
	return 0
}

// monthOf knows every name and abbreviation, in any case, and nothing
// else: it agrees with monthNumber on the lower-cased word for the names,
// their prefixes and extensions, and random words from their letters.
func TestMonthOf(t *testing.T) {
	names := [][]string{
		{"january", "jan"}, {"february", "feb"}, {"march", "mar"}, {"april", "apr"},
		{"may"}, {"june", "jun"}, {"july", "jul"}, {"august", "aug"},
		{"september", "sep", "sept"}, {"october", "oct"}, {"november", "nov"}, {"december", "dec"},
	}
	for i, ns := range names {
		for _, n := range ns {
			for _, w := range []string{n, strings.ToUpper(n), strings.ToUpper(n[:1]) + n[1:]} {
				if got := monthOf(w); got != i+1 {
					t.Errorf("monthOf(%q) = %d, want %d", w, got, i+1)
				}
			}
		}
	}
	check := func(w string) {
		t.Helper()
		if got, want := monthOf(w), monthNumber([]byte(strings.ToLower(w))); got != want {
			t.Fatalf("monthOf(%q) = %d, want %d", w, got, want)
		}
	}
	for _, n := range []string{"", "ma", "mayor", "janu", "septembe", "septembers", "decembers", "Septs", "jANUARy"} {
		check(n)
	}
	for _, n := range monthNames {
		for k := range len(n) + 1 {
			check(n[:k])
			check(n[:k] + "x")
			check(n[:k] + "t")
		}
	}
	letters := "janfebmrpyulgsoctvdhJANSEPT"
	rng := rand.New(rand.NewPCG(11, 11))
	for range 50000 {
		b := make([]byte, rng.IntN(11))
		for i := range b {
			b[i] = letters[rng.IntN(len(letters))]
		}
		check(string(b))
	}
}

// The gates of scanDates turn away only windows its regexps reject: on
// random windows built from the pieces of dates, gateAfter lets through
// each of mdyAfter, yearAfter and mdAfter whenever it matches, and
// dayCanEnd is true whenever dayBefore matches.
func TestDateGates(t *testing.T) {
	parts := []string{" ", "  ", "\t", "\n", "\v", ".", ",", ", ", "of", "th", "st", "nd", "1", "20", "2011", "7", "123", "x", "July", "\u00a0", "é", ")", "_",
		" 20, 2011", " 5th 1999", ". 7th,2011", " 12 2011x"}
	rng := rand.New(rand.NewPCG(7, 7))
	matched, each := 0, [3]int{}
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(7) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		w := b.String()
		g := gateAfter(w)
		mdy, year, md := mdyAfter.MatchString(w), yearAfter.MatchString(w), mdAfter.MatchString(w)
		if mdy && !g.mdy || year && !g.year || md && !g.md {
			t.Fatalf("gateAfter(%q) = %+v, but mdyAfter, yearAfter, mdAfter match: %v, %v, %v", w, g, mdy, year, md)
		}
		after := mdy || year || md
		for k, m := range []bool{mdy, year, md} {
			if m {
				each[k]++
			}
		}
		before := dayBefore.MatchString(w)
		if before && !dayCanEnd(w) {
			t.Fatalf("dayCanEnd(%q) = false, but dayBefore matches", w)
		}
		if after || before {
			matched++
		}
	}
	if matched < 1000 || min(each[0], each[1], each[2]) < 100 {
		t.Fatalf("only %d windows match a pattern; mdyAfter, yearAfter, mdAfter match %v", matched, each)
	}
}

// nthWeekday agrees with stepping through the calendar a day at a time, for
// every issue number of the years the Eurasia Daily Monitor may carry.
func TestNthWeekdayCalendar(t *testing.T) {
	for year := edmFirstYear; year <= maxPlausible; year++ {
		day, n := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC), 0
		for range 366 {
			if wd := day.Weekday(); wd != time.Saturday && wd != time.Sunday {
				n++
				if got := nthWeekday(year, n); !got.Equal(day) {
					t.Fatalf("nthWeekday(%d, %d) = %s, want %s", year, n, got.Format(time.DateOnly), day.Format(time.DateOnly))
				}
			}
			day = day.AddDate(0, 0, 1)
		}
	}
}

// monthWords returns every whole word of s that names a month, in any
// case: what dateMonthWords returns before it leaves out the words far
// from digits.
func monthWords(s string) []monthWord {
	var out []monthWord
	for i := 0; i < len(s); {
		if !asciiLetter(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && asciiLetter(s[j]) {
			j++
		}
		if (i == 0 || !wordByte(s[i-1])) && (j == len(s) || !wordByte(s[j])) {
			if m := monthOf(s[i:j]); m > 0 {
				out = append(out, monthWord{m, i, j})
			}
		}
		i = j
	}
	return out
}

// checkDateMonthWords fails unless dateMonthWords(s) is a subsequence of
// monthWords(s) that holds every word the gates of scanDates let through.
func checkDateMonthWords(t *testing.T, s string) (gated int) {
	t.Helper()
	got := dateMonthWords(s)
	k := 0
	for _, w := range monthWords(s) {
		before, after := windows(s, w)
		need := gateAfter(after).any() || dayCanEnd(before)
		if need {
			gated++
		}
		if k < len(got) && got[k] == w {
			k++
		} else if need {
			t.Fatalf("dateMonthWords(%q) = %v misses %v", s, got, w)
		}
	}
	if k != len(got) {
		t.Fatalf("dateMonthWords(%q) = %v, not a subsequence of %v", s, got, monthWords(s))
	}
	return gated
}

// dateMonthWords finds every month word the date patterns are tried
// around, on random text of the pieces of dates and the paragraphs of the
// seed and test articles.
func TestDateMonthWords(t *testing.T) {
	parts := []string{" ", "  ", "\t", "\n", ".", ",", ", ", "(", ")", "of", "th", "1", "20", "2011", "123",
		"x", "July", "jul", "Sept", "MAY", "may", "é", "_", "march", strings.Repeat("word ", 5),
		strings.Repeat(" ", 20), strings.Repeat(".", 21), "abcdefghijklmnopqrstuv"}
	rng := rand.New(rand.NewPCG(15, 15))
	gated := 0
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(14) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		gated += checkDateMonthWords(t, b.String())
	}
	if gated < 2000 {
		t.Fatalf("only %d month words are tried", gated)
	}
	for _, f := range corpusFiles(t) {
		checkDateMonthWords(t, string(f.data))
	}
}

func FuzzDateMonthWords(f *testing.F) {
	f.Add("On 20 July, 2011 and (Interfax, March 1). May 2030, Sept. 3")
	f.Add("20th of January1 jan 2, 3 dec")
	f.Fuzz(func(t *testing.T, s string) {
		checkDateMonthWords(t, s)
	})
}
