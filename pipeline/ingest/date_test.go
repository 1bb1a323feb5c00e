package ingest

import (
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
