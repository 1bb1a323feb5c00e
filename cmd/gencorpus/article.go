package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

type actorKind uint8

const (
	kState actorKind = iota
	kPerson
	kOrg
	kCompany
	kInvPerson // an invented official, idx in the people pool
	kInvInst   // an invented institution, idx in the institution pool
)

// actor is one actor of the vocabulary or of an invented pool.
type actor struct {
	kind actorKind
	idx  int
}

// Shape of an article, drawn to resemble the seed articles (757 to 3291
// words; 4 to about 20 paragraphs; 2 to 6 sentences a paragraph).
const (
	medianWords   = 1000 // median article length; the seeds' median is 887
	sigmaWords    = 0.45 // log-normal spread: 90% of articles within 480..2100 words
	minWords      = 650
	maxWords      = 3600
	wordsPerPara  = 100 // the seeds average 95
	minParas      = 4
	maxParas      = 15
	minSentences  = 2
	maxSentences  = 6
	citationShare = 0.12 // share of sentences ending in "(Source, Month D)"
	quoteShare    = 0.08 // share of sentences quoting someone
	dupShare      = 0.05 // share of articles repeating a paragraph
)

// actorsPerSentence is the distribution of the number of actor slots of a
// sentence (0 to 4), about what the seeds' gold annotations show.
var actorsPerSentence = []float64{0.12, 0.30, 0.33, 0.15, 0.10}

var months = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// invRoles are titles of invented officials on their first mention.
var invRoles = []string{"Deputy Foreign Minister", "Deputy Defense Minister", "Energy Minister",
	"Ambassador", "General", "Senator", "Deputy Prime Minister", "Governor", "Deputy Chairman",
	"Colonel", "Deputy Economy Minister", "Presidential Adviser"}

// invAppositives follow an invented official's name on first mention; %s
// is an invented institution.
var invAppositives = []string{"an analyst at %s", "director of %s", "a senior fellow at %s",
	"head of %s", "a researcher at %s", "an expert at %s"}

var plainAppositives = []string{"a member of parliament", "a former diplomat",
	"a senior government official", "a retired general", "an opposition politician"}

var bioRoles = []string{"a senior fellow", "a professor of international relations",
	"an independent analyst", "a visiting scholar", "a research associate", "a journalist"}

var bioPlaces = []string{"the Jamestown Foundation", "the Central Asia Program of George Washington University",
	"the Kennan Institute", "the Royal United Services Institute", "the University of Glasgow",
	"the Central Asia-Caucasus Institute"}

// generator writes the articles of one corpus.
type generator struct {
	v       *vocab
	seed    uint64
	persons int // size of the pool of invented officials
	insts   int // size of the pool of invented institutions
}

// newGenerator returns a generator of n articles. The invented pools grow
// with n (n/16+150 officials, n/25+100 institutions), so the network grows
// with the corpus: about 5,600 actors at n = 50,000.
func newGenerator(v *vocab, n int, seed uint64) *generator {
	return &generator{
		v:       v,
		seed:    seed,
		persons: min(n/16+150, v.personCap()),
		insts:   min(n/25+100, v.instCap()),
	}
}

// writer is the state of one article being written.
type writer struct {
	g   *generator
	v   *vocab
	r   *rand.Rand
	b   strings.Builder
	apo string // apostrophe: ’ or '
	lq  string // left and right quotation marks
	rq  string

	year, month, day int
	subject          int // index of the subject state
	author           string
	title            string

	own, poles, others []actor // the cast, by side
	invP, invI         []actor
	seen               map[actor]bool // introduced with a full form
	acronym            map[actor]bool // acronym defined in the text
	inSentence         map[actor]bool
}

// article returns the text of article i. It depends only on the seed, the
// corpus size and i.
func (g *generator) article(i int) []byte {
	w := &writer{g: g, v: g.v, r: rand.New(rand.NewPCG(g.seed, uint64(i))),
		seen: map[actor]bool{}, acronym: map[actor]bool{}, inSentence: map[actor]bool{}}
	w.apo, w.lq, w.rq = "’", "“", "”"
	if w.r.Float64() < 0.15 {
		w.apo, w.lq, w.rq = "'", `"`, `"`
	}
	w.setup()
	target := math.Exp(math.Log(medianWords) + sigmaWords*w.r.NormFloat64())
	target = math.Max(minWords, math.Min(maxWords, target))
	w.header()
	paras := w.body(target)
	w.b.WriteString(strings.Join(paras, "\n\n"))
	w.b.WriteString("\n")
	w.footer()
	return []byte(w.b.String())
}

// setup draws the date, the subject state and the cast.
func (w *writer) setup() {
	v, r := w.v, w.r
	w.year = 1991 + r.IntN(36) // 1991..2026
	w.month = 1 + r.IntN(12)
	w.day = 1 + r.IntN(28)
	// Kazakhstan (the first subject) in half of the articles.
	if r.Float64() < 0.5 {
		w.subject = v.subjects[0]
	} else {
		w.subject = v.subjects[r.IntN(len(v.subjects))]
	}
	w.author = pick(r, v.lists["authorfirst"]) + " " + pick(r, v.lists["authorlast"])
	w.own = sample(r, v.byState[w.subject], 1+r.IntN(4))
	w.poles = sample(r, v.poles, 2+r.IntN(4))
	if r.Float64() < 0.7 {
		w.poles = append(w.poles, actor{kState, v.stateIndex["Russia"]})
	}
	if r.Float64() < 0.5 {
		w.poles = append(w.poles, actor{kState, v.stateIndex["United States"]})
	}
	w.others = sample(r, v.others, 1+r.IntN(3))
	for range 1 + r.IntN(5) {
		w.invP = append(w.invP, actor{kInvPerson, skewed(r, w.g.persons)})
	}
	for range 1 + r.IntN(3) {
		w.invI = append(w.invI, actor{kInvInst, skewed(r, w.g.insts)})
	}
	w.title = w.headline()
}

// skewed draws from [0, n) with density falling as 1/sqrt(k): a few
// invented actors recur often, most rarely.
func skewed(r *rand.Rand, n int) int {
	u := r.Float64()
	return min(int(float64(n)*u*u), n-1)
}

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

// sample draws up to n distinct elements of list.
func sample(r *rand.Rand, list []actor, n int) []actor {
	n = min(n, len(list))
	idx := r.Perm(len(list))[:n]
	out := make([]actor, n)
	for i, j := range idx {
		out[i] = list[j]
	}
	return out
}

func (w *writer) subjectState() state { return w.v.states[w.subject] }

func (w *writer) dateText() string {
	return fmt.Sprintf("%s %d, %d", months[w.month-1], w.day, w.year)
}

// headline returns a Title Case title.
func (w *writer) headline() string {
	s := w.subjectState().name
	h := pick(w.r, w.v.lists["headline"])
	switch w.r.IntN(4) {
	case 0:
		return s + w.apo + "s " + h
	case 1:
		return h + " in " + s
	case 2:
		p := "Russia"
		if w.r.IntN(2) == 0 {
			p = "the West"
		}
		return s + " and " + p + ": " + h
	}
	return "Why " + s + " Bets on " + h
}

// header writes the header lines: the seeds' one-line Publication header,
// a block of Title, Publication, Date and Author lines, a block with a URL,
// or no header but a title line and a date line.
func (w *writer) header() {
	u := w.r.Float64()
	switch {
	case u < 0.5:
		vol := w.year - 2003 // Eurasia Daily Monitor started in 2004
		if vol < 1 {
			vol = w.year - 1990
		}
		fmt.Fprintf(&w.b, "Publication: Eurasia Daily Monitor Volume: %d Issue: %d\n\n", vol, 1+w.r.IntN(240))
	case u < 0.7:
		fmt.Fprintf(&w.b, "Title: %s\nPublication: %s\nDate: %s\nAuthor: %s\n\n",
			w.title, pick(w.r, w.v.lists["publications"]), w.dateText(), w.author)
	case u < 0.85:
		fmt.Fprintf(&w.b, "Title: %s\nDate: %04d-%02d-%02d\nURL: https://jamestown.org/program/%s/\n\n",
			w.title, w.year, w.month, w.day, slug(w.title))
	default:
		fmt.Fprintf(&w.b, "%s\n%s\n\n", w.title, w.dateText())
	}
}

// slug returns the lower-case words of s joined by hyphens.
func slug(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), "-")
}

// footer writes the boilerplate after the body: an author bio, an "About"
// block with a disclaimer, a URL line, a subscription line.
func (w *writer) footer() {
	r := w.r
	bio := fmt.Sprintf("%s is %s at %s.", w.author, pick(r, bioRoles), pick(r, bioPlaces))
	switch u := r.Float64(); {
	case u < 0.35:
		fmt.Fprintf(&w.b, "\n%s\n", bio)
	case u < 0.45:
		fmt.Fprintf(&w.b, "\nAbout\n%s\n:\n%s\nThe views presented in this article are the author%ss own and do not necessarily represent the views of any other organization.\n", w.author, bio, w.apo)
	}
	switch u := r.Float64(); {
	case u < 0.1:
		fmt.Fprintf(&w.b, "\nhttps://jamestown.org/program/%s/\n", slug(w.title))
	case u < 0.2:
		w.b.WriteString("\nwww.jamestown.org\n")
	case u < 0.25:
		w.b.WriteString("\nClick here to subscribe to the Eurasia Daily Monitor.\n")
	}
}

// body returns about target words in paragraphs.
func (w *writer) body(target float64) []string {
	r := w.r
	n := int(math.Round(target / wordsPerPara * (0.8 + 0.4*r.Float64())))
	n = max(minParas, min(maxParas, n))
	paras := make([]string, 0, n+1)
	for range n {
		budget := target / float64(n) * (0.7 + 0.6*r.Float64())
		k := int(math.Round(budget / (22 + 10*r.Float64())))
		k = max(minSentences, min(maxSentences, k))
		per := budget / float64(k)
		var p strings.Builder
		got := 0
		for s := 0; s < minSentences || (s < maxSentences && float64(got) < budget-per/2); s++ {
			if s > 0 {
				p.WriteByte(' ')
			}
			text := w.sentence(per, s == k-1)
			got += wordCount(text)
			p.WriteString(text)
		}
		paras = append(paras, p.String())
	}
	if r.Float64() < dupShare && len(paras) > 2 {
		i := 1 + r.IntN(len(paras)-2)
		j := i + 1 + r.IntN(len(paras)-i-1)
		paras = append(paras[:j+1], paras[j:]...)
		paras[j] = paras[i]
	}
	return paras
}

// sentence returns one sentence of about words words.
func (w *writer) sentence(words float64, last bool) string {
	r := w.r
	clear(w.inSentence)
	k := 0
	for u := r.Float64(); k < len(actorsPerSentence)-1 && u >= actorsPerSentence[k]; k++ {
		u -= actorsPerSentence[k]
	}
	if k > 0 && r.Float64() < quoteShare {
		return w.quote()
	}
	m := min(k, 3)
	s := w.fill(pick(r, w.v.lists[fmt.Sprintf("main%d", m)]))
	s = strings.TrimSuffix(s, ".")
	left := k - m
	used := 0 // indices of the extensions used, one bit each: ext0 in bits 0..31, ext1 in 32..63
	for ext := 0; ext < 4 && (left > 0 || float64(wordCount(s)) < words-4); ext++ {
		list, off := w.v.lists["ext0"], 0
		if left > 0 {
			list, off = w.v.lists["ext1"], 32
			left--
		}
		j := r.IntN(len(list))
		for used&(1<<(off+j%32)) != 0 {
			j = (j + 1) % len(list)
		}
		used |= 1 << (off + j%32)
		s += w.fill(list[j])
	}
	share := citationShare
	if last {
		share *= 2
	}
	if r.Float64() < share {
		s += " " + w.citation()
	}
	return capitalize(fixArticles(s)) + "."
}

// fixArticles turns "a" before a vowel into "an" and "an" before a
// consonant into "a": templates put adjectives after a fixed article.
func fixArticles(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], ' ')
		if j < 0 {
			b.WriteString(s[i:])
			break
		}
		word := s[i : i+j]
		next := s[i+j+1:]
		if word == "a" || word == "an" {
			vowel := next != "" && strings.IndexByte("aeiouAEIOU", next[0]) >= 0
			if vowel {
				word = "an"
			} else {
				word = "a"
			}
		}
		b.WriteString(word)
		b.WriteByte(' ')
		i += j + 1
	}
	return b.String()
}

// quote returns a quoted statement with its speaker.
func (w *writer) quote() string {
	q := pick(w.r, w.v.lists["quote"])
	who := w.slot("Q")
	say := pick(w.r, w.v.lists["say"])
	if w.r.IntN(2) == 0 {
		return capitalize(who) + " " + say + ": " + w.lq + q + "." + w.rq
	}
	s := w.lq + q + "," + w.rq + " " + who + " " + say
	if w.r.Float64() < 0.3 {
		s += " " + w.citation()
	}
	return s + "."
}

// citation returns a parenthesised source: "(Interfax, October 16)".
func (w *writer) citation() string {
	m := w.month - w.r.IntN(2)
	if m < 1 {
		m = 1
	}
	date := fmt.Sprintf("%s %d", months[m-1], 1+w.r.IntN(28))
	switch u := w.r.Float64(); {
	case u < 0.15:
		return "(" + pick(w.r, w.v.lists["domains"]) + ", " + w.v.states[w.subject].capital + ", " + date + ")"
	case u < 0.3:
		return "(" + pick(w.r, w.v.lists["sources"]) + ", Moscow, " + date + ")"
	}
	return "(" + pick(w.r, w.v.lists["sources"]) + ", " + date + ")"
}

// fill replaces the slots of a template.
func (w *writer) fill(t string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			b.WriteString(t)
			return b.String()
		}
		j := strings.IndexByte(t[i:], '}') + i
		b.WriteString(t[:i])
		b.WriteString(w.slot(t[i+1 : j]))
		t = t[j+1:]
	}
}

// slot returns the text of one slot.
func (w *writer) slot(name string) string {
	r := w.r
	switch name {
	case "when", "When":
		var s string
		switch u := r.Float64(); {
		case u < 0.5:
			s = fmt.Sprintf("on %s %d", months[w.month-1], 1+r.IntN(28))
		case u < 0.7:
			s = fmt.Sprintf("in %s %d", months[r.IntN(12)], w.year)
		case u < 0.85:
			s = "last week"
		default:
			s = "earlier this year"
		}
		if name == "When" {
			s = capitalize(s)
		}
		return s
	case "city":
		if r.Float64() < 0.3 {
			return w.subjectState().capital
		}
		return pick(r, w.v.lists["cities"])
	case "year":
		return strconv.Itoa(max(1991, w.year-1-r.IntN(15)))
	}
	if isActorSlot(name) {
		poss := strings.HasSuffix(name, "'s")
		return w.render(w.draw(name[0]), poss)
	}
	return pick(r, w.v.lists[name])
}

// draw picks the actor of an actor slot, avoiding one already named in the
// sentence where it can.
func (w *writer) draw(kind byte) actor {
	var a actor
	for try := 0; try < 4; try++ {
		a = w.drawOnce(kind)
		if !w.inSentence[a] {
			break
		}
	}
	w.inSentence[a] = true
	return a
}

func (w *writer) drawOnce(kind byte) actor {
	r, v := w.r, w.v
	fresh := r.Float64() < 0.1
	switch kind {
	case 'S':
		return actor{kState, w.subject}
	case 'P':
		if fresh || len(w.poles) == 0 {
			a := v.poles[r.IntN(len(v.poles))]
			w.poles = append(w.poles, a)
			return a
		}
		return w.poles[r.IntN(len(w.poles))]
	case 'Q':
		var people []actor
		for _, list := range [][]actor{w.own, w.poles, w.others} {
			for _, a := range list {
				if a.kind == kPerson {
					people = append(people, a)
				}
			}
		}
		if len(people) == 0 || r.Float64() < 0.35 {
			return w.drawOnce('I')
		}
		return people[r.IntN(len(people))]
	case 'O':
		var orgs []actor
		for _, list := range [][]actor{w.own, w.poles, w.others} {
			for _, a := range list {
				if a.kind == kOrg {
					orgs = append(orgs, a)
				}
			}
		}
		if fresh || len(orgs) == 0 {
			a := actor{kOrg, r.IntN(len(v.orgs))}
			w.others = append(w.others, a)
			return a
		}
		return orgs[r.IntN(len(orgs))]
	case 'C':
		return actor{kCompany, r.IntN(len(v.companies))}
	case 'I':
		if fresh {
			w.invP = append(w.invP, actor{kInvPerson, skewed(r, w.g.persons)})
		}
		return w.invP[r.IntN(len(w.invP))]
	case 'J':
		if fresh {
			w.invI = append(w.invI, actor{kInvInst, skewed(r, w.g.insts)})
		}
		return w.invI[r.IntN(len(w.invI))]
	}
	// 'A': any actor.
	switch u := r.Float64(); {
	case u < 0.25 && len(w.own) > 0:
		return w.own[r.IntN(len(w.own))]
	case u < 0.5:
		return w.drawOnce('P')
	case u < 0.65:
		if fresh || len(w.others) == 0 {
			a := v.others[r.IntN(len(v.others))]
			w.others = append(w.others, a)
			return a
		}
		return w.others[r.IntN(len(w.others))]
	case u < 0.85:
		return w.drawOnce('I')
	}
	return w.drawOnce('J')
}

// render returns the text of a mention of a: a full form the first time,
// a short one afterwards.
func (w *writer) render(a actor, poss bool) string {
	r, v := w.r, w.v
	first := !w.seen[a]
	w.seen[a] = true
	var s string
	switch a.kind {
	case kState:
		st := v.states[a.idx]
		switch u := r.Float64(); {
		case u < 0.7:
			s = st.name
		case u < 0.85:
			s = st.capital
		default:
			s = "the " + st.adj + " government"
		}
	case kPerson:
		p := v.people[a.idx]
		of, isState := p.of, false
		if j, ok := v.stateIndex[p.of]; ok {
			of, isState = v.states[j].adj, true
		}
		switch u := r.Float64(); {
		case !first && u < 0.9:
			s = p.short
		case u < 0.55 || !first:
			s = of + " " + p.title + " " + p.name
		case u < 0.8 && isState && !strings.HasSuffix(p.of, "s"):
			s = p.of + w.apo + "s " + p.title + " " + p.name
		case !poss && isState:
			s = p.name + ", the " + strings.ToLower(p.title) + " of " + p.of + ","
		default:
			s = of + " " + p.title + " " + p.name
		}
	case kOrg:
		o := v.orgs[a.idx]
		switch {
		case first && o.acronym != "" && !poss:
			s = o.name + " (" + o.acronym + ")"
			w.acronym[a] = true
		case first && o.acronym != "":
			s = o.name
			w.seen[a] = false // define the acronym on a later mention
		case o.acronym != "" && r.Float64() < 0.8:
			s = o.acronym
			if !o.bare {
				s = "the " + s
			}
		default:
			s = o.name
		}
	case kCompany:
		s = v.companies[a.idx].name
	case kInvPerson:
		firstName, last := v.inventedPerson(a.idx)
		full := firstName + " " + last
		switch u := r.Float64(); {
		case !first && u < 0.9:
			s = last
		case !first:
			s = full
		case u < 0.45 || poss:
			role := pick(r, invRoles)
			if r.IntN(2) == 0 {
				role = w.subjectState().adj + " " + role
			}
			s = role + " " + full
		case u < 0.85:
			inst := w.draw('J')
			s = full + ", " + fmt.Sprintf(pick(r, invAppositives), w.render(inst, false)) + ","
		case u < 0.93:
			s = full + ", " + pick(r, plainAppositives) + ","
		default:
			s = full
		}
	case kInvInst:
		name := "the " + v.inventedInst(a.idx)
		switch {
		case first && !poss && r.Float64() < 0.3:
			s = name + " (" + acronymOf(name) + ")"
			w.acronym[a] = true
		case !first && w.acronym[a] && r.Float64() < 0.7:
			s = "the " + acronymOf(name)
		default:
			s = name
		}
	}
	if poss {
		s = strings.TrimSuffix(s, ",") + w.apo + "s"
	}
	return s
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || unicode.IsUpper(r) {
		return s
	}
	if r == '“' || r == '"' {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// wordCount counts the space-separated words of s.
func wordCount(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		sp := s[i] == ' ' || s[i] == '\n' || s[i] == '\t'
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}
