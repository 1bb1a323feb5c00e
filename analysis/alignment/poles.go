package alignment

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Stance is a sentence's label: the name of the pole it leans toward, or
// None.
type Stance string

// The labels of the default poles file: toward Russia (the first pole),
// toward the West (the second pole), or neither.
const (
	Russia Stance = "russia"
	West   Stance = "west"
	None   Stance = "none"
)

// Pole is one side of the alignment axis.
type Pole struct {
	Name  Stance   // the stance label, e.g. "russia"
	Label string   // for people, e.g. "Russia"
	Blocs []string // actors of these blocs belong to the pole
	IDs   []string // and so do these entity IDs and the actors of these countries
}

// Params are the numeric settings of the scorer; README.md explains each.
type Params struct {
	Comention      float64 // evidence of a subject and one pole named with no cue
	Hedge          float64 // factor of a hedged clause
	Concession     float64 // factor of a conceded clause (despite, although, while)
	Adversative    float64 // factor of what precedes ", but" / "; however"
	Aside          float64 // factor of a parenthesis
	Fallback       float64 // factor of a cue whose pole is outside its clause
	Carry          float64 // factor of cues aimed at poles carried from the previous sentence
	Implicit       float64 // factor of a sentence whose subject is implied: it names one pole and no other actor
	Continuation   float64 // evidence of a sentence about one pole alone that follows a sentence leaning to that pole
	Balance        float64 // min/max of the two poles' evidence at or above which a sentence is none
	Saturation     float64 // cap of one clause's evidence toward one pole, in its label
	PressurePull   float64 // factor of a pole's pressure in a sentence's Pull
	Shrinkage      float64 // k of the article and actor score (R-W)/(R+W+k)
	Lede           float64 // weight of an article's first sentence in its score
	Title          float64 // weight of an article's title in its score
	ReaderPull     float64 // share of the reader's probabilities in the pull of a sentence that has evidence (see Reread)
	StepZero       float64 // |score| up to which an article's step is 0
	StepFull       float64 // |score| from which an article's step is ±1 (±0.5 between)
	NegationWindow int     // words a negation reaches forward
	GovernWindow   int     // words an away cue reaches to reverse the next cue
}

// DefaultParams are the settings a poles file starts from.
var DefaultParams = Params{
	Comention: 0.25, Hedge: 0.5, Concession: 0.35, Adversative: 0.5, Aside: 0.35,
	Fallback: 0.5, Carry: 0.75, Implicit: 0.5, Continuation: 0.1, Balance: 0.7, Saturation: 1.5, PressurePull: 0, Shrinkage: 4, Lede: 2, Title: 2,
	ReaderPull: 0.75, StepZero: 0.1, StepFull: 0.5,
	NegationWindow: 4, GovernWindow: 4,
}

// cue is one phrase of a lexicon section.
type cue struct {
	words  []string // normalised words; a prefix where stem[i]
	stem   []bool
	weight float64
	text   string // as written in the file, for the cues of a label
	sec    int    // its section
}

// index holds the cues of every section by their first word.
//
// Words whose first two bytes are lower-case ASCII letters (nearly all)
// find their stems in an array instead of a map, and skip the map of
// exact words when no exact first word shares those two letters and
// their length: the scorer looks up every word of every sentence.
type index struct {
	exact   map[string][]*cue // first word matched exactly
	stems   map[string][]*cue // first word is a prefix, by its first two bytes, when they are not two letters
	stemsAZ [26 * 26][]*cue   // the same, by two lower-case letters
	exactAZ [26 * 26]uint64   // bit min(len, 63): some exact first word of that length starts with these two letters
	short   []*cue            // first word a prefix of one byte
	count   [numSections]int
}

// letters returns the index of the first two bytes of w in the arrays of
// index when both are lower-case ASCII letters, else -1.
func letters(w string) int {
	if len(w) < 2 || w[0] < 'a' || w[0] > 'z' || w[1] < 'a' || w[1] > 'z' {
		return -1
	}
	return int(w[0]-'a')*26 + int(w[1]-'a')
}

// lengthBit is the bit of w's length in index.exactAZ: 1<<len(w), words
// of 63 bytes or more sharing the last bit.
func lengthBit(w string) uint64 {
	return 1 << min(len(w), 63)
}

func (x *index) add(c *cue) {
	if x.exact == nil {
		x.exact, x.stems = map[string][]*cue{}, map[string][]*cue{}
	}
	x.count[c.sec]++
	w := c.words[0]
	switch {
	case !c.stem[0]:
		x.exact[w] = append(x.exact[w], c)
		if k := letters(w); k >= 0 {
			x.exactAZ[k] |= lengthBit(w)
		}
	case len(w) < 2:
		x.short = append(x.short, c)
	default:
		if k := letters(w); k >= 0 {
			x.stemsAZ[k] = append(x.stemsAZ[k], c)
		} else {
			x.stems[w[:2]] = append(x.stems[w[:2]], c)
		}
	}
}

// first returns the cues whose first word is w exactly, and those whose
// first word is a prefix of w of two bytes or more.
func (x *index) first(w string) (exact, stems []*cue) {
	k := letters(w)
	if k < 0 {
		exact = x.exact[w]
		if len(w) >= 2 {
			stems = x.stems[w[:2]]
		}
		return exact, stems
	}
	if x.exactAZ[k]&lengthBit(w) != 0 {
		exact = x.exact[w]
	}
	return exact, x.stemsAZ[k]
}

// Lexicon is a parsed poles file: the two poles, the subject's blocs, the
// cue sections and the settings. It is safe for concurrent use once
// parsed; set Carry before use.
type Lexicon struct {
	Poles        [2]Pole
	SubjectBlocs []string
	Params       Params
	// Carry enables subject continuity: a sentence that refers back to
	// the subject with an anaphor inherits it from the previous sentence.
	Carry bool
	// Checksum is the hex SHA-256 of the poles file's text (and of its
	// reader's, when it has one), recorded in the outputs so a figure
	// can be traced to the lexicon that made it.
	Checksum string
	// ReaderFile is the file the poles file's "reader:" line names,
	// relative to the poles file; Reader is that reader once loaded
	// (DefaultLexicon, LoadLexicon), or nil: the rules' labels stand.
	ReaderFile string
	Reader     *Reader

	idx index
}

// The cue sections of a poles file, in the order of sections.
const (
	secToward = iota
	secAway
	secAwayFrom
	secPressure
	secNegation
	secNotNegation
	secClauseNegation
	secHedge
	secBalance
	secBackground
	secConcession
	secAdversative
	secSpeech
	secAnaphor
	secRelational
	secDecline
	secSelf
	secBackReference
	secIgnore
	numSections
)

var sections = [numSections]string{
	"toward", "away", "away-from", "pressure", "negation", "not-negation", "clause-negation",
	"hedge", "balance", "background", "concession", "adversative", "speech",
	"anaphor", "relational", "decline", "self", "back-reference", "ignore",
}

// required sections: a poles file without them cannot label anything.
var required = []int{secToward, secAway}

//go:embed russia-west.poles
var defaultText string

//go:embed russia-west.reader
var defaultReader string

// DefaultLexicon returns the embedded Russia-versus-West lexicon
// (russia-west.poles) with carry-over on and its reader
// (russia-west.reader).
func DefaultLexicon() *Lexicon {
	l, err := ParseLexicon("russia-west.poles", defaultText)
	if err == nil && l.ReaderFile != "russia-west.reader" {
		err = fmt.Errorf("russia-west.poles names reader %q, not the embedded russia-west.reader", l.ReaderFile)
	}
	if err == nil {
		err = l.setReader(l.ReaderFile, defaultReader)
	}
	if err != nil {
		panic(err)
	}
	return l
}

// LoadLexicon reads a poles file and the reader it names, if any.
func LoadLexicon(path string) (*Lexicon, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	l, err := ParseLexicon(filepath.Base(path), string(b))
	if err != nil || l.ReaderFile == "" {
		return l, err
	}
	rp := filepath.Join(filepath.Dir(path), l.ReaderFile)
	rb, err := os.ReadFile(rp)
	if err != nil {
		return nil, fmt.Errorf("%s names reader %s: %w", path, l.ReaderFile, err)
	}
	if err := l.setReader(rp, string(rb)); err != nil {
		return nil, err
	}
	return l, nil
}

// WithoutReader returns a copy of l whose labels are the rules' alone
// (what `alignnet train` learns from).
func (l *Lexicon) WithoutReader() *Lexicon {
	c := *l
	c.Reader = nil
	return &c
}

// setReader parses the reader text and folds it into the checksum.
func (l *Lexicon) setReader(name, text string) error {
	r, err := ParseReader(name, text)
	if err != nil {
		return err
	}
	l.Reader = r
	sum := sha256.Sum256([]byte(l.Checksum + "\n" + text))
	l.Checksum = hex.EncodeToString(sum[:])
	return nil
}

// ErrSyntax is wrapped by every error of ParseLexicon.
var ErrSyntax = errors.New("alignment: malformed poles file")

type lineError struct {
	name string
	line int
	msg  string
}

func (e *lineError) Error() string {
	if e.line == 0 {
		return fmt.Sprintf("%s: %s", e.name, e.msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.name, e.line, e.msg)
}

func (e *lineError) Unwrap() error { return ErrSyntax }

// ParseLexicon parses a poles file (format in README.md). name is used in
// errors, which read "name:line: message" and wrap ErrSyntax.
func ParseLexicon(name, text string) (*Lexicon, error) {
	l, err := parseLexicon(name, text)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256([]byte(text))
	l.Checksum = hex.EncodeToString(sum[:])
	return l, nil
}

func parseLexicon(name, text string) (*Lexicon, error) {
	l := &Lexicon{Params: DefaultParams, Carry: true}
	fail := func(line int, format string, args ...any) (*Lexicon, error) {
		return nil, &lineError{name, line, fmt.Sprintf(format, args...)}
	}
	known := map[string]int{"poles": -1, "settings": -1}
	for i, s := range sections {
		known[s] = i
	}
	seen := map[string]int{}     // section → line of its header
	dup := map[string]int{}      // section + "\x00" + cue → line
	settings := map[string]int{} // key → line
	var poles []Pole
	subject := 0
	sec := ""
	for i, raw := range strings.Split(text, "\n") {
		n := i + 1
		line := strings.TrimSpace(raw)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") {
			if !strings.HasSuffix(line, "]") {
				return fail(n, "unterminated section header %q", line)
			}
			sec = strings.TrimSpace(line[1 : len(line)-1])
			if _, ok := known[sec]; !ok {
				return fail(n, "unknown section [%s]", sec)
			}
			if at, ok := seen[sec]; ok {
				return fail(n, "section [%s] repeated (first at line %d)", sec, at)
			}
			seen[sec] = n
			continue
		}
		switch sec {
		case "":
			return fail(n, "%q before any section", line)
		case "poles":
			key, rest, ok := strings.Cut(line, ":")
			if !ok {
				return fail(n, "want \"pole: NAME | label=... | blocs=...\" or \"subject: BLOC; ...\", got %q", line)
			}
			switch strings.TrimSpace(key) {
			case "pole":
				p, err := parsePole(rest)
				if err != "" {
					return fail(n, "%s", err)
				}
				for _, q := range poles {
					if q.Name == p.Name {
						return fail(n, "pole %q defined twice", p.Name)
					}
				}
				if len(poles) == 2 {
					return fail(n, "a third pole %q: a poles file names exactly two", p.Name)
				}
				poles = append(poles, p)
			case "reader":
				f := strings.TrimSpace(rest)
				if f == "" || filepath.IsAbs(f) || strings.ContainsAny(f, "/\\") {
					return fail(n, "reader: want a file name beside the poles file, got %q", f)
				}
				if l.ReaderFile != "" {
					return fail(n, "a second reader: line")
				}
				l.ReaderFile = f
			case "subject":
				bs := list(rest)
				if len(bs) == 0 {
					return fail(n, "subject: no bloc")
				}
				l.SubjectBlocs = append(l.SubjectBlocs, bs...)
				subject = n
			default:
				return fail(n, "unknown key %q in [poles] (want pole, subject or reader)", strings.TrimSpace(key))
			}
		case "settings":
			key, val, ok := strings.Cut(line, "=")
			key, val = strings.TrimSpace(key), strings.TrimSpace(val)
			if !ok || key == "" || val == "" {
				return fail(n, "want \"key = value\", got %q", line)
			}
			if at, ok := settings[key]; ok {
				return fail(n, "setting %q repeated (first at line %d)", key, at)
			}
			settings[key] = n
			if err := l.Params.set(key, val); err != "" {
				return fail(n, "%s", err)
			}
		default:
			c, err := parseCue(line)
			if err != "" {
				return fail(n, "%s", err)
			}
			k := sec + "\x00" + strings.Join(c.words, " ") + fmt.Sprint(c.stem)
			if at, ok := dup[k]; ok {
				return fail(n, "cue %q repeated in [%s] (first at line %d)", c.text, sec, at)
			}
			dup[k] = n
			c.sec = known[sec]
			l.idx.add(c)
		}
	}
	if len(poles) != 2 {
		return fail(0, "[poles] names %d poles, want 2", len(poles))
	}
	if subject == 0 {
		return fail(0, "[poles] has no \"subject:\" line")
	}
	if p := l.Params; !(p.StepZero < p.StepFull && p.StepFull < 1) {
		// point at the setting at fault: step-full when it is out of
		// range, else step-zero if the file sets it
		at := settings["step-full"]
		if p.StepFull < 1 && settings["step-zero"] != 0 {
			at = settings["step-zero"]
		}
		return fail(at, "step-zero (%g) and step-full (%g): want 0 <= step-zero < step-full < 1", p.StepZero, p.StepFull)
	}
	for _, b := range l.SubjectBlocs {
		for _, p := range poles {
			for _, pb := range p.Blocs {
				if pb == b {
					return fail(subject, "bloc %q is both the subject's and pole %q's", b, p.Name)
				}
			}
		}
	}
	for _, s := range required {
		if l.idx.count[s] == 0 {
			return fail(0, "section [%s] missing or empty", sections[s])
		}
	}
	copy(l.Poles[:], poles)
	return l, nil
}

// parsePole parses "NAME | label=... | blocs=a; b | ids=x; y".
func parsePole(s string) (Pole, string) {
	fields := strings.Split(s, "|")
	p := Pole{Name: Stance(strings.TrimSpace(fields[0]))}
	if p.Name == "" {
		return p, "pole without a name"
	}
	if p.Name == None || strings.ContainsAny(string(p.Name), " \t") {
		return p, fmt.Sprintf("pole name %q: want one word other than %q", p.Name, None)
	}
	for _, f := range fields[1:] {
		k, v, ok := strings.Cut(f, "=")
		k = strings.TrimSpace(k)
		if !ok {
			return p, fmt.Sprintf("pole %q: want key=value, got %q", p.Name, strings.TrimSpace(f))
		}
		switch k {
		case "label":
			p.Label = strings.TrimSpace(v)
		case "blocs":
			p.Blocs = list(v)
		case "ids":
			p.IDs = list(v)
		default:
			return p, fmt.Sprintf("pole %q: unknown key %q (want label, blocs or ids)", p.Name, k)
		}
	}
	if len(p.Blocs) == 0 && len(p.IDs) == 0 {
		return p, fmt.Sprintf("pole %q: no blocs and no ids", p.Name)
	}
	if p.Label == "" {
		p.Label = string(p.Name)
	}
	return p, ""
}

// list splits "a; b; c" (or commas) into trimmed non-empty items.
func list(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' }) {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// parseCue parses "words [= weight]".
func parseCue(line string) (*cue, string) {
	text, weight := line, 1.0
	if i := strings.LastIndexByte(line, '='); i >= 0 {
		text = strings.TrimSpace(line[:i])
		w, err := strconv.ParseFloat(strings.TrimSpace(line[i+1:]), 64)
		if err != nil || w <= 0 || w > 10 {
			return nil, fmt.Sprintf("cue %q: weight %q is not a number in (0, 10]", text, strings.TrimSpace(line[i+1:]))
		}
		weight = w
	}
	c := &cue{weight: weight, text: text}
	for _, f := range strings.Fields(text) {
		stem := strings.HasSuffix(f, "*")
		f = strings.TrimSuffix(f, "*")
		if strings.Contains(f, "*") {
			return nil, fmt.Sprintf("cue %q: '*' only at the end of a word", text)
		}
		w := normalize(f)
		if w == "" {
			return nil, fmt.Sprintf("cue %q: empty word", text)
		}
		if strings.ContainsFunc(w, func(r rune) bool { return !isWordRune(r) }) {
			return nil, fmt.Sprintf("cue %q: %q is not a word", text, f)
		}
		c.words = append(c.words, w)
		c.stem = append(c.stem, stem)
	}
	if len(c.words) == 0 {
		return nil, "empty cue"
	}
	return c, ""
}

func (p *Params) set(key, val string) string {
	f, err := strconv.ParseFloat(val, 64)
	if err != nil || !(f >= 0 && f <= 100) { // also refuses NaN
		return fmt.Sprintf("setting %s: %q is not a number in [0, 100]", key, val)
	}
	floats := map[string]*float64{
		"comention": &p.Comention, "hedge": &p.Hedge, "concession": &p.Concession,
		"adversative": &p.Adversative, "aside": &p.Aside, "fallback": &p.Fallback,
		"carry": &p.Carry, "implicit": &p.Implicit, "continuation": &p.Continuation, "balance": &p.Balance, "saturation": &p.Saturation, "pressure-pull": &p.PressurePull,
		"shrinkage": &p.Shrinkage, "lede": &p.Lede, "title": &p.Title, "reader-pull": &p.ReaderPull, "step-zero": &p.StepZero, "step-full": &p.StepFull,
	}
	ints := map[string]*int{"negation-window": &p.NegationWindow, "govern-window": &p.GovernWindow}
	if q, ok := floats[key]; ok {
		*q = f
		return ""
	}
	if q, ok := ints[key]; ok {
		if f != float64(int(f)) {
			return fmt.Sprintf("setting %s: %q is not a whole number", key, val)
		}
		*q = int(f)
		return ""
	}
	keys := make([]string, 0, len(floats)+len(ints))
	for k := range floats {
		keys = append(keys, k)
	}
	for k := range ints {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return fmt.Sprintf("unknown setting %q (want one of %s)", key, strings.Join(keys, ", "))
}
