package sentence

import (
	"strings"
	"unicode/utf8"
)

// titles are abbreviations that precede a name or a number and never end a
// sentence: "Dr. Smith", "Gen. Petraeus", "St. Petersburg".
var titles = set(
	"Mr", "Mrs", "Ms", "Messrs", "Mme", "Dr", "Prof", "Gen", "Lt", "Col",
	"Maj", "Capt", "Cpt", "Sgt", "Cpl", "Pvt", "Adm", "Brig", "Cmdr", "Comdr",
	"Gov", "Sen", "Rep", "Reps", "Sens", "Rev", "Hon", "Pres", "Amb", "Atty",
	"Supt", "Insp", "Fr", "St", "Ste", "Mt", "Ft", "Lieut",
	"Mgr", "Msgr",
)

// inline are lower-case abbreviations used inside a sentence; a sentence
// never ends at them ("e.g. Russia", "vs. China").
var inline = set(
	"e.g", "i.e", "cf", "vs", "viz", "approx", "ca", "al", "esp", "incl",
	"resp", "ibid", "op. cit", "v",
)

// numbered precede a number ("No. 5", "Vol. 2", "pp. 10-12"); before
// anything but a digit they behave like ordinary words ("No. It is not.").
var numbered = set(
	"No", "Nos", "no", "nos", "Vol", "vol", "Vols", "pp", "p", "Art", "art",
	"Fig", "fig", "Figs", "Sec", "sec", "Ch", "ch", "Chap", "para", "Para",
	"Nr", "nr", "Tab", "Eq", "Ex", "Pt", "pt",
)

// others can end a sentence or not ("the U.S. President", "based in the
// U.S. The ..."); they end one only before a word that usually starts a
// sentence (see starters).
var others = set(
	"Inc", "Ltd", "Co", "Corp", "Bros", "Plc", "plc", "LLC", "Dept", "Univ",
	"Assn", "Intl", "Natl", "Govt", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
	"Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues", "Wed",
	"Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "a.m", "p.m", "A.M", "P.M",
	"Jr", "Sr", "Esq", "mln", "bln", "bn", "mn", "km", "sq",
	"Rs", "Gov't", "Ave", "Blvd", "Rd",
)

// starters are words that usually open a sentence. After an ambiguous
// abbreviation ("U.S.", "Inc.", an initial) a capitalised word ends the
// sentence only if it is one of these.
var starters = set(
	"A", "An", "The", "This", "That", "These", "Those", "It", "Its", "It's",
	"He", "She", "They", "We", "I", "You", "His", "Her", "Their", "Our",
	"My", "Your", "There", "Here", "But", "And", "Or", "Yet", "So", "Nor",
	"However", "Moreover", "Meanwhile", "Nevertheless", "Nonetheless",
	"Furthermore", "Therefore", "Thus", "Hence", "Still", "Indeed", "Also",
	"Instead", "Otherwise", "Besides", "Consequently", "Accordingly",
	"In", "On", "At", "For", "As", "If", "When", "While", "Whereas",
	"Although", "Though", "After", "Before", "Since", "Despite", "During",
	"According", "Under", "With", "Without", "By", "From", "To", "Of",
	"Such", "Some", "Many", "Most", "Much", "Few", "All", "Each", "Every",
	"Both", "Neither", "Either", "Other", "Another", "One", "No", "Not",
	"What", "Why", "How", "Who", "Whom", "Whose", "Which", "Where",
	"Last", "Next", "Today", "Yesterday", "Tomorrow", "Earlier", "Later",
	"Now", "Then", "Recently", "Currently", "Previously", "Finally",
	"First", "Second", "Third", "Ultimately", "Clearly", "Obviously",
	"Perhaps", "Even", "Only", "Unlike", "Like", "Given", "Because",
	"Officials", "Analysts", "Experts", "Critics", "Observers",
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// maxListed is the length in bytes of the longest word of titles, inline,
// numbered and others (TestMaxListed checks it).
const maxListed = len("op. cit")

// listed reports whether w is in set, one of titles, numbered and others,
// looking a word longer than any of theirs up in no map.
func listed(set map[string]bool, w string) bool {
	return len(w) <= maxListed && set[w]
}

// inlineAbbrev reports whether w in lower case is in inline. A word of
// ASCII is lower-cased on the stack, without an allocation, and only if
// it is short enough to be listed.
func inlineAbbrev(w string) bool {
	var buf [maxListed]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return inline[strings.ToLower(w)]
		}
		if i == len(buf) {
			return false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return inline[string(buf[:len(w)])]
}
