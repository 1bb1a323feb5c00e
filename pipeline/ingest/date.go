package ingest

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Year range accepted for dates written out in full, and for bare years in
// the last-resort inference (the tool reads articles from 1991 on).
const (
	minYear        = 1900
	maxYear        = 2100
	minPlausible   = 1990
	maxPlausible   = 2030
	edmFirstYear   = 2004 // Eurasia Daily Monitor, Volume 1 = 2004
	edmFutureLimit = 60   // days a yearless "Month D" may lie after the issue estimate
	monthWindow    = 24   // bytes around a month name that its date may span: "20th of |", "|., 20th, 2011"
)

var (
	// The month forms are matched around each month name found by
	// dateMonthWords: the patterns below are anchored at the name's end or
	// start, which is many times faster than case-folded searches over a
	// whole paragraph.
	mdyAfter  = regexp.MustCompile(`^\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:\s*,\s*|\s+)(\d{4})\b`) // "July| 20, 2011"
	mdAfter   = regexp.MustCompile(`^\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b`)                       // "July| 20"
	yearAfter = regexp.MustCompile(`^\.?,?\s+(\d{4})\b`)                                       // "July| 2011", "20 July| 2011"
	dayBefore = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?$`)                // "20 |July"

	isoRe   = regexp.MustCompile(`\b(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:T\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b`)
	dotRe   = regexp.MustCompile(`\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b`)
	slashRe = regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})/(\d{4})\b`)
	yearRe  = regexp.MustCompile(`\b(\d{4})\b`)

	// dateNoise is what a date line may carry besides the date: a weekday,
	// "Published", "Updated", a time, a time zone, punctuation.
	dateNoise = regexp.MustCompile(`(?i)\b(published|posted|updated|last|modified|on|at|date|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun|am|pm|a\.m\.|p\.m\.|utc|gmt|est|edt|cet|cest|msk|bst)\b|\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?|t\d{2}:\d{2}\S*|[+-]\d{2}:?\d{2}\b|z\b|[\pP\pS\s]+`)

	// prospective words before a bare year mark a plan, not the present:
	// "by 2030", "scheduled for 2011".
	prospectiveRe = regexp.MustCompile(`(?i)\b(by|until|till|through|before|to|toward|towards|for)\s*$`)
)

// monthNames are the full names of the months, lower case, January first.
var monthNames = [...]string{"january", "february", "march", "april", "may", "june",
	"july", "august", "september", "october", "november", "december"}

// monthOf returns the number of the month that w, ASCII letters in any
// case, names in full or by its three-letter abbreviation (or "sept"), or
// 0. The first three letters pick the one month w can name.
func monthOf(w string) int {
	if len(w) < 3 || len(w) > len("september") {
		return 0
	}
	m := monthByPrefix(w[0]|0x20, w[1]|0x20, w[2]|0x20)
	switch {
	case m == 0:
		return 0
	case len(w) == 3:
		return m
	case m == 9 && len(w) == 4:
		if w[3]|0x20 == 't' { // "sept"
			return m
		}
		return 0
	}
	if full := monthNames[m-1]; len(w) == len(full) && equalFoldLetters(w[3:], full[3:]) {
		return m
	}
	return 0
}

// monthByPrefix returns the number of the month whose name starts with
// the lower-case letters a, b, c, or 0.
func monthByPrefix(a, b, c byte) int {
	switch uint32(a)<<16 | uint32(b)<<8 | uint32(c) { // integer cases: a quick search
	case 'j'<<16 | 'a'<<8 | 'n':
		return 1
	case 'f'<<16 | 'e'<<8 | 'b':
		return 2
	case 'm'<<16 | 'a'<<8 | 'r':
		return 3
	case 'a'<<16 | 'p'<<8 | 'r':
		return 4
	case 'm'<<16 | 'a'<<8 | 'y':
		return 5
	case 'j'<<16 | 'u'<<8 | 'n':
		return 6
	case 'j'<<16 | 'u'<<8 | 'l':
		return 7
	case 'a'<<16 | 'u'<<8 | 'g':
		return 8
	case 's'<<16 | 'e'<<8 | 'p':
		return 9
	case 'o'<<16 | 'c'<<8 | 't':
		return 10
	case 'n'<<16 | 'o'<<8 | 'v':
		return 11
	case 'd'<<16 | 'e'<<8 | 'c':
		return 12
	}
	return 0
}

// equalFoldLetters reports whether w, ASCII letters in any case, spells
// lower, ASCII letters in lower case.
func equalFoldLetters(w, lower string) bool {
	for i := range len(w) {
		if w[i]|0x20 != lower[i] {
			return false
		}
	}
	return true
}

// monthWord is a month name in a text: its number and byte range.
type monthWord struct{ m, start, end int }

// windows returns the text before and after a month word of s that a date
// built around it may span.
func windows(s string, w monthWord) (before, after string) {
	return s[max(0, w.start-monthWindow):w.start], s[w.end:min(len(s), w.end+monthWindow)]
}

// dateMonthWords returns the month words of s that a date may be built
// around, in text order: a subsequence of monthWords(s) that holds every
// word for which gateAfter or dayCanEnd lets a pattern be tried. Both need
// a digit near the word, and a text has far fewer digits than words, so
// only the words near digits are looked at:
//   - gateAfter needs a run of digits that starts less than monthWindow
//     bytes after the word, with only periods, commas and white space
//     between: the word ends where those, skipped back from the run,
//     stop;
//   - dayCanEnd needs a digit in the monthWindow bytes before the word,
//     which starts after the digit's run (the byte before a word is no
//     digit) and so less than monthWindow bytes after the run ends.
func dateMonthWords(s string) []monthWord {
	var out []monthWord
	for i := 0; i < len(s); {
		a := indexDigit(s, i)
		if a < 0 {
			break
		}
		b := a + 1
		for b < len(s) && isDigit(s[b]) {
			b++
		}
		// The word before the run, for gateAfter.
		end := a
		for end > 0 && a-end < monthWindow && (s[end-1] == '.' || s[end-1] == ',' || reSpace(s[end-1])) {
			end--
		}
		start := end
		for start > 0 && asciiLetter(s[start-1]) {
			start--
		}
		if start < end && a-end < monthWindow {
			out = appendMonthWord(out, s, start, end)
		}
		// The words that start after the run, for dayCanEnd.
		for j := b; j < len(s) && j < b+monthWindow; j++ {
			if asciiLetter(s[j]) && !wordByte(s[j-1]) {
				e := j + 1
				for e < len(s) && asciiLetter(s[e]) {
					e++
				}
				out = appendMonthWord(out, s, j, e)
				j = e
			}
		}
		i = b
	}
	// The words after one run may come after the word before the next.
	slices.SortFunc(out, func(x, y monthWord) int { return x.start - y.start })
	return slices.Compact(out)
}

// appendMonthWord appends s[start:end], a run of ASCII letters, if it is a
// whole word that names a month.
func appendMonthWord(out []monthWord, s string, start, end int) []monthWord {
	if (start > 0 && wordByte(s[start-1])) || (end < len(s) && wordByte(s[end])) {
		return out
	}
	if m := monthOf(s[start:end]); m > 0 {
		out = append(out, monthWord{m, start, end})
	}
	return out
}

// indexDigit returns the index of the first ASCII digit in s from i on, or
// -1.
func indexDigit(s string, i int) int {
	for ; i < len(s); i++ {
		if isDigit(s[i]) {
			return i
		}
	}
	return -1
}

func asciiLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// wordByte reports whether c continues a word: an ASCII letter or digit,
// or a byte of a multi-byte character (a conservative choice).
func wordByte(c byte) bool { return asciiLetter(c) || isDigit(c) || c >= 0x80 }

// dateKind says how much of a date the text spells out.
type dateKind int

const (
	fullDate  dateKind = iota // "July 20, 2011", "20 July 2011", "2011-07-20"
	monthYear                 // "July 2011"
	monthDay                  // "July 20"
)

// dateHit is one date found in a text.
type dateHit struct {
	kind       dateKind
	y, m, d    int // y is 0 for monthDay, d is 0 for monthYear
	start, end int
}

// scanDates returns the dates in s in text order. Numeric dates are found
// first; around a month name the forms are tried from the fullest ("July
// 20, 2011", "20 July 2011") to month and year, then month and day, and the
// first valid one that overlaps no earlier date wins.
func scanDates(s string) []dateHit {
	var hits []dateHit
	// taken reports whether s[a:b] overlaps a hit; a text cites few dates.
	taken := func(a, b int) bool {
		return slices.ContainsFunc(hits, func(h dateHit) bool { return h.start < b && a < h.end })
	}
	add := func(re *regexp.Regexp, kind dateKind, parse func(m []string) (y, mo, d int)) {
		if !digitSep(s, re) {
			return
		}
		for _, loc := range re.FindAllStringSubmatchIndex(s, -1) {
			if taken(loc[0], loc[1]) {
				continue
			}
			m := make([]string, len(loc)/2)
			for i := range m {
				if loc[2*i] >= 0 {
					m[i] = s[loc[2*i]:loc[2*i+1]]
				}
			}
			y, mo, d := parse(m)
			if !validDate(kind, y, mo, d) {
				continue
			}
			hits = append(hits, dateHit{kind: kind, y: y, m: mo, d: d, start: loc[0], end: loc[1]})
		}
	}
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	add(isoRe, fullDate, func(m []string) (int, int, int) { return atoi(m[1]), atoi(m[2]), atoi(m[3]) })
	add(dotRe, fullDate, func(m []string) (int, int, int) { return atoi(m[3]), atoi(m[2]), atoi(m[1]) })
	add(slashRe, fullDate, func(m []string) (int, int, int) {
		a, b := atoi(m[1]), atoi(m[2])
		if a > 12 { // 20/07/2011: day first; otherwise the U.S. order
			return atoi(m[3]), b, a
		}
		return atoi(m[3]), a, b
	})
	for _, w := range dateMonthWords(s) {
		before, after := windows(s, w)
		// match reports the groups of re in window, anchored at the month
		// name, if the match does not end or start inside a word of s.
		match := func(re *regexp.Regexp, window string, off int) []int {
			loc := re.FindStringSubmatchIndex(window)
			if loc == nil {
				return nil
			}
			if start, end := off+loc[0], off+loc[1]; (start > 0 && start < w.start && wordByte(s[start-1])) ||
				(end < len(s) && end > w.end && wordByte(s[end])) {
				return nil
			}
			return loc
		}
		// The patterns cannot match without a digit where the gates look:
		// most month names ("may", "march" as words) skip the regexps.
		var day, mdy, year, md []int
		if dayCanEnd(before) {
			day = match(dayBefore, before, w.start-len(before))
		}
		if g := gateAfter(after); g.any() {
			if g.mdy {
				mdy = match(mdyAfter, after, w.end)
			}
			if g.year {
				year = match(yearAfter, after, w.end)
			}
			if g.md {
				md = match(mdAfter, after, w.end)
			}
		}
		try := make([]dateHit, 0, 5)
		if mdy != nil {
			try = append(try, dateHit{fullDate, atoi(after[mdy[4]:mdy[5]]), w.m, atoi(after[mdy[2]:mdy[3]]), w.start, w.end + mdy[1]})
		}
		if year != nil && day != nil {
			try = append(try, dateHit{fullDate, atoi(after[year[2]:year[3]]), w.m, atoi(before[day[2]:day[3]]), w.start - len(before) + day[0], w.end + year[1]})
		}
		if year != nil {
			try = append(try, dateHit{monthYear, atoi(after[year[2]:year[3]]), w.m, 0, w.start, w.end + year[1]})
		}
		if md != nil {
			try = append(try, dateHit{monthDay, 0, w.m, atoi(after[md[2]:md[3]]), w.start, w.end + md[1]})
		}
		if day != nil {
			try = append(try, dateHit{monthDay, 0, w.m, atoi(before[day[2]:day[3]]), w.start - len(before) + day[0], w.end})
		}
		for _, h := range try {
			if validDate(h.kind, h.y, h.m, h.d) && !taken(h.start, h.end) {
				hits = append(hits, h)
				break
			}
		}
	}
	slices.SortFunc(hits, func(a, b dateHit) int { return a.start - b.start })
	return hits
}

// afterGate says which of the patterns that follow a month name can match
// the text after it.
type afterGate struct{ mdy, year, md bool }

func (g afterGate) any() bool { return g.mdy || g.year || g.md }

// gateAfter looks at after, the text after a month name, for what
// mdyAfter, yearAfter and mdAfter need. Each opens with periods, commas
// and white space, then a run of digits: one or two, then text and more
// digits, for mdyAfter ("| 20, 2011"); four for yearAfter ("| 2011"); one
// or two for mdAfter ("| 20"). A longer run would continue past \d{1,2}
// or \d{4}\b.
func gateAfter(after string) afterGate {
	i := 0
	for i < len(after) && (after[i] == '.' || after[i] == ',' || reSpace(after[i])) {
		i++
	}
	j := i
	for j < len(after) && isDigit(after[j]) {
		j++
	}
	short := j > i && j-i <= 2
	return afterGate{
		mdy:  short && strings.ContainsAny(after[j:], "0123456789"),
		year: j-i == 4,
		md:   short,
	}
}

// dayCanEnd reports whether before, the text before a month name, can end
// with dayBefore: it ends in white space and holds a digit.
func dayCanEnd(before string) bool {
	return before != "" && reSpace(before[len(before)-1]) && strings.ContainsAny(before, "0123456789")
}

// reSpace reports whether c is white space to a regexp's \s: [\t\n\f\r ].
func reSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// digitSep reports whether s holds the separator of the numeric pattern re
// between two digits; without one re cannot match and is not run.
func digitSep(s string, re *regexp.Regexp) bool {
	seps := "-/"
	if re == dotRe {
		seps = "."
	}
	for k := 0; k < len(seps); k++ {
		for i := 0; ; {
			j := strings.IndexByte(s[i:], seps[k])
			if j < 0 {
				break
			}
			i += j
			if i > 0 && i+1 < len(s) && isDigit(s[i-1]) && isDigit(s[i+1]) {
				return true
			}
			i++
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func validDate(kind dateKind, y, m, d int) bool {
	if m < 1 || m > 12 {
		return false
	}
	if kind != monthDay && (y < minYear || y > maxYear) {
		return false
	}
	if kind == monthYear {
		return true
	}
	if kind == monthDay {
		y = 2000 // a leap year, so that "February 29" passes
	}
	return d >= 1 && time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Day() == d
}

func (h dateHit) String() string {
	d := max(h.d, 1)
	return fmt.Sprintf("%04d-%02d-%02d", h.y, h.m, d)
}

// dateLine returns the date of a line that holds a date and nothing else
// but a weekday, a time or words like "Published": "July 20, 2011",
// "Wednesday, 20 July 2011 10:30 GMT", "2011-07-20", "July 2011". A month
// without a day gives the first of the month.
func dateLine(line string) (string, bool) {
	if len(line) > 80 {
		return "", false
	}
	var found *dateHit
	hits := scanDates(line)
	for i, h := range hits {
		if h.kind == monthDay {
			continue
		}
		if found != nil {
			return "", false
		}
		found = &hits[i]
	}
	if found == nil {
		return "", false
	}
	rest := line[:found.start] + " " + line[found.end:]
	if dateNoise.ReplaceAllString(rest, "") != "" {
		return "", false
	}
	return found.String(), true
}

// parseDate returns the first full date, or month and year, in a header
// value ("2008-03-03", "March 3, 2008", "Mon, 03 Mar 2008 10:00:00 GMT").
func parseDate(value string) (string, bool) {
	for _, h := range scanDates(value) {
		if h.kind != monthDay {
			return h.String(), true
		}
	}
	return "", false
}

// inferDate estimates the publication date of a document whose header and
// body give none, from the dates its text cites. It works in two steps.
//
// The year: for the Eurasia Daily Monitor, 2003 + Volume (Volume 1 came out
// in 2004, one volume a year); else the year of the latest full date cited
// ("October 6, 2007"); else the latest year from 1990 to 2030 the text
// names, ignoring years announced as plans ("by 2030", "for 2011").
//
// The day: the latest date in that year among the dates cited, where a date
// without a year ("March 1") takes that year. Dates inside parentheses are
// source citations ("(Kazinform, March 1)"), which precede publication, so
// when there are any only they count; other dates may announce future
// events ("when he arrives on September 22").
//
// The Eurasia Daily Monitor comes out once each weekday, built on sources
// of the previous days: its date is the first weekday after the latest
// cited date, and not before the issue number counted in weekdays from
// January 1 (Issue 40 of 2008 is not before February 25, holidays only
// push it later); a yearless date more than 60 days past that bound is
// taken as a future event and ignored.
//
// With no date in the year, the result is January 1 of the year, a lower
// bound. It returns "" if no year is found.
func inferDate(doc *Document, paras []string) string {
	year := 0
	var issueDay time.Time
	edm := strings.Contains(strings.ToLower(doc.Publication), "eurasia daily monitor")
	if edm {
		if v, err := strconv.Atoi(doc.Volume); err == nil && v >= 1 && v <= maxPlausible-edmFirstYear+1 {
			year = edmFirstYear - 1 + v
			if n, err := strconv.Atoi(doc.Issue); err == nil && n >= 1 && n <= 366 {
				issueDay = nthWeekday(year, n)
			}
		}
	}
	type cited struct {
		h     dateHit
		paren bool
	}
	var all []cited
	for _, p := range paras {
		hits := scanDates(p)
		for i, paren := range inParens(p, hits) {
			all = append(all, cited{hits[i], paren})
		}
	}
	if year == 0 {
		for _, c := range all {
			if c.h.kind == fullDate && c.h.y <= maxPlausible {
				year = max(year, c.h.y)
			}
		}
	}
	if year == 0 {
		year = latestYear(paras)
	}
	if year == 0 {
		return ""
	}
	var best time.Time
	bestParen := false
	for _, c := range all {
		h := c.h
		if h.kind == monthDay {
			h.y = year
		}
		t := time.Date(h.y, time.Month(h.m), max(h.d, 1), 0, 0, 0, 0, time.UTC)
		if h.y != year || (c.h.kind == monthDay && !issueDay.IsZero() && t.After(issueDay.AddDate(0, 0, edmFutureLimit))) {
			continue
		}
		switch {
		case c.paren && !bestParen:
			best, bestParen = t, true
		case c.paren == bestParen && t.After(best):
			best = t
		}
	}
	if edm {
		if !best.IsZero() {
			best = nextWeekday(best)
		}
		if issueDay.After(best) {
			best = issueDay
		}
	}
	if best.IsZero() {
		best = time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return best.Format(time.DateOnly)
}

// inParens reports for each of hits, sorted by start, whether it lies
// inside parentheses in s: after an unclosed "(" and before a ")".
func inParens(s string, hits []dateHit) []bool {
	out := make([]bool, len(hits))
	lastOpen, lastClose, pos := -1, -1, 0
	nextClose := -1
	for k, h := range hits {
		for ; pos < h.start; pos++ {
			switch s[pos] {
			case '(':
				lastOpen = pos
			case ')':
				lastClose = pos
			}
		}
		if nextClose >= 0 && nextClose < h.start {
			nextClose = -1
		}
		if nextClose < 0 {
			if j := strings.IndexByte(s[h.start:], ')'); j >= 0 {
				nextClose = h.start + j
			} else {
				nextClose = len(s) // none: no later hit is inside either
			}
		}
		out[k] = lastOpen > lastClose && nextClose < len(s)
	}
	return out
}

// latestYear returns the latest year from minPlausible to maxPlausible named
// in paras, not counting years after a word that announces a plan.
func latestYear(paras []string) int {
	latest := 0
	for _, p := range paras {
		for _, loc := range yearRe.FindAllStringSubmatchIndex(p, -1) {
			y, _ := strconv.Atoi(p[loc[2]:loc[3]])
			if y < minPlausible || y > maxPlausible || prospectiveRe.MatchString(p[max(0, loc[0]-12):loc[0]]) {
				continue
			}
			// The end of a range ("2007-2008") is a plan as often as not.
			if before := p[:loc[0]]; strings.HasSuffix(before, "-") || strings.HasSuffix(before, "–") {
				continue
			}
			latest = max(latest, y)
		}
	}
	return latest
}

// nthWeekday returns the n-th Monday-to-Friday day of year (n >= 1).
func nthWeekday(year, n int) time.Time {
	jan1 := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
	day, wd := 0, jan1.Weekday()
	for {
		if wd != time.Saturday && wd != time.Sunday {
			if n--; n == 0 {
				return jan1.AddDate(0, 0, day)
			}
		}
		day, wd = day+1, (wd+1)%7
	}
}

// nextWeekday returns the first Monday-to-Friday day after t.
func nextWeekday(t time.Time) time.Time {
	t = t.AddDate(0, 0, 1)
	for t.Weekday() == time.Saturday || t.Weekday() == time.Sunday {
		t = t.AddDate(0, 0, 1)
	}
	return t
}
