package ingest

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Errors returned by Parse, wrapped with the file name.
var (
	ErrEmpty       = errors.New("ingest: empty file")
	ErrBinary      = errors.New("ingest: binary content")
	ErrInvalidUTF8 = errors.New("ingest: invalid UTF-8")
	ErrNoBody      = errors.New("ingest: no body")
)

// Document is one article: its metadata and its cleaned body.
type Document struct {
	Name         string // the path as given, for messages
	ID           string // the file name without directory and without .txt
	Title        string
	Publication  string
	Author       string
	URL          string
	License      string
	Source       string
	Volume       string
	Issue        string
	Date         string            // "YYYY-MM-DD" or ""
	DateInferred bool              // Date was inferred from the dates the text cites
	Meta         map[string]string // every header key as written, value trimmed
	Paragraphs   []Paragraph       // body paragraphs, cleaned, duplicates dropped, in order
	Body         string            // paragraph texts joined by "\n\n"
	Dropped      []Drop            // what was removed and why, in file order
}

// Paragraph is one body paragraph; Text is Body[Start:Start+len(Text)].
type Paragraph struct {
	Text  string
	Start int // byte offset of Text in Body
}

// Drop is a line or paragraph left out of the body, with one of the Reason
// constants.
type Drop struct {
	Text   string
	Reason string
}

// state is what Parse carries between its steps besides the Document.
type state struct {
	doc        *Document
	headerDate string // the value of a Date header, as written
	lineDate   string // the first date line, "YYYY-MM-DD"
}

// Parse reads one article file. name is used for ID and in errors.
//
// It decodes the bytes (UTF-8 with or without a byte order mark, UTF-16
// with a byte order mark or, in mostly-ASCII text, without), normalises line
// endings and white space, reads a header of "Key: value" fields, groups
// lines into paragraphs, drops boilerplate (titles, date lines, bylines,
// author biographies, disclaimers, taglines, addresses, share and copyright
// lines, captions, menu words) and repeated paragraphs, and sets Date from
// the header, from a date line, or else by inferDate.
func Parse(name string, data []byte) (*Document, error) {
	text, err := decode(name, data)
	if err != nil {
		return nil, err
	}
	doc := &Document{Name: name, ID: id(name), Meta: map[string]string{}}
	st := &state{doc: doc}
	lines := strings.Split(text, "\n")
	start := parseHeader(st, lines)
	if strings.HasPrefix(strings.ToLower(doc.Author), "by ") {
		doc.Author = strings.TrimSpace(doc.Author[3:])
	}
	kept := classify(st, paragraphs(lines[start:]))
	if len(kept) == 0 {
		return nil, fmt.Errorf("%s: %w", name, ErrNoBody)
	}
	size := 2 * (len(kept) - 1)
	for _, p := range kept {
		size += len(p)
	}
	var body strings.Builder
	body.Grow(size)
	doc.Paragraphs = make([]Paragraph, 0, len(kept))
	for i, p := range kept {
		if i > 0 {
			body.WriteString("\n\n")
		}
		doc.Paragraphs = append(doc.Paragraphs, Paragraph{Text: p, Start: body.Len()})
		body.WriteString(p)
	}
	doc.Body = body.String()
	if d, ok := parseDate(st.headerDate); ok {
		doc.Date = d
	} else if st.lineDate != "" {
		doc.Date = st.lineDate
	} else if d := inferDate(doc, kept); d != "" {
		doc.Date, doc.DateInferred = d, true
	}
	return doc, nil
}

// id returns the file name without directory and without ".txt".
func id(name string) string {
	base := name[strings.LastIndexAny(name, `/\`)+1:]
	if ext := filepath.Ext(base); strings.EqualFold(ext, ".txt") {
		base = base[:len(base)-len(ext)]
	}
	return base
}

// classify decides for each paragraph whether it is body or boilerplate,
// records the boilerplate in doc.Dropped and returns the body paragraphs.
//
// Boilerplate wherever it stands: see boilerplate, plus date lines. In
// context: an "About" line opens an author block (a name line, stray
// punctuation, paragraphs that start with the name or read as a
// biography); a "By Name" line is a byline; a paragraph that reads as a
// biography is dropped when it opens with the author's name or stands last
// or just before other boilerplate; a Title Case line is the title when the
// header gives none and it comes before any body paragraph or next to a
// date line, and a later copy of the title is dropped; a line repeating the
// publication's name is dropped. Last, a paragraph whose normalised text
// was seen before is a duplicate.
func classify(st *state, paras []string) []string {
	doc := st.doc
	reason := make([]string, len(paras))
	for i, p := range paras {
		if r := boilerplate(p); r != "" {
			reason[i] = r
		} else if d, ok := dateLine(p); ok {
			reason[i] = ReasonDateLine
			if st.lineDate == "" {
				st.lineDate = d
			}
		}
	}
	var names []string
	if doc.Author != "" {
		names = append(names, doc.Author)
	}
	for i := 0; i < len(paras); i++ {
		p := paras[i]
		if reason[i] == "" && aboutInline(p) {
			reason[i] = ReasonBio
			continue
		}
		if !aboutLine(p) {
			continue
		}
		reason[i] = ReasonBio
		name := ""
	block:
		for j := i + 1; j < len(paras); j++ {
			q := paras[j]
			switch {
			case name == "" && reason[j] == "" && nameLike(q):
				name = q
			case reason[j] == ReasonStray:
			case reason[j] == "" && (startsWithName(q, name) || bioLike(q)):
			default:
				break block
			}
			reason[j], i = ReasonBio, j
		}
		if name != "" {
			names = append(names, name)
			if doc.Author == "" {
				doc.Author = name
			}
		}
	}
	for i, p := range paras {
		if reason[i] != "" {
			continue
		}
		if credit(p) {
			reason[i] = ReasonCredit
			continue
		}
		if name, ok := byline(p); ok && words(name) <= maxNameWords {
			reason[i] = ReasonByline
			names = append(names, name)
			if doc.Author == "" {
				doc.Author = name
			}
		}
	}
	for i := len(paras) - 1; i >= 0; i-- {
		p := paras[i]
		if reason[i] != "" {
			continue
		}
		for _, n := range names {
			if startsWithName(p, n) && bioRe.MatchString(p) {
				reason[i] = ReasonBio
			}
		}
		if reason[i] == "" && (i == len(paras)-1 || reason[i+1] != "") && bioLike(p) {
			reason[i] = ReasonBio
		}
	}
	keys := normKeys(paras)
	site := []string{normKey(doc.Publication), normKey(doc.Source)}
	for i := range paras {
		if k := keys[i]; reason[i] == "" && k != "" && (k == site[0] || k == site[1]) {
			reason[i] = ReasonSiteName
		}
	}
	seenBody, titleKey := false, normKey(doc.Title)
	for i, p := range paras {
		if reason[i] != "" {
			continue
		}
		nearDate := (i > 0 && reason[i-1] == ReasonDateLine) || (i+1 < len(paras) && reason[i+1] == ReasonDateLine)
		switch {
		case doc.Title == "" && (!seenBody || nearDate) && titleLike(p):
			doc.Title, titleKey = p, keys[i]
			reason[i] = ReasonTitle
		case doc.Title != "" && keys[i] == titleKey:
			reason[i] = ReasonTitle
		default:
			seenBody = true
		}
	}
	seen := make(map[string]bool)
	var kept []string
	for i, p := range paras {
		if reason[i] == "" {
			k := keys[i]
			if seen[k] {
				reason[i] = ReasonDuplicate
			} else {
				seen[k] = true
				kept = append(kept, p)
			}
		}
		if reason[i] != "" {
			doc.Dropped = append(doc.Dropped, Drop{Text: p, Reason: reason[i]})
		}
	}
	return kept
}

// normKey folds a paragraph for comparison: curly quotes to straight ones,
// dashes to hyphens, lower case, single spaces. It is normKeySlow in one
// pass, a byte at a time over ASCII: the folds never turn a rune into white
// space, so mapping then splitting on white space is the same as splitting
// while mapping.
func normKey(s string) string {
	return string(appendNormKey(make([]byte, 0, len(s)), s))
}

// normKeys returns normKey of each of paras, cut from one string.
func normKeys(paras []string) []string {
	size := 0
	for _, p := range paras {
		size += len(p)
	}
	buf := make([]byte, 0, size)
	ends := make([]int, len(paras))
	for i, p := range paras {
		buf = appendNormKey(buf, p)
		ends[i] = len(buf)
	}
	all := string(buf)
	keys := make([]string, len(paras))
	start := 0
	for i, end := range ends {
		keys[i], start = all[start:end], end
	}
	return keys
}

// appendNormKey appends normKey(s) to b.
func appendNormKey(b []byte, s string) []byte {
	start := len(b)
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			if r = foldKeyRune(r); unicode.IsSpace(r) {
				space = true
				continue
			}
			if space && len(b) > start {
				b = append(b, ' ')
			}
			space = false
			b = utf8.AppendRune(b, r)
			continue
		}
		if asciiSpace(c) {
			space = true
			i++
			continue
		}
		if space && len(b) > start {
			b = append(b, ' ')
		}
		space = false
		b, i = appendKeyRun(b, s, i)
	}
	return b
}

// appendKeyRun appends the key of the run of ASCII that starts at s[i], a
// byte other than white space, and returns the index after the run. Only
// capitals change in it. The run goes on over printable ASCII and single
// spaces between such bytes, which appendNormKey would write as they are.
func appendKeyRun(b []byte, s string, i int) ([]byte, int) {
	b = slices.Grow(b, len(s)-i) // the key of ASCII is no longer than it
	out := b[len(b) : len(b)+len(s)-i]
	out[0] = asciiLower[s[i]] // s[i] may be NUL or a control
	n, prev := 1, runText
	for i++; i < len(s); i++ {
		// One test a byte: spaces come at random, and a branch on
		// each would often be mispredicted.
		c := s[i]
		class := runClass[c]
		if prev+class >= runOther {
			break
		}
		out[n] = asciiLower[c]
		n, prev = n+1, class
	}
	if prev == runSpace { // a space that ends the run is left to the caller
		i, n = i-1, n-1
	}
	return b[:len(b)+n], i
}

// Classes of bytes in a run of ASCII text (see runClass).
const (
	runText  uint8 = 0 // printable ASCII other than the space
	runSpace uint8 = 1 // the space
	runOther uint8 = 2 // anything else: controls, other white space, non-ASCII
)

// runClass classifies bytes for appendKeyRun and asciiRun: a run ends
// where the classes of two adjacent bytes add up to runOther or more,
// before a byte of class runOther or a second space.
var runClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c == ' ':
			t[c] = runSpace
		case c > ' ' && c < 0x7F:
			t[c] = runText
		default:
			t[c] = runOther
		}
	}
	return t
}()

// asciiLower maps ASCII capitals to lower case and every other byte to
// itself.
var asciiLower = func() (t [256]byte) {
	for c := range t {
		t[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			t[c] = byte(c) + 'a' - 'A'
		}
	}
	return t
}()

// asciiSpace reports whether c is ASCII white space to unicode.IsSpace.
func asciiSpace(c byte) bool {
	return c == ' ' || '\t' <= c && c <= '\r'
}

// foldKeyRune maps typographic quotes and dashes to ASCII and lower-cases.
func foldKeyRune(r rune) rune {
	switch r {
	case '‘', '’', '‚', '‛', '′':
		return '\''
	case '“', '”', '„', '‟', '″', '«', '»':
		return '"'
	case '‐', '‑', '‒', '–', '—', '―', '−':
		return '-'
	}
	return unicode.ToLower(r)
}

// normKeySlow is normKey by definition: fold, then join the fields.
func normKeySlow(s string) string {
	return strings.Join(strings.Fields(strings.Map(foldKeyRune, s)), " ")
}
