package alignment

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Doc is a scored article for WriteEvidence.
type Doc struct {
	ID, Title string
	Sentences int      // sentences in the article
	Alignment Article  // its Drivers are the sentences listed
	Texts     []string // the texts of Alignment.Drivers, one per driver
}

// DriverTexts returns the texts of a's drivers, detached from texts (so
// they do not keep a whole article body alive).
func DriverTexts(a Article, texts func(i int) string) []string {
	out := make([]string, len(a.Drivers))
	for k, d := range a.Drivers {
		out[k] = strings.Clone(texts(d.Index))
	}
	return out
}

// WriteEvidence writes a readable Markdown report: for every article its
// score, interval and components and up to n of its drivers with their
// cues. Floats are printed with two decimals.
func WriteEvidence(w io.Writer, docs []Doc, n int, poles [2]Pole) error {
	bw := bufio.NewWriter(w)
	WriteEvidenceHead(bw, poles)
	for _, d := range docs {
		WriteEvidenceDoc(bw, d, n, poles)
	}
	return bw.Flush()
}

// WriteEvidenceHead writes the head of the report WriteEvidence writes;
// WriteEvidenceDoc then writes one article's part, so the report can be
// written as articles are scored. Errors are those of w, for the caller
// to check (a bufio.Writer keeps the first).
func WriteEvidenceHead(w io.Writer, poles [2]Pole) {
	fmt.Fprintf(w, "# Alignment evidence\n\nScore in [-1, 1]: +1 toward %s, -1 toward %s; null without evidence. "+
		"Step: the score on the five steps of an annotator's article alignment (-1, -0.5, 0, +0.5, +1; 0 up to ±0.1, ±1 from ±0.5 by default). "+
		"Each driver: its stance and sentence score, and its net pull on the article's score (its evidence toward %s minus that toward %s; the first sentence's and the title's weighted by the lede and title settings, 2 by default). The title, when it pulls, is listed first.\n", poles[0].Label, poles[1].Label, poles[0].Label, poles[1].Label)
}

// WriteEvidenceDoc writes the part of one article (see WriteEvidence).
func WriteEvidenceDoc(w io.Writer, d Doc, n int, poles [2]Pole) {
	title := d.Title
	if title == "" {
		title = d.ID
	}
	fmt.Fprintf(w, "\n## %s\n\n`%s`", oneLine(title), d.ID)
	a := d.Alignment
	if a.Score == nil {
		fmt.Fprintf(w, " — score null (no evidence)\n")
		return
	}
	fmt.Fprintf(w, " — score %s", f2(*a.Score))
	if a.Interval != nil {
		fmt.Fprintf(w, " (95%% CI %s to %s, %d resamples)", f2(a.Interval.Low), f2(a.Interval.High), a.Resamples)
	}
	if a.Step != nil {
		fmt.Fprintf(w, "; step %s, %s", signedStep(*a.Step), StepLabel(*a.Step, poles))
	}
	fmt.Fprintf(w, "; components %s %.2f, %s %.2f; %d evidence sentences of %d", poles[0].Label, a.Russia, poles[1].Label, a.West, a.Evidence, d.Sentences)
	if a.TitlePull != [2]float64{} {
		fmt.Fprint(w, ", and the title")
	}
	fmt.Fprint(w, "\n\n")
	if t := a.Title; t != nil && a.TitlePull != [2]float64{} {
		fmt.Fprintf(w, "- **title: %s %s** (pull %s) %s\n  - cues: %s\n", t.Stance, f2(t.Score), f2(a.TitlePull[0]-a.TitlePull[1]), oneLine(title), strings.Join(t.Cues, "; "))
	}
	for k, dr := range a.Drivers[:min(n, len(a.Drivers))] {
		text := ""
		if k < len(d.Texts) {
			text = oneLine(d.Texts[k])
		}
		fmt.Fprintf(w, "- **%s %s** (sentence %d, pull %s) %s\n  - cues: %s\n", dr.Stance, f2(dr.Score), dr.Index+1, f2(dr.Pull[0]-dr.Pull[1]), text, strings.Join(dr.Cues, "; "))
	}
}

func f2(x float64) string {
	s := fmt.Sprintf("%+.2f", x)
	if s == "-0.00" || s == "+0.00" {
		return "0.00"
	}
	return s
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// StepLabel says in words what an article's step (see Params.Step) means.
func StepLabel(step float64, poles [2]Pole) string {
	switch {
	case step >= 1:
		return "aligned with " + poles[0].Label
	case step > 0:
		return "leans toward " + poles[0].Label
	case step <= -1:
		return "aligned with " + poles[1].Label
	case step < 0:
		return "leans toward " + poles[1].Label
	}
	return "balanced"
}

// signedStep writes a step with its sign: +1, +0.5, 0, -0.5, -1.
func signedStep(step float64) string {
	s := strconv.FormatFloat(step, 'f', -1, 64)
	if step > 0 {
		s = "+" + s
	}
	return s
}
