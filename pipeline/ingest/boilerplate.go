package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Reasons recorded in Drop.Reason.
const (
	ReasonHeader     = "header"            // a "Key: value" header line
	ReasonStray      = "stray punctuation" // a line with no letter or digit: ".", "* * *"
	ReasonTitle      = "title"             // the article's title line
	ReasonDateLine   = "date line"         // a line holding only a date
	ReasonByline     = "byline"            // "By Roger McDermott"
	ReasonCredit     = "credit"            // "Reporting by ...", "Additional reporting by ...", "Editing by ..."
	ReasonBio        = "author bio"        // "About" blocks and "X is a professor of ..." paragraphs
	ReasonDisclaimer = "disclaimer"        // "The views presented in this article are the author's own ..."
	ReasonTagline    = "tagline"           // a lower-case fragment: "a global affairs media network"
	ReasonURL        = "url"               // a bare address: "www.diplomaticourier.com"
	ReasonShare      = "share/subscribe"   // "Click here to subscribe", "Share this article"
	ReasonCopyright  = "copyright"         // "© 2011 ...", "All rights reserved"
	ReasonCaption    = "caption"           // "Photo: ...", "(Image courtesy of ...)"
	ReasonNavigation = "navigation"        // a lone menu word: "Print", "Related", "Comments"
	ReasonSiteName   = "site name"         // a line repeating the publication's name
	ReasonDuplicate  = "duplicate"         // a paragraph seen earlier in the file
)

// Word limits. A boilerplate pattern applies only to lines no longer than
// these; a longer line is prose that happens to start the same way.
const (
	maxShareWords   = 40 // "Click here to subscribe to the Eurasia Daily Monitor ..."
	maxNavWords     = 4  // "Print", "Related articles", "Comments (3)"
	maxTaglineWords = 10 // "a global affairs media network"
	maxTitleWords   = 20
	maxTitleRunes   = 150
	maxNameWords    = 6 // "Richard Rousseau", "Dr. Roger N. McDermott"
	maxBioWords     = 120
	maxCaptionWords = 40
)

var (
	urlRe = regexp.MustCompile(`(?i)^<?(https?://\S+|www\.\S+|([a-z0-9][a-z0-9-]*\.)+[a-z]{2,}(/\S*)?)>?$`)

	shareRe = regexp.MustCompile(`(?i)^(click here\b|to subscribe\b|subscribe (to|now|today|for|here)\b|sign up (for|to)\b|follow us\b|like us on\b|join us on\b|share this (article|story|page|post)\b|(download|print) (this|the) (article|pdf|report)\b|for more (news|information|articles) (on|about|visit|from)\b|(this|the) (article|story|post) (is|was) (shared|available)\b)`)

	navRe = regexp.MustCompile(`(?i)^(share|shares|tweet|print|email|e-mail|related|related (articles|posts|stories|content|coverage|news)|read more|read also|see also|more on this|comments?|comments? \(\d+\)|leave a (comment|reply)|advertisement|sponsored|back to top|previous|next|previous article|next article|home|menu|search|login|log in|donate|facebook|twitter|linkedin|whatsapp|telegram|reddit|recommended|you may also like|tags?|topics?|filed under)\s*[:|»>]*$`)

	tagsRe = regexp.MustCompile(`(?i)^(tags?|topics?|filed under|categories|keywords|related( articles| posts| stories)?|see also|read (more|also))\s*:`)

	// copyrightRe and rightsRe mark a copyright line (see copyright).
	copyrightRe = regexp.MustCompile(`(?i)^(©|\(c\)\s*(19|20)\d\d|copyright\b|reprinted with permission\b)`)
	rightsRe    = regexp.MustCompile(`(?i)all rights reserved`)

	captionRe = regexp.MustCompile(`(?i)^(\(?(photo|image|picture|illustration|photograph|caption)( credit| courtesy| source| by)?\s*[:|]|\(?(photo|image|picture)s? (courtesy|credit|by|via|from)\b|\((photo|image|source|credit)[^)]*\)$)`)

	disclaimerRe = regexp.MustCompile(`(?i)^(disclaimer\b|(the )?(views|opinions|statements)( and opinions)? (expressed|presented|stated|contained)( here(in)?| in (this|these))|this (article|piece|commentary|analysis|op-ed|essay) (was|is|has been) (originally |first )?(published|posted|republished|reprinted|written for)|(originally|first) published (in|by|on|at)\b)`)

	aboutRe = regexp.MustCompile(`(?i)^about( the)?( authors?)?\s*:?$`)

	aboutInlineRe = regexp.MustCompile(`(?i)^about the authors?\s*[:.-]?\s+\S`)

	creditRe = regexp.MustCompile(`(?i)^(?:(?:Additional |Further )?(?:reporting|research|editing|translation|writing)(?: and (?:reporting|research|editing|translation|writing))? by|Edited by|Translated by|Compiled by|Contributed by)\s+\S.{0,120}$`)

	bylineRe = regexp.MustCompile(`^(?:By|BY|Written by|Author)\s*:?\s+(\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|van|von|al|el|and))*)$`)

	// bioRe is the opening of an author's biography: a name, optional
	// degrees, then a verb that introduces a position.
	bioRe = regexp.MustCompile(`^(?:(?:Dr|Prof)\.?\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}(?:,?\s*(?:Ph\.?\s?D\.?|PhD|DPhil|M\.?A\.?|MBA|J\.?D\.?|Jr\.?))*,?\s+(?:is|was|has been|serves|served|holds|teaches|taught|works|worked|writes|heads|leads|directs)\b`)

	// bioWordRe holds the words that make a biography of a sentence about
	// a person.
	bioWordRe = regexp.MustCompile(`(?i)\b(professor|fellow|analyst|researcher|lecturer|contributor|correspondent|journalist|columnist|writer|editor|scholar|doctoral|ph\.?\s?d|phd|graduate student|author of|freelance)`)
)

// titleStop are words a Title Case heading leaves in lower case.
var titleStop = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "nor": true,
	"but": true, "of": true, "in": true, "on": true, "at": true, "to": true,
	"for": true, "by": true, "with": true, "from": true, "as": true,
	"into": true, "over": true, "under": true, "via": true, "vs": true,
	"vs.": true, "its": true, "is": true, "are": true, "amid": true,
	"after": true, "between": true, "than": true, "up": true, "out": true,
}

// words counts the space-separated words of s.
func words(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		var space bool
		if c := s[i]; c < utf8.RuneSelf {
			space = asciiSpace(c)
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// paraWords is words(p) for a paragraph as paragraphs returns it: clean
// leaves single spaces between words and no other white space, and
// paragraphs joins lines with single spaces, so the words are one more
// than the spaces, which strings.Count counts fast.
func paraWords(p string) int {
	if p == "" {
		return 0
	}
	return strings.Count(p, " ") + 1
}

// stray reports whether s has no letter and no digit.
func stray(s string) bool {
	return !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
}

// titleLike reports whether s reads as a heading: 2 to 20 words, no final
// period, comma, semicolon or colon, and at least three quarters of the
// words that a Title Case heading capitalises are capitalised. s is a
// paragraph (see paraWords).
func titleLike(s string) bool {
	n := paraWords(s)
	if n < 2 || n > maxTitleWords || utf8.RuneCountInString(s) > maxTitleRunes {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(".,;:", last) {
		return false
	}
	caps, total := 0, 0
	for i, w := range strings.Fields(s) {
		w = strings.TrimLeft(w, `"'“‘(«[`)
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		switch {
		case unicode.IsUpper(r):
			caps++
			total++
		case i == 0:
			return false
		case !titleStop[strings.ToLower(w)]:
			total++
		}
	}
	return total > 0 && caps*4 >= total*3
}

// nameLike reports whether s is a short run of capitalised words: a name
// on a line of its own ("Richard Rousseau").
func nameLike(s string) bool {
	f := strings.Fields(s)
	if len(f) < 2 || len(f) > maxNameWords || strings.ContainsAny(s, ",;:!?") {
		return false
	}
	for _, w := range f {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// bioLike reports whether s reads as an author's biography: it starts with
// a name and a verb of position and names a writer's or scholar's trade.
// s is a paragraph (see paraWords).
func bioLike(s string) bool {
	return paraWords(s) <= maxBioWords && bioRe.MatchString(s) && bioWordRe.MatchString(s)
}

// tagline reports whether s is a short fragment that opens in lower case
// and ends without punctuation: a site's motto, never a body sentence. s
// is a paragraph (see paraWords).
func tagline(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r) && paraWords(s) <= maxTaglineWords && !endsSentence(s) &&
		!strings.HasSuffix(s, ",")
}

// boilerplate returns the reason to drop a paragraph (see paraWords) that
// is boilerplate wherever it stands, or "".
func boilerplate(s string) string {
	n := paraWords(s)
	switch {
	case stray(s):
		return ReasonStray
	case !strings.ContainsAny(s, " \t\n\f\r") && urlRe.MatchString(s): // urlRe matches no \s
		return ReasonURL
	case n <= maxNavWords && navRe.MatchString(s):
		return ReasonNavigation
	case n <= maxShareWords && (shareRe.MatchString(s) || tagsRe.MatchString(s)):
		return ReasonShare
	case n <= maxShareWords && copyright(s):
		return ReasonCopyright
	case n <= maxCaptionWords && captionRe.MatchString(s):
		return ReasonCaption
	case n <= maxShareWords*2 && disclaimerRe.MatchString(s):
		return ReasonDisclaimer
	case tagline(s):
		return ReasonTagline
	}
	return ""
}

// copyright reports whether s opens as a copyright line ("© 2011 ...",
// "Copyright ...", "Reprinted with permission") or says "all rights
// reserved" anywhere. A regexp that looks anywhere tries every byte, so
// rightsRe runs only when s holds "right" in ASCII letters of any case, as
// every match does: r, i, g, h and t fold to no other runes.
func copyright(s string) bool {
	return copyrightRe.MatchString(s) || containsFoldASCII(s, "right") && rightsRe.MatchString(s)
}

// containsFoldASCII reports whether s holds word, lower-case ASCII letters,
// in any mix of upper and lower case.
func containsFoldASCII(s, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		if s[i]|0x20 == word[0] && strings.EqualFold(s[i:i+len(word)], word) {
			return true
		}
	}
	return false
}

// The gated matchers below run a regexp only on text that opens as its
// every match does, which most paragraphs do not: a regexp call costs far
// more than looking at a few bytes. Case-insensitive gates compare ASCII
// letters that fold to no other rune (k and s would: K, ſ).

// aboutLine reports whether s opens an author block: "About the author".
func aboutLine(s string) bool {
	return hasFoldPrefix(s, "about") && aboutRe.MatchString(s)
}

// aboutInline reports whether s is an author block on one line: "About
// the author: Jane Doe is ...".
func aboutInline(s string) bool {
	return hasFoldPrefix(s, "about") && aboutInlineRe.MatchString(s)
}

// creditOpenings are the first two letters of every opening creditRe
// knows: additional, further, reporting, research, editing, edited,
// translation, translated, writing, compiled, contributed.
var creditOpenings = []string{"ad", "fu", "re", "ed", "tr", "wr", "co"}

// credit reports whether s is a credit line: "Reporting by ...".
func credit(s string) bool {
	for _, o := range creditOpenings {
		if hasFoldPrefix(s, o) {
			return creditRe.MatchString(s)
		}
	}
	return false
}

// byline returns the name of a byline ("By Roger McDermott"), or "" and
// false. bylineRe is case-sensitive: "By", "BY", "Written by", "Author".
func byline(s string) (string, bool) {
	if !strings.HasPrefix(s, "B") && !strings.HasPrefix(s, "Written by") && !strings.HasPrefix(s, "Author") {
		return "", false
	}
	m := bylineRe.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	return m[1], true
}

// hasFoldPrefix reports whether s starts with prefix, lower-case ASCII
// letters, in any mix of upper and lower case.
func hasFoldPrefix(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := range len(prefix) {
		if s[i]|0x20 != prefix[i] {
			return false
		}
	}
	return true
}

// startsWithName reports whether s opens with the name followed by a
// comma, a space and a verb, or "'s": "Richard Rousseau, Ph.D. is ...".
func startsWithName(s, name string) bool {
	if name == "" || !strings.HasPrefix(s, name) {
		return false
	}
	rest := s[len(name):]
	return strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, " ")
}
