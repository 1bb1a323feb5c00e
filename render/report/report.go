package report

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"html/template"
	"image/color"
	"io"
	"math"
	"strconv"
	"strings"

	"alignnet/render/style"
)

// ErrSVG is returned for a figure whose bytes are not one SVG image, or
// that carries a script.
var ErrSVG = errors.New("report: figure is not a plain SVG image")

// Report is everything the page shows. Rows appear in the order given:
// the caller sorts them. Text is escaped; only figure SVGs are embedded
// as markup.
type Report struct {
	Title     string // page title and heading; default "Alignment report"
	Generator string // program, version and knowledge base, e.g. "alignnet 0.1.0; kb sha256:…"
	// Positive and Negative name the poles of the alignment score (+1 and
	// −1); defaults "Russia" and "the West".
	Positive, Negative string
	Summary            Summary
	Figures            []Figure
	Actors             []Actor
	Articles           []Article
}

// Summary describes the corpus.
type Summary struct {
	Articles  int      // articles read
	Scored    int      // articles with alignment evidence
	Sentences int      // sentences read
	Actors    int      // actors in the network (its nodes)
	Edges     int      // co-mention links between them
	Period    string   // first to last date, e.g. "2008-03-03 – 2011-07-20"; empty: not shown
	Subjects  []string // subject states; empty: not shown
}

// Figure is one figure of the page.
type Figure struct {
	// ID is the figure's anchor; empty: "figure-N" by its position.
	ID      string
	Heading string
	Caption string // one line under the figure
	// SVG is the figure as the chart packages write it (style.Figure's
	// WriteSVG); an XML declaration and comments before <svg are dropped.
	SVG []byte
}

// Actor is one row of the table of top actors.
type Actor struct {
	Name, Type, Bloc string
	Mentions, Degree int
	PageRank         float64
	// Community is the 0-based community index of the network measures;
	// the page shows it 1-based, as the figures' legends do.
	Community int
	// Score is the actor's alignment score in [-1, 1]; NaN: no evidence.
	// Lo and Hi bound its interval; NaN: none.
	Score, Lo, Hi float64
	Evidence      int // stance sentences naming the actor
}

// Article is one row of the table of articles and its evidence section.
type Article struct {
	ID           string // anchor of its evidence section; must be unique
	Date         string // "2008-03-03"; empty: undated
	DateInferred bool   // the date was inferred, not printed in the article
	Title        string // empty: the ID
	Subject      string
	// Score is the article's alignment score in [-1, 1]; NaN: no
	// evidence. Lo and Hi bound its interval; NaN: none.
	Score, Lo, Hi float64
	// Reading is the score's step in words ("leans toward Russia");
	// empty without evidence.
	Reading      string
	Evidence     int     // sentences that pull the score
	Russia, West float64 // the components toward the positive and the negative pole
	Sources      []string
	// Sentences are the evidence sentences behind the score, in the
	// order to show (strongest first, say).
	Sentences []Sentence
}

// Sentence is an evidence sentence.
type Sentence struct {
	Index  int    // 1-based position in the article; 0: not shown
	Title  bool   // the article's title, not a sentence of its body
	Text   string // the sentence; the words of its cues are highlighted
	Stance string // its label, e.g. "russia", "west"
	Score  float64
	// Cues are the readable reasons of the label, as the scorer gives
	// them: "cooperat* (toward Russia)", "not allow (away from the West)".
	Cues []string
}

//go:embed page.html
var pageHTML string

var page = template.Must(template.New("page").Funcs(template.FuncMap{
	// Numbers carry only digits, signs, brackets and spaces: safe as
	// they are, and "+" need not read "&#43;" in the source.
	"signed":    func(v float64) template.HTML { return template.HTML(signed(v)) },
	"interval":  func(lo, hi float64) template.HTML { return template.HTML(interval(lo, hi)) },
	"fixed":     fixed,
	"sign":      sign,
	"join":      func(s []string) string { return strings.Join(s, ", ") },
	"plus1":     func(i int) int { return i + 1 },
	"blocClass": blocClass,
	"palette":   palette,
}).Parse(pageHTML))

// view is what the template reads: the report with its figures as
// trusted markup and the evidence sentences split into marked segments.
type view struct {
	Report
	Figures  []viewFigure
	Articles []viewArticle
	Evidence int // articles with evidence sentences
}

type viewFigure struct {
	Figure
	ID  string
	SVG template.HTML
}

type viewArticle struct {
	Article
	Label     string
	Sentences []viewSentence
}

type viewSentence struct {
	Sentence
	Parts []part
}

// Write writes r as one HTML page to w. It fails with ErrSVG on a figure
// that is not an SVG image; nothing is written then.
func Write(w io.Writer, r Report) error {
	if r.Title == "" {
		r.Title = "Alignment report"
	}
	if r.Positive == "" {
		r.Positive = "Russia"
	}
	if r.Negative == "" {
		r.Negative = "the West"
	}
	v := view{Report: r}
	for i, f := range r.Figures {
		svg, err := inline(f.SVG)
		if err != nil {
			return fmt.Errorf("figure %q: %w", f.Heading, err)
		}
		id := f.ID
		if id == "" {
			id = "figure-" + strconv.Itoa(i+1)
		}
		v.Figures = append(v.Figures, viewFigure{Figure: f, ID: id, SVG: template.HTML(svg)})
	}
	for _, a := range r.Articles {
		va := viewArticle{Article: a, Label: a.Title}
		if va.Label == "" {
			va.Label = a.ID
		}
		for _, s := range a.Sentences {
			va.Sentences = append(va.Sentences, viewSentence{Sentence: s, Parts: split(s.Text, marks(s.Text, s.Cues))})
		}
		if len(a.Sentences) > 0 {
			v.Evidence++
		}
		v.Articles = append(v.Articles, va)
	}
	var buf bytes.Buffer
	if err := page.Execute(&buf, v); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// inline returns the SVG element of an SVG file: from "<svg" to the final
// "</svg>", without the XML declaration and comments before it. It
// refuses anything else and any SVG with a script or an event handler.
func inline(b []byte) (string, error) {
	s := string(b)
	i := strings.Index(s, "<svg")
	j := strings.LastIndex(s, "</svg>")
	if i < 0 || j < i {
		return "", ErrSVG
	}
	head := strings.TrimSpace(s[:i])
	for head != "" {
		switch {
		case strings.HasPrefix(head, "<?xml"):
			k := strings.Index(head, "?>")
			if k < 0 {
				return "", ErrSVG
			}
			head = strings.TrimSpace(head[k+2:])
		case strings.HasPrefix(head, "<!--"):
			k := strings.Index(head, "-->")
			if k < 0 {
				return "", ErrSVG
			}
			head = strings.TrimSpace(head[k+3:])
		default:
			return "", ErrSVG
		}
	}
	if strings.TrimSpace(s[j+len("</svg>"):]) != "" {
		return "", ErrSVG
	}
	svg := s[i : j+len("</svg>")]
	low := strings.ToLower(svg)
	for _, bad := range []string{"<script", "<foreignobject", " onload=", " onclick=", "javascript:"} {
		if strings.Contains(low, bad) {
			return "", ErrSVG
		}
	}
	return svg, nil
}

// signed formats a score with an explicit sign and a true minus to two
// decimals ("+0.42", "−0.10", "0.00"); NaN: "–".
func signed(v float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', 2, 64)
	switch {
	case s == "0.00":
		return s
	case v < 0:
		return "−" + s
	}
	return "+" + s
}

// interval formats an interval as "[−0.10, +0.42]"; NaN in either: "".
func interval(lo, hi float64) string {
	if math.IsNaN(lo) || math.IsNaN(hi) {
		return ""
	}
	return "[" + signed(lo) + ", " + signed(hi) + "]"
}

// fixed formats v to digits decimals, without a negative zero.
func fixed(digits int, v float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	s := strconv.FormatFloat(v, 'f', digits, 64)
	if strings.Trim(s, "-0.") == "" {
		s = strings.TrimPrefix(s, "-")
	}
	return strings.Replace(s, "-", "−", 1)
}

// sign is the CSS class of a score: "pos", "neg" or "zero" (also NaN).
func sign(v float64) string {
	switch {
	case v > 0:
		return "pos"
	case v < 0:
		return "neg"
	}
	return "zero"
}

// blocClass is the CSS class of a bloc's colour dot.
func blocClass(bloc string) string {
	switch bloc {
	case style.Russia, style.West, style.Subject:
		return "bloc-" + bloc
	}
	return "bloc-" + style.Other
}

// palette declares the figures' colours as CSS variables, so that the
// page and the figures cannot drift apart.
func palette() template.CSS {
	hex := func(c color.RGBA) string { return fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B) }
	var b strings.Builder
	for _, bloc := range style.Blocs {
		fmt.Fprintf(&b, "--%s: %s; ", bloc, hex(style.BlocColor(bloc)))
	}
	fmt.Fprintf(&b, "--ink: %s; --muted: %s; --grid: %s; --band: %s;",
		hex(style.Ink), hex(style.Muted), hex(style.GridColor), hex(style.BandColor))
	return template.CSS(b.String())
}

// Shown is the number of the article's sentences listed, the title not
// counted.
func (a Article) Shown() int {
	n := 0
	for _, s := range a.Sentences {
		if !s.Title {
			n++
		}
	}
	return n
}

// HasTitle reports whether the title is listed among the sentences.
func (a Article) HasTitle() bool {
	for _, s := range a.Sentences {
		if s.Title {
			return true
		}
	}
	return false
}
