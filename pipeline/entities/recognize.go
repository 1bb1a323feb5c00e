package entities

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"time"

	"alignnet/pipeline/kb"
)

// Place is the type of a location that does not act (a capital used as a
// place). Places are reported but are not actors.
const Place kb.Type = "place"

// Mention is one occurrence of an entity in the text.
type Mention struct {
	Entity     string // entity ID
	Form       string // the text as written
	Start, End int    // byte offsets in the text
	Sentence   int    // index of the sentence
}

// Form is a surface form and the number of times it was seen.
type Form struct {
	Text  string
	Count int
}

// Entity is an actor (or place) of one article.
type Entity struct {
	ID       string
	Name     string
	Type     kb.Type // person, organization, country or place
	Bloc     kb.Bloc
	Country  string // ID of the country a person or organization belongs to
	Known    bool   // found in the knowledge base
	Forms    []Form // sorted by text
	Mentions int
}

// Result is what Recognize finds in one text.
type Result struct {
	Entities []Entity  // sorted by ID
	Mentions []Mention // in text order
	Sources  []string  // cited sources, sorted, unique
}

// kind says how a knowledge-base string names its entry.
type kind uint8

const (
	kName kind = iota
	kAlias
	kAcronym
	kShort
	kAdj
	kSeat
)

// cand is a knowledge-base entry a key may name, with what fits needs
// to know of the form.
type cand struct {
	e      *kb.Entry
	kind   kind
	form   string
	quoted string // quoteFold(form)
	caps   bool   // the first word of form is in capitals
	proper bool   // proper(tokenize(form, nil))
}

// Recognizer finds entities with a knowledge base. It is safe for
// concurrent use once built.
type Recognizer struct {
	kb    *kb.KB
	index map[string][]cand
	roles map[string]string // key of a role title → role ID
	trie  *trieNode         // index by words
	// roleSpan maps the key of a first word to the most words
	// of an index key (a role title) that starts with it: lookups stop
	// at the first word when nothing can start there.
	roleSpan map[string]int
	cues     *cueSets
	scratch  sync.Pool // of *scratch
}

// Options tune one call of Recognize.
type Options struct {
	// Date is the article's date, for resolving roles ("the Russian
	// foreign minister") to the person in office. Zero: roles stay
	// unresolved.
	Date time.Time
	// Subject is the ID of the subject state, the fallback owner of
	// unqualified ministries ("the Defense Ministry"). Empty: the
	// country mentioned most.
	Subject string
}

// Recognize finds the entities and sources of text. starts holds the byte
// offset at which each sentence begins, in order; mentions never cross a
// sentence boundary.
func (r *Recognizer) Recognize(text string, starts []int, opt Options) *Result {
	sc := r.scratch.Get().(*scratch)
	a := &article{r: r, sc: sc, text: text, opt: opt, ents: sc.ents, acronyms: sc.acronyms, sources: sc.sources, mentions: sc.mentions[:0]}
	defer func() {
		sc.reset(a)
		r.scratch.Put(sc)
	}()
	a.toks = tokenize(text, sc.toks[:0])
	sc.toks = a.toks
	if len(sc.words) > maxWords {
		clear(sc.words)
	}
	s := 0
	for i := range a.toks {
		t := &a.toks[i]
		for s+1 < len(starts) && t.start >= starts[s+1] {
			s++
		}
		t.sent = s
		t.first = i == 0 || a.toks[i-1].sent != s
		t.info = a.info(t.text)
	}
	a.used = sc.used[:0]
	a.used = append(a.used, make([]bool, len(a.toks))...)
	sc.used = a.used
	a.runStop = len(a.toks)
	a.citations()
	a.scan()
	a.roles()
	a.resolvePending()
	return a.result()
}

// scratch holds buffers a Recognize call borrows from its Recognizer:
// nothing in a Result points into them.
type scratch struct {
	toks  []token
	used  []bool
	words map[string]*wordInfo // token text → its wordInfo, a bounded cache
	bytes [256]*wordInfo       // one-byte token text → its wordInfo
	// The working sets of an article, emptied after each call.
	ents     map[string]*Entity
	acronyms map[string]string
	sources  map[string]bool
	mentions []Mention            // in the order found
	persons  map[string][]*Entity // of resolvePending
	formToks []token              // of resolvePending
	order    []uint64             // of sortedMentions
	sorted   []*Entity            // of result
}

// reset empties the working sets the article a used and keeps their
// storage for the next call. It drops every reference into a's text
// (the tokens and the mentions; result empties sorted), so a pooled
// scratch does not keep an article alive.
func (sc *scratch) reset(a *article) {
	clear(sc.ents)
	clear(sc.acronyms)
	clear(sc.sources)
	clear(sc.persons)
	clear(sc.formToks)
	clear(a.mentions)
	sc.mentions = a.mentions[:0]
	clear(sc.toks)
}

// article is the state of one Recognize call.
type article struct {
	r        *Recognizer
	sc       *scratch
	text     string
	opt      Options
	toks     []token
	used     []bool // token consumed by a mention, a citation or a title
	ents     map[string]*Entity
	mentions []Mention
	acronyms map[string]string // acronyms defined in the text → entity ID
	sources  map[string]bool
	pending  []pendingShort
	// runStop is the end of the run being analysed: matches past it must
	// be proper names.
	runStop int
	// lastMinistry maps a ministry kind to the ID last seen for it.
	lastMinistry map[string]string
}

// pendingShort is a single capitalised word that may be a surname; it is
// resolved once every full name of the article is known.
type pendingShort struct {
	i     int
	cands []cand
	title bool // a title precedes it ("Commander Tasbulatov")
}

func (a *article) word(i int) string {
	if i < 0 || i >= len(a.toks) {
		return ""
	}
	return a.toks[i].text
}

// sameSentence reports whether tokens i..j-1 are in one sentence.
func (a *article) sameSentence(i, j int) bool {
	return i >= 0 && j <= len(a.toks) && j > i && a.toks[i].sent == a.toks[j-1].sent
}

// citations finds parenthesised citations "(Interfax, October 16)",
// records their sources and hides their tokens from recognition.
func (a *article) citations() {
	for i := 0; i < len(a.toks); i++ {
		if a.toks[i].text != "(" {
			continue
		}
		j := i + 1
		for j < len(a.toks) && a.toks[j].text != ")" && a.toks[j].text != "(" && a.toks[j].sent == a.toks[i].sent && j-i < 40 {
			j++
		}
		if j >= len(a.toks) || a.toks[j].text != ")" {
			continue
		}
		parts := a.split(i+1, j)
		if len(parts) == 0 {
			continue
		}
		dated := false
		for _, p := range parts[1:] {
			if a.isDate(p[0], p[1]) {
				dated = true
			}
		}
		firstSource := a.knownSource(parts[0][0], parts[0][1])
		if !dated && !firstSource {
			continue
		}
		for k, p := range parts {
			name := strings.TrimSpace(a.text[a.toks[p[0]].start:a.toks[p[1]-1].end])
			switch {
			case k == 0 && a.nameLike(p[0], p[1]) && !a.isDate(p[0], p[1]) && !a.isPlace(p[0], p[1]):
				a.sources[name] = true
			case k > 0 && a.knownSource(p[0], p[1]):
				a.sources[name] = true
			}
		}
		for k := i; k <= j; k++ {
			a.used[k] = true
		}
		i = j
	}
}

// nameLike reports whether tokens [i, j) can be the name of a source: at
// most six words, the first capitalised.
func (a *article) nameLike(i, j int) bool {
	if a.knownSource(i, j) {
		return true
	}
	n := 0
	for k := i; k < j; k++ {
		if a.toks[k].word {
			n++
		}
	}
	return isCap(a.toks[i].text) && n <= 6
}

// split cuts tokens [i, j) at commas and semicolons.
func (a *article) split(i, j int) [][2]int {
	var parts [][2]int
	s := i
	for k := i; k <= j; k++ {
		if k == j || a.toks[k].text == "," || a.toks[k].text == ";" {
			if k > s {
				parts = append(parts, [2]int{s, k})
			}
			s = k + 1
		}
	}
	return parts
}

// isDate reports whether tokens [i, j) are a date: "October 16",
// "October 16, 2008", "16 October", "October 2008", "2008".
func (a *article) isDate(i, j int) bool {
	month, num := false, false
	for k := i; k < j; k++ {
		w := a.toks[k].text
		switch {
		case a.toks[k].info.dotCues&cueMonths != 0:
			month = true
		case isNumber(w):
			num = true
		case w == "." || w == "-" || w == "/":
		default:
			return false
		}
	}
	return month || (num && j-i == 1 && len(a.toks[i].text) == 4)
}

func isNumber(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w != ""
}

// knownSource reports whether tokens [i, j) name a source of the
// knowledge base, or look like a web address.
func (a *article) knownSource(i, j int) bool {
	s := a.text[a.toks[i].start:a.toks[j-1].end]
	if strings.HasPrefix(s, "www.") || strings.HasSuffix(s, ".com") || strings.HasSuffix(s, ".ru") || strings.HasSuffix(s, ".kz") || strings.HasSuffix(s, ".org") {
		return true
	}
	for _, c := range a.cands(i, j) {
		if c.e.Type == kb.Source {
			return true
		}
	}
	return false
}

// isPlace reports whether tokens [i, j) name a country: a citation
// "(Kazakhstan, May 3)" cites no source. A seat may be one ("(Akorda,
// January 5)", the presidential press service).
func (a *article) isPlace(i, j int) bool {
	for _, c := range a.cands(i, j) {
		if c.kind != kSeat && c.e.Type == kb.Country {
			return true
		}
	}
	return false
}

// cands returns the knowledge-base candidates whose key is that of
// tokens [i, j), i < j.
func (a *article) cands(i, j int) []cand {
	if n := a.node(i, j); n != nil {
		return n.cands
	}
	return nil
}

// node returns the trie node of the key of tokens [i, j), i < j, or nil.
func (a *article) node(i, j int) *trieNode {
	n := a.toks[i].info.node
	for k := i + 1; n != nil && k < j; k++ {
		n = n.step(a.toks[k].info.key)
	}
	return n
}

// role returns the role whose title has the key of tokens [i, j).
func (a *article) role(i, j int) (string, bool) {
	if j-i > a.toks[i].info.roleSpan {
		return "", false
	}
	if n := a.node(i, j); n != nil && n.isRole {
		return n.role, true
	}
	return "", false
}

func (a *article) texts(i, j int) []string {
	out := make([]string, 0, j-i)
	for k := i; k < j; k++ {
		out = append(out, a.toks[k].text)
	}
	return out
}

// isConnector reports whether a lower-case word may join the words of a
// name ("Institute of Strategic Studies under the President").
func isConnector(w string) bool {
	switch w {
	case "of", "for", "and", "the", "under", "on", "in", "de", "du", "da", "del", "van", "von", "der", "al", "bin", "&":
		return true
	}
	return false
}

// scan walks the text run by run: a run is a maximal stretch of
// capitalised words and connectors inside one sentence.
func (a *article) scan() {
	for i := 0; i < len(a.toks); {
		if t := &a.toks[i]; a.used[i] || !t.word || !(isCap(t.text) || t.info.flags&flagHyphenName != 0 || a.ordinalAt(i)) {
			i++
			continue
		}
		j := a.runEnd(i)
		a.run(i, j)
		i = j
	}
}

// ordinalAt reports whether token i is an ordinal before a capitalised
// word ("82nd Airborne").
func (a *article) ordinalAt(i int) bool {
	return a.flagAt(i, flagOrdinal) && i+1 < len(a.toks) && isCap(a.toks[i+1].text)
}

// hyphenCandidate reports whether a lower-case hyphenated word may hold a
// name ("anti-Western", "pro-Russian").
func hyphenCandidate(w string) bool {
	return hasHyphen(w) && strings.IndexFunc(w, func(r rune) bool { return r >= 'A' && r <= 'Z' }) > 0
}

// hasHyphen reports whether w holds a hyphen: '-', U+2010 or U+2011
// (E2 80 90 and E2 80 91 in UTF-8).
func hasHyphen(w string) bool {
	for i := 0; i < len(w); i++ {
		switch {
		case w[i] == '-':
			return true
		case w[i] == 0xE2 && i+2 < len(w) && w[i+1] == 0x80 && (w[i+2] == 0x90 || w[i+2] == 0x91):
			return true
		}
	}
	return false
}

// maxRun caps a run of capitalised words: no name is longer, and a
// heading in capitals must not cost quadratic time.
const maxRun = 16

// isCountryAt reports whether tokens [i, j) are exactly a country's name
// ("Kazakhstan’s Ministry of Defense" is the ministry of a country, not a
// name with a possessive inside).
func (a *article) isCountryAt(i, j int) bool {
	for k := i; k < j; k++ {
		if e, cs := a.match(k, j); e == j {
			for _, c := range cs {
				if c.e.Type == kb.Country {
					return true
				}
			}
		}
	}
	return false
}

// isOrdinal reports whether w is "82nd", "201st", "5th".
func isOrdinal(w string) bool {
	n := len(w)
	if n < 3 || !isNumber(w[:n-2]) {
		return false
	}
	switch w[n-2:] {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

// runEnd returns the end of the run starting at i.
func (a *article) runEnd(i int) int {
	j := i + 1
	for j < len(a.toks) && j-i < maxRun && a.toks[j].sent == a.toks[i].sent && !a.used[j] {
		w := a.toks[j].text
		if a.toks[j].word && isCap(w) && !a.cueAt(j, cueMonths) {
			j++
			continue
		}
		// "Prosecutor General’s Office", "People’s Bank": a possessive
		// before an organization's head noun belongs to the name.
		if isPossessive(w) && j+1 < len(a.toks) && a.toks[j+1].sent == a.toks[i].sent && isCap(a.toks[j+1].text) && a.cueAt(j+1, cueOrgHeads) && !a.isCountryAt(i, j) {
			j += 2
			continue
		}
		// Connectors join only capitalised words.
		k := j
		for k < len(a.toks) && a.toks[k].word && isConnector(a.toks[k].text) && k-j < 2 {
			k++
		}
		if k > j && k < len(a.toks) && a.toks[k].sent == a.toks[i].sent && !a.used[k] && a.toks[k].word && isCap(a.toks[k].text) && !a.cueAt(k, cueMonths) {
			j = k + 1
			continue
		}
		break
	}
	return j
}

// match returns the longest knowledge-base match starting at token i and
// ending at or before end, with the candidates that fit its case.
func (a *article) match(i, end int) (int, []cand) {
	if i >= end {
		return i, nil
	}
	return a.matchFrom(a.toks[i].info.node, i, i+1, end)
}

// matchFrom is match with the index node n of tokens [i, j) at hand: it
// tries the longer matches through n's children first, then n itself.
// A match does not cross a sentence boundary.
func (a *article) matchFrom(n *trieNode, i, j, end int) (int, []cand) {
	if n == nil {
		return i, nil
	}
	if j < end && j < len(a.toks) && a.toks[j].sent == a.toks[i].sent {
		if e, cs := a.matchFrom(n.step(a.toks[j].info.key), i, j+1, end); e > i {
			return e, cs
		}
	}
	if fit := a.fitting(n.cands, i, j); len(fit) > 0 {
		return j, fit
	}
	return i, nil
}

// fitting returns the candidates of cs that fit tokens [i, j), in order.
// When all of them fit it returns cs itself, capped so that an append
// cannot write into the index.
func (a *article) fitting(cs []cand, i, j int) []cand {
	n := 0
	for _, c := range cs {
		if a.fits(c, i, j) {
			n++
		}
	}
	if n == len(cs) {
		return cs[:n:n]
	}
	fit := make([]cand, 0, n)
	for _, c := range cs {
		if a.fits(c, i, j) {
			fit = append(fit, c)
		}
	}
	return fit
}

// fits checks the case of the text against a candidate: acronyms must
// match exactly, other forms must start with a capital (or "the").
func (a *article) fits(c cand, i, j int) bool {
	if c.kind == kAcronym {
		return quoteFold(a.text[a.toks[i].start:a.toks[j-1].end]) == c.quoted
	}
	first := a.toks[i].text
	if first == "the" || first == "The" {
		return j-i > 1 && isCap(a.toks[i+1].text)
	}
	if !isCap(first) {
		return false
	}
	// "PRIME" (an agency) is not "Prime" (a word of a title).
	if c.caps && !isAllCaps(first) {
		return false
	}
	// Past the capitalised run only a proper name may continue in lower
	// case ("North Atlantic alliance"), not a generic alias ("U.S.
	// military").
	if j > a.runStop && !c.proper {
		return false
	}
	if isAllCaps(first) && !c.caps && len(first) > 3 {
		return false // "RUSSIA" in a heading is not the form "Russia"
	}
	return true
}

// media are the nouns after which a name is a cited source.
var media = map[string]bool{"newspaper": true, "daily": true, "weekly": true, "magazine": true, "journal": true, "website": true, "portal": true, "agency": true, "broadcaster": true, "channel": true, "outlet": true, "tabloid": true}

// proper reports whether every word of the tokens of a form is
// capitalised or a connector.
func proper(toks []token) bool {
	for _, t := range toks {
		if t.word && !isCap(t.text) && !isConnector(t.text) && !isNumber(t.text) {
			return false
		}
	}
	return true
}

// run analyses the run of tokens [i, j).
func (a *article) run(i, j int) {
	a.runStop = j
	defer func() { a.runStop = len(a.toks) }()
	// "the West", "the Kremlin": try the article first.
	if i > 0 && (a.word(i-1) == "the" || a.word(i-1) == "The") && !a.used[i-1] && a.sameSentence(i-1, j) {
		if e, cs := a.match(i-1, j); e > i && e == j {
			a.kbMention(i-1, e, cs)
			return
		}
	}
	// "the newspaper Kazakhstanskaya Pravda": a source, not an actor.
	if i > 0 && a.flagAt(i-1, flagMedium) {
		a.sources[a.text[a.toks[i].start:a.toks[j-1].end]] = true
		for k := i; k < j; k++ {
			a.used[k] = true
		}
		return
	}
	// "The West has not...": at the start of a sentence the article is
	// capitalised and starts the run.
	if w := a.toks[i].text; w == "The" && j-i > 1 {
		if e, cs := a.match(i, j); e == j {
			a.kbMention(i, e, cs)
			return
		}
	}
	title := false
	// Leading stop words, months and titles are not part of a name, nor is
	// a compound modifier ("Russian-led", "Western-backed").
	for i < j {
		w := a.toks[i].text
		if a.flagAt(i, flagLowerTail) {
			a.hyphenParts(i)
			a.used[i] = true
			i++
			continue
		}
		if a.cueAt(i, cueStop|cueMonths) || isConnector(w) {
			i++
			continue
		}
		if a.titleAt(i) && !a.knownAt(i) && !isPossessive(a.word(i+1)) && !isPossessive(a.word(i+2)) {
			title = true
			i++
			// "Leader of the Nation": a title followed by a
			// connector does not stand before a name.
			if i < j && isConnector(a.toks[i].text) {
				title = false
			}
			continue
		}
		break
	}
	if i >= j {
		return
	}
	// The whole run is one name; an alias may run on into lower-case
	// words ("North Atlantic alliance").
	if e, cs := a.match(i, j+3); e >= j && len(cs) > 0 {
		a.kbMention(i, e, cs)
		return
	}
	if a.orgRun(i, j) {
		return
	}
	a.segment(i, j, title)
}

// lowerTail reports whether a hyphenated word ends in a lower-case part
// ("Russian-led").
func lowerTail(w string) bool {
	if !hasHyphen(w) {
		return false // a quick answer for most words
	}
	k := strings.LastIndexAny(w, "-‐‑")
	return k > 0 && k+1 < len(w) && !isCap(w[k+1:]) && !isNumber(w[k+1:])
}

// knownAt reports whether a knowledge-base entry starts at token i with
// more than a role title ("President" alone is a title).
func (a *article) knownAt(i int) bool {
	e, cs := a.match(i, len(a.toks))
	if e <= i {
		return false
	}
	for _, c := range cs {
		if c.kind != kShort {
			return true
		}
	}
	return false
}

// segment splits a run that is not one name into known names and unknown
// stretches.
func (a *article) segment(i, j int, title bool) {
	for k := i; k < j; {
		if k > i {
			title = false
		}
		e, cs := a.match(k, j)
		if e > k && e < j && a.cueAt(j-1, cueOrgHeads) && a.allCap(e, j) {
			// "Red Star Enterprises": a known name inside an
			// organization's name is part of it.
			a.newOrg(k, j, "")
			return
		}
		if e > k {
			a.kbMention(k, e, cs)
			k = e
			continue
		}
		// Hyphenated words: "Kazakh-Russian", "Kazakhstan-NATO".
		if a.hyphenParts(k) {
			k++
			continue
		}
		// An unknown stretch up to the next known name.
		u := k + 1
		for u < j {
			if e2, _ := a.match(u, j); e2 > u {
				break
			}
			u++
		}
		a.unknown(k, u, title || a.titleBefore(k))
		title = false
		k = u
	}
}

// allCap reports whether tokens [i, j) are all capitalised words.
func (a *article) allCap(i, j int) bool {
	for k := i; k < j; k++ {
		if !a.toks[k].word || !isCap(a.toks[k].text) {
			return false
		}
	}
	return true
}

// titleBefore reports whether a title word (any case) precedes token i.
func (a *article) titleBefore(i int) bool {
	return i > 0 && a.titleAt(i-1)
}

// hyphenParts matches the parts of a hyphenated word to countries,
// acronyms and adjectives ("Kazakh-Russian", "anti-Western").
func (a *article) hyphenParts(i int) bool {
	t := a.toks[i]
	if !hasHyphen(t.text) {
		return false
	}
	if a.ethnic(i, i+1) {
		return false
	}
	off := t.start
	found := false
	for _, part := range strings.FieldsFunc(t.text, func(r rune) bool { return isHyphen(r) }) {
		start := off + strings.Index(a.text[off:t.end], part)
		off = start + len(part)
		if !isCap(part) || a.r.cues.has(cueEthnicAfter, a.text[off:t.end]) || a.r.cues.has(cueEthnicAfter, strings.TrimLeft(a.text[off:t.end], "-‐‑")) {
			continue
		}
		for _, c := range a.r.index[keyOf([]string{part})] {
			if c.kind == kSeat || c.kind == kShort || c.e.Type == kb.Source || c.e.Type == kb.Person {
				continue
			}
			if c.kind == kAcronym && part != c.form {
				continue
			}
			a.mention(c.e, part, start, start+len(part), t.sent)
			found = true
			break
		}
	}
	if found {
		a.used[i] = true
	}
	return found
}

// kbMention records a knowledge-base match of tokens [i, j).
func (a *article) kbMention(i, j int, cs []cand) {
	form := a.text[a.toks[i].start:a.toks[j-1].end]
	c := a.pick(cs, i)
	switch {
	case c.e.Type == kb.Source:
		// Outside a parenthesised citation a medium is a source when
		// the text cites it ("according to Interfax", "Kommersant
		// reported"); otherwise it is neither source nor actor.
		if a.cited(i, j) {
			a.sources[form] = true
		}
	case c.kind == kShort && j-i == 1:
		a.pending = append(a.pending, pendingShort{i: i, cands: cs, title: a.titleBefore(i)})
	case c.kind == kSeat && a.locative(i, form, c.form):
		a.place(form, i, j)
	case c.kind == kAdj && a.ethnic(i, j):
		// "ethnic Russians", "the Russian language": not the state.
	default:
		a.mention(c.e, form, a.toks[i].start, a.toks[j-1].end, a.toks[i].sent)
		a.defineAcronym(j, c.e.ID)
	}
	for k := i; k < j; k++ {
		a.used[k] = true
	}
}

// cited reports whether the medium at tokens [i, j) is cited as a source.
func (a *article) cited(i, j int) bool {
	prev := strings.ToLower(a.word(i - 1))
	if prev == "the" {
		prev = strings.ToLower(a.word(i - 2))
	}
	switch prev {
	case "to": // "according to", "told"
		return strings.EqualFold(a.word(i-2), "according") || strings.EqualFold(a.word(i-2), "told")
	case "by", "in", "with", "told", "citing", "quoting":
		return true
	}
	switch strings.ToLower(a.word(j)) {
	case "reported", "reports", "said", "says", "quoted", "quotes", "cited", "cites", "wrote", "writes", "published", "noted", "claimed", "added", "learned":
		return true
	}
	return false
}

// pick chooses among the entries a form may name: a full name beats an
// adjective, which beats a seat; among people, the one already mentioned,
// then the one in office at the article's date.
func (a *article) pick(cs []cand, i int) cand {
	best := cs[0]
	score := func(c cand) int {
		s := 0
		if _, ok := a.ents[c.e.ID]; ok {
			s += 100
		}
		if a.inOffice(c.e) {
			s += 10
		}
		switch c.kind {
		case kName, kAlias, kAcronym:
			s += 5
		case kAdj:
			s += 3
		case kSeat:
			s += 2
		}
		return s
	}
	if len(cs) == 1 {
		return best
	}
	bestScore := score(best)
	for _, c := range cs[1:] {
		if sc := score(c); sc > bestScore || (sc == bestScore && c.e.ID < best.e.ID) {
			best, bestScore = c, sc
		}
	}
	return best
}

// inOffice reports whether a person held an office at the article's date
// (within a year either side).
func (a *article) inOffice(e *kb.Entry) bool {
	if a.opt.Date.IsZero() {
		return false
	}
	for _, o := range e.Offices {
		from := o.From.AddDate(-1, 0, 0)
		to := o.To
		if to.IsZero() {
			to = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
		}
		if !a.opt.Date.Before(from) && !a.opt.Date.After(to.AddDate(1, 0, 0)) {
			return true
		}
	}
	return false
}

// locative reports whether a seat at token i, written form in the text
// and seat in the knowledge base, is used as a place: after "in", "at",
// ..., "visit to" or "returned from". A seat the text writes with "the"
// ("the Kremlin") always stands for the state; one whose name has it
// ("The Hague") does not.
func (a *article) locative(i int, form, seat string) bool {
	if (strings.HasPrefix(form, "the ") || strings.HasPrefix(form, "The ")) && !strings.HasPrefix(seat, "The ") {
		return false
	}
	if i+1 < len(a.toks) && isPossessive(a.toks[i+1].text) {
		return false
	}
	prev := strings.ToLower(a.word(i - 1))
	if a.r.cues.has(cueLocative, prev) {
		return true
	}
	if (prev == "to" || prev == "from") && a.cueAt(i-2, cueMotion) {
		return true
	}
	// A dateline: "Moscow, May 22".
	return a.word(i+1) == "," && a.cueAt(i+2, cueMonths)
}

func isPossessive(w string) bool {
	return w == "’s" || w == "'s" || w == "’" || w == "'"
}

// ethnic reports whether an adjective at [i, j) names a people or a
// language rather than the state.
func (a *article) ethnic(i, j int) bool {
	prev := strings.ToLower(a.word(i - 1))
	if a.r.cues.has(cueEthnicBefore, prev) && prev != "in" {
		return true
	}
	if prev == "in" && a.cueAt(j, cueEthnicAfter) {
		return true
	}
	return a.cueAt(j, cueEthnicAfter) || (a.word(j) == "-" && a.cueAt(j+1, cueEthnicAfter))
}

// place records a location that does not act.
func (a *article) place(form string, i, j int) {
	var buf [maxFast]byte
	id := string(appendSlug(append(buf[:0], "place-"...), form))
	e := &kb.Entry{ID: id, Name: form, Type: Place, Bloc: kb.Other}
	a.mention(e, form, a.toks[i].start, a.toks[j-1].end, a.toks[i].sent)
}

// mention records a mention of e.
func (a *article) mention(e *kb.Entry, form string, start, end, sent int) {
	ent := a.ents[e.ID]
	if ent == nil {
		ent = &Entity{ID: e.ID, Name: e.Name, Type: e.Type, Bloc: e.Bloc, Country: e.Country, Known: e.File != ""}
		a.ents[e.ID] = ent
	}
	ent.Mentions++
	ent.see(form)
	a.mentions = append(a.mentions, Mention{Entity: e.ID, Form: form, Start: start, End: end, Sentence: sent})
}

// defineAcronym reads "(ACR)" after a name ending at token j and makes
// ACR a form of entity id for the rest of the article.
func (a *article) defineAcronym(j int, id string) {
	if j+2 < len(a.toks) && a.toks[j].text == "(" && isAllCaps(a.toks[j+1].text) && (a.toks[j+2].text == ")" || a.toks[j+2].text == ".") {
		a.acronyms[a.toks[j+1].text] = id
		a.used[j+1] = true
		// The acronym is a form the article uses, though not a mention of
		// its own: the name before it was counted.
		if e := a.ents[id]; e != nil {
			e.see(a.toks[j+1].text)
		}
	}
}

// see counts one more sighting of a surface form of e.
func (e *Entity) see(form string) {
	for k := range e.Forms {
		if e.Forms[k].Text == form {
			e.Forms[k].Count++
			return
		}
	}
	e.Forms = append(e.Forms, Form{Text: form, Count: 1})
}

// unknown types a stretch [i, j) of capitalised words the knowledge base
// does not know: an acronym defined earlier, a person by the cues around
// it, or a surname to resolve later.
func (a *article) unknown(i, j int, title bool) {
	if j-i == 1 {
		w := a.toks[i].text
		if id, ok := a.acronyms[w]; ok {
			e := a.ents[id]
			a.mention(&kb.Entry{ID: id, Name: e.Name, Type: e.Type, Bloc: e.Bloc, Country: e.Country}, w, a.toks[i].start, a.toks[i].end, a.toks[i].sent)
			a.used[i] = true
			return
		}
		if a.flagAt(i, flagTitleWord) || !isCap(w) {
			return
		}
		// An acronym the text never defines is most often an
		// organization ("the Chinese company TBEA"), unless it sits in a
		// heading of capitals.
		if isAllCaps(w) && len(w) >= 3 && len(w) <= 6 && !a.cueAt(i, cueNotOrgs) && !isAllCaps(a.word(i-1)) && !isAllCaps(a.word(i+1)) && !strings.ContainsAny(w, ".-") {
			a.newOrg(i, i+1, "")
			return
		}
		if !a.toks[i].first || title || a.r.cues.surnameLike(w) {
			a.pending = append(a.pending, pendingShort{i: i, title: title})
		}
		return
	}
	// Two names joined by "and" ("James Baker and Nicholas Burns").
	for k := i + 1; k < j-1; k++ {
		if a.toks[k].text == "and" {
			a.unknown(i, k, title)
			a.unknown(k+1, j, title)
			return
		}
	}
	// Trim connectors at the edges and titles at the start ("Assistant
	// Secretary of State Richard Boucher"); a title word inside the
	// stretch ends the title ("Energy Minister Jurabek Mirzamakhmudov").
	for i < j && (isConnector(a.toks[i].text) || a.flagAt(i, flagTitleWord)) {
		title = title || a.titleAt(i)
		i++
	}
	for k := j - 2; k > i; k-- {
		if a.titleAt(k) && j-k-1 >= 2 {
			i, title = k+1, true
			break
		}
	}
	for j > i && isConnector(a.toks[j-1].text) {
		j--
	}
	if j-i < 2 || j-i > 4 {
		return
	}
	if a.personCue(i, j, title) {
		name := a.text[a.toks[i].start:a.toks[j-1].end]
		e := &kb.Entry{ID: slug(name), Name: name, Type: kb.Person, Bloc: kb.Other, Country: a.countryNear(i, j)}
		if c, ok := a.r.kb.Entry(e.Country); ok {
			e.Bloc = c.Bloc
		}
		a.mention(e, name, a.toks[i].start, a.toks[j-1].end, a.toks[i].sent)
		for k := i; k < j; k++ {
			a.used[k] = true
		}
		return
	}
	// "Name (ACR)": an organization the text defines.
	if j+2 < len(a.toks) && a.toks[j].text == "(" && isAllCaps(a.toks[j+1].text) && a.toks[j+2].text == ")" {
		a.newOrg(i, j, "")
	}
}

// titleWord reports whether w is a title or a word of a compound title
// ("Foreign", "Deputy", "Assistant").
func (c *cueSets) titleWord(w string) bool {
	w = strings.TrimSuffix(w, ".")
	if c.has(cueTitles, w) {
		return true
	}
	switch strings.ToLower(w) {
	case "foreign", "defense", "defence", "prime", "vice", "deputy", "assistant", "state", "affairs", "interior", "first", "senior", "executive", "acting", "former", "then":
		return true
	}
	return false
}

// personCue reports whether tokens [i, j) look like a person's name.
func (a *article) personCue(i, j int, title bool) bool {
	for k := i; k < j; k++ {
		if !isCap(a.toks[k].text) || isAllCaps(a.toks[k].text) || a.cueAt(k, cueOrgHeads) {
			return false
		}
	}
	if title || a.cueAt(i, cueFirstNames) || a.r.cues.surnameLike(a.toks[j-1].text) {
		return true
	}
	// Reverse appositive: "the British ambassador in Tashkent, Craig
	// Murray," or "the sanctions envoys, James O’Brien and ...".
	if a.word(i-1) == "," {
		for k := i - 2; k >= 0 && k >= i-8 && a.toks[k].sent == a.toks[i].sent && a.toks[k].text != ","; k-- {
			w := strings.TrimSuffix(strings.ToLower(a.toks[k].text), "s")
			if a.r.cues.has(cueAppositive|cueTitles, w) {
				return true
			}
		}
	}
	// A name coordinated with a person's name after a title: "envoys,
	// James O’Brien and David O’Sullivan".
	if k := i - 1; k >= 1 && a.toks[k].text == "and" {
		for _, m := range a.mentions {
			if m.End == a.toks[k-1].end {
				if e := a.ents[m.Entity]; e != nil && e.Type == kb.Person {
					return true
				}
			}
		}
	}
	// Appositive: "Claudio Bisonero, deputy secretary general of NATO".
	if a.word(j) == "," {
		for k := j + 1; k < j+5 && k < len(a.toks); k++ {
			if a.cueAt(k, cueAppositive) {
				return true
			}
		}
	}
	switch a.word(j) {
	case "said", "says", "stated", "noted", "told", "argued", "added", "claimed", "explained":
		return true
	}
	return false
}

// countryNear returns the ID of the country a new person belongs to, from
// the words just before the name ("Kazakh Defense Minister Danial
// Akhmetov", "State Department spokesman Philip Crowley") or an appositive
// after it ("Temir Sariyev, a Kyrgyz economist"), or "".
func (a *article) countryNear(i, j int) string {
	sent := a.toks[i].sent
	lo := i - 6
	if lo < 0 {
		lo = 0
	}
	// Mentions already recorded just before the name.
	for k := len(a.mentions) - 1; k >= 0; k-- {
		m := a.mentions[k]
		if m.Sentence != sent || m.End <= a.toks[lo].start {
			break
		}
		if m.End > a.toks[i].start {
			continue
		}
		if e := a.ents[m.Entity]; e != nil {
			if e.Type == kb.Country {
				return e.ID
			}
			if e.Country != "" {
				return e.Country
			}
		}
	}
	look := func(k int) string {
		for _, c := range a.toks[k].info.cands {
			if c.e.Type == kb.Country && c.kind != kSeat && isCap(a.toks[k].text) {
				return c.e.ID
			}
		}
		return ""
	}
	for k := i - 1; k >= lo && a.toks[k].sent == sent; k-- {
		if a.toks[k].text == "," || a.toks[k].text == "." {
			break
		}
		if c := look(k); c != "" {
			return c
		}
	}
	if a.word(j) == "," {
		for k := j + 1; k < j+5 && k < len(a.toks) && a.toks[k].sent == sent && a.toks[k].text != ","; k++ {
			if c := look(k); c != "" {
				return c
			}
		}
	}
	return ""
}

// orgRun recognises a run headed by an organization noun: "Main Legal
// Directorate", "Kazakhstan National Guards", "Institute of Strategic
// Studies under the President of Kazakhstan", "Russian Ministry of Defense".
func (a *article) orgRun(i, j int) bool {
	head := -1
	for k := i; k < j; k++ {
		if a.cueAt(k, cueOrgHeads) && isCap(a.toks[k].text) {
			head = k
			break
		}
	}
	if head < 0 {
		return false
	}
	// "Membership of the Eurasian Economic Union": a word that is no head
	// before "of" is not part of the name that follows.
	for k := i; k < head; k++ {
		if w := a.toks[k].text; w == "of" || w == "for" {
			n := k + 1
			for n < j && isConnector(a.toks[n].text) {
				n++
			}
			if n < j && n <= head {
				if k == i+1 && a.toks[i].first {
					a.used[i] = true
					a.run(n, j)
					return true
				}
			}
			break
		}
	}
	// "the United States and the European Union": two names.
	for k := i + 1; k < head; k++ {
		if a.toks[k].text == "and" {
			if e, _ := a.match(i, k); e == k {
				a.segment(i, k, false)
				n := k + 1
				for n < j && isConnector(a.toks[n].text) {
					n++
				}
				if n < j {
					a.run(n, j)
				}
				return true
			}
			break
		}
	}
	// The name ends at the head, or runs on through an "of"-phrase.
	end := head + 1
	if end < j && (isConnector(a.toks[end].text) && a.toks[end].text != "and") {
		end = j
		// Stop before "and <known name>" that ends the run.
		for k := head + 1; k < j; k++ {
			if a.toks[k].text == "and" {
				n := k + 1
				if n < j && strings.EqualFold(a.toks[n].text, "the") {
					n++
				}
				if e, _ := a.match(n, j); e == j {
					end = k
					break
				}
			}
		}
	}
	// A country named ahead of the head qualifies the organization
	// ("Kazakhstan National Guards"); any other known name there stays
	// part of its name ("CSTO Collective Security Council").
	start := i
	country := ""
	if e, cs := a.match(i, head); e > i {
		country = countryIn(cs)
	}
	if strings.EqualFold(a.toks[head].text, "Ministry") || strings.EqualFold(a.word(head), "Ministries") {
		a.ministry(start, end, head, country)
		return true
	}
	a.newOrg(start, end, country)
	if end < j {
		a.segment(end, j, false)
	}
	return true
}

// countryIn returns the ID of the last country among the candidates, or
// "".
func countryIn(cs []cand) string {
	id := ""
	for _, c := range cs {
		if c.e.Type == kb.Country {
			id = c.e.ID
		}
	}
	return id
}

// newOrg records an organization the knowledge base does not know.
func (a *article) newOrg(i, j int, country string) {
	name := a.text[a.toks[i].start:a.toks[j-1].end]
	if country == "" {
		// "... of Kazakhstan": the trailing country qualifies it.
		if j-i >= 3 && (a.toks[j-2].text == "of" || a.toks[j-2].text == "under") {
			country = countryIn(a.toks[j-1].info.cands)
		}
	}
	e := &kb.Entry{ID: slug(name), Name: name, Type: kb.Organization, Bloc: kb.Other, Country: country}
	if k, ok := a.r.kb.Entry(e.ID); ok {
		e = k
	} else if c, ok := a.r.kb.Entry(country); ok {
		e.Bloc = c.Bloc
	}
	a.mention(e, name, a.toks[i].start, a.toks[j-1].end, a.toks[i].sent)
	for k := i; k < j; k++ {
		a.used[k] = true
	}
	a.defineAcronym(j, e.ID)
}

// ministryKinds maps the words naming a ministry's field to one key.
var ministryKinds = map[string]string{
	"defense": "defense", "defence": "defense",
	"foreign": "foreign", "foreign affairs": "foreign", "external affairs": "foreign",
	"interior": "interior", "internal affairs": "interior", "home affairs": "interior",
	"emergency situations": "emergencies", "emergencies": "emergencies",
}

// ministry records "Ministry of Defense", "Defense Ministry", "Russian
// Ministry of Defense", "Kazakhstan’s Foreign Ministry" as the ministry of
// the right country: the qualifier in the run or before it, else the
// ministry of that field last mentioned, else the country last mentioned
// in the sentence, else the subject state.
func (a *article) ministry(i, j, head int, country string) {
	var field []string
	if head+1 < j && a.toks[head+1].text == "of" {
		field = a.texts(head+2, j)
	} else {
		field = a.texts(i, head)
		if country != "" && len(field) > 0 {
			field = field[1:]
		}
	}
	// "Ministry of Foreign Affairs of Kazakhstan".
	for k, w := range field {
		if w == "of" && k+1 < len(field) {
			if c := countryIn(a.r.index[keyOf(field[k+1:])]); c != "" {
				country = c
			}
			field = field[:k]
			break
		}
	}
	fieldText := strings.ToLower(strings.Join(field, " "))
	kindKey, ok := ministryKinds[fieldText]
	if !ok {
		kindKey = slug(fieldText)
	}
	if kindKey == "" {
		return
	}
	start := a.toks[i].start
	// A qualifier right before the run: "Kazakhstan’s", "Russian".
	if country == "" && i >= 1 {
		p := i - 1
		if isPossessive(a.word(p)) {
			p--
		}
		for _, c := range a.r.index[keyOf([]string{a.word(p)})] {
			if c.e.Type == kb.Country && c.kind != kSeat && p >= 0 && a.toks[p].sent == a.toks[i].sent {
				country = c.e.ID
				start = a.toks[p].start
				a.mention(c.e, a.toks[p].text, a.toks[p].start, a.toks[p].end, a.toks[p].sent)
				a.used[p] = true
			}
		}
	}
	if a.lastMinistry == nil {
		a.lastMinistry = map[string]string{}
	}
	if country == "" {
		country = a.lastMinistry[kindKey]
	}
	if country == "" {
		country = a.lastCountry(i)
	}
	if country == "" {
		country = a.opt.Subject
	}
	if country == "" {
		country = a.subjectSoFar()
	}
	if country == "" {
		return
	}
	a.lastMinistry[kindKey] = country
	id := country + "-" + kindKey + "-ministry"
	e, ok := a.r.kb.Entry(id)
	if !ok {
		name := country
		if c, ok := a.r.kb.Entry(country); ok {
			name = c.Name
		}
		field := strings.Join(a.texts(head+1, j), " ")
		if field == "" || !strings.HasPrefix(field, "of") {
			field = "of " + strings.Join(a.texts(i, head), " ")
		}
		e = &kb.Entry{ID: id, Name: name + " Ministry " + field, Type: kb.Organization, Country: country, Bloc: kb.Other}
		if c, ok := a.r.kb.Entry(country); ok {
			e.Bloc = c.Bloc
		}
	}
	a.mention(e, a.text[start:a.toks[j-1].end], start, a.toks[j-1].end, a.toks[i].sent)
	for k := i; k < j; k++ {
		a.used[k] = true
	}
}

// subjectSoFar returns the country of bloc other mentioned most so far
// (ties: the smaller ID), the best guess of the subject state.
func (a *article) subjectSoFar() string {
	best, n := "", 0
	for id, e := range a.ents {
		if e.Type == kb.Country && e.Bloc == kb.Other && (e.Mentions > n || (e.Mentions == n && id < best)) {
			best, n = id, e.Mentions
		}
	}
	return best
}

// lastCountry returns the country last mentioned in the sentence of token
// i, before it, or "".
func (a *article) lastCountry(i int) string {
	sent := a.toks[i].sent
	for k := len(a.mentions) - 1; k >= 0; k-- {
		m := a.mentions[k]
		if m.Sentence != sent {
			break
		}
		if e := a.ents[m.Entity]; e != nil && e.Type == kb.Country {
			return e.ID
		}
	}
	return ""
}

// roles resolves titles that stand for a person ("the Kazakh President",
// "Russia’s foreign minister") to the person in office on the article's
// date, when the title is not followed by the person's name.
func (a *article) roles() {
	if a.opt.Date.IsZero() {
		return
	}
	for i := 0; i < len(a.toks); i++ {
		if a.used[i] || !a.toks[i].word {
			continue
		}
		for n := min(3, a.toks[i].info.roleSpan); n >= 1; n-- {
			j := i + n
			if j > len(a.toks) || !a.sameSentence(i, j) {
				continue
			}
			role, ok := a.role(i, j)
			if !ok {
				continue
			}
			// Followed by a name: the name is the mention.
			if j < len(a.toks) && isCap(a.toks[j].text) && a.toks[j].word {
				break
			}
			country, start := a.qualifier(i)
			if country == "" {
				break
			}
			holders := a.r.kb.Holders(role, country, a.opt.Date)
			if len(holders) != 1 {
				break
			}
			form := a.text[start:a.toks[j-1].end]
			a.mention(holders[0], form, start, a.toks[j-1].end, a.toks[i].sent)
			for k := i; k < j; k++ {
				a.used[k] = true
			}
			i = j - 1
			break
		}
	}
}

// qualifier returns the country that qualifies a title at token i
// ("Kazakh", "Russia’s") and the offset where the qualifier starts.
func (a *article) qualifier(i int) (string, int) {
	p := i - 1
	if isPossessive(a.word(p)) {
		p--
	}
	if p < 0 || a.toks[p].sent != a.toks[i].sent {
		return "", 0
	}
	for _, c := range a.toks[p].info.cands {
		if c.e.Type == kb.Country && (c.kind == kAdj || c.kind == kName || c.kind == kAlias) {
			return c.e.ID, a.toks[p].start
		}
	}
	return "", 0
}

// resolvePending resolves single capitalised words to a person of the
// article whose name ends with them, or to a person of the knowledge base
// known by that short form and in office at the article's date.
func (a *article) resolvePending() {
	if len(a.pending) == 0 {
		return
	}
	persons := a.sc.persons
	for _, e := range a.ents {
		if e.Type != kb.Person {
			continue
		}
		for _, f := range e.Forms {
			a.sc.formToks = tokenize(f.Text, a.sc.formToks)
			last := a.info(a.sc.formToks[len(a.sc.formToks)-1].text)
			if last.flags&flagTitleWord != 0 || a.r.roles[last.key] != "" {
				continue // a role form ("Kazakh President")
			}
			persons[last.key] = append(persons[last.key], e)
		}
		if k, ok := a.r.kb.Entry(e.ID); ok {
			for _, s := range k.Short {
				key := a.info(s).key
				persons[key] = append(persons[key], e)
			}
		}
	}
	for _, p := range a.pending {
		t := a.toks[p.i]
		key := t.info.key
		var hit *Entity
		for _, e := range persons[key] {
			if hit == nil || e.ID < hit.ID {
				hit = e
			}
		}
		if hit != nil {
			a.mention(&kb.Entry{ID: hit.ID, Name: hit.Name, Type: hit.Type, Bloc: hit.Bloc, Country: hit.Country}, t.text, t.start, t.end, t.sent)
			continue
		}
		var inOffice []cand
		for _, c := range p.cands {
			if c.kind == kShort && a.inOffice(c.e) {
				inOffice = append(inOffice, c)
			}
		}
		if len(inOffice) == 1 {
			a.mention(inOffice[0].e, t.text, t.start, t.end, t.sent)
			continue
		}
		if len(p.cands) == 0 && p.title && !a.toks[p.i].first {
			e := &kb.Entry{ID: slug(t.text), Name: t.text, Type: kb.Person, Bloc: kb.Other}
			a.mention(e, t.text, t.start, t.end, t.sent)
		}
	}
}

// sortedMentions returns the mentions in text order, in a new slice of
// their length: a stable sort by start offset. Keys pack the offset above
// the index of the mention, so that an unstable sort of the keys is
// stable.
func (a *article) sortedMentions() []Mention {
	if len(a.mentions) == 0 {
		return nil
	}
	if uint64(len(a.text)) > math.MaxUint32 || uint64(len(a.mentions)) > math.MaxUint32 {
		out := slices.Clone(a.mentions)
		slices.SortStableFunc(out, func(x, y Mention) int { return cmp.Compare(x.Start, y.Start) })
		return out
	}
	order := a.sc.order[:0]
	for k, m := range a.mentions {
		order = append(order, uint64(m.Start)<<32|uint64(k))
	}
	slices.Sort(order)
	a.sc.order = order
	out := make([]Mention, len(order))
	for n, o := range order {
		out[n] = a.mentions[uint32(o)]
	}
	return out
}

func (a *article) result() *Result {
	res := &Result{Mentions: a.sortedMentions()}
	// Form texts and entity IDs are unique: any sort gives one order.
	// Sorting pointers moves less than sorting entities.
	ents := a.sc.sorted[:0]
	for _, e := range a.ents {
		slices.SortFunc(e.Forms, func(x, y Form) int { return strings.Compare(x.Text, y.Text) })
		ents = append(ents, e)
	}
	slices.SortFunc(ents, func(x, y *Entity) int { return strings.Compare(x.ID, y.ID) })
	if len(ents) > 0 {
		res.Entities = make([]Entity, len(ents))
	}
	for k, e := range ents {
		res.Entities[k] = *e
	}
	clear(ents)
	a.sc.sorted = ents[:0]
	if len(a.sources) > 0 {
		res.Sources = make([]string, 0, len(a.sources))
	}
	for s := range a.sources {
		res.Sources = append(res.Sources, s)
	}
	slices.Sort(res.Sources)
	return res
}

// String is for debugging.
func (m Mention) String() string { return fmt.Sprintf("%s@%d:%q", m.Entity, m.Start, m.Form) }
