package figures

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"alignnet/analysis"
	"alignnet/analysis/alignment"
	"alignnet/render/report"
)

// ReportActors sizes the report's table of actors.
const ReportActors = 25 // actors in the table, by PageRank

// captions says what each figure shows, in the report's order.
var captions = []struct{ name, heading, caption string }{
	{"network", "Co-mention network", "Actors named in the same sentence are linked; node area is PageRank, colour the bloc."},
	{"network-communities", "Communities", "The same layout coloured by Louvain community (fixed seed)."},
	{"heatmap", "Co-mentions among the central actors", "Sentences naming both actors, for the actors of highest PageRank, grouped by community."},
	{"centrality", "Central actors under five measures", "Each column on its own scale; the number is the actor's rank under that measure."},
	{"alignment", "Alignment of articles", "Each article's score with its 95% bootstrap interval."},
	{"timeline", "Alignment over time", "Article scores by date; diamonds mark dates inferred from the text."},
	{"spectrum", "Actors between the poles", "The stance of the sentences naming each actor, for the actors with the most evidence."},
}

// Report assembles the HTML report of res from its figures' SVGs.
func Report(res *analysis.Result, svgs map[string][]byte, generator string) report.Report {
	nan := math.NaN()
	r := report.Report{Generator: generator, Positive: res.Poles[0].Label, Negative: res.Poles[1].Label}
	var dates, subjects []string
	for _, a := range res.Articles {
		r.Summary.Sentences += len(a.Sentences)
		if a.Alignment.Score != nil {
			r.Summary.Scored++
		}
		if a.Doc.Date != "" {
			dates = append(dates, a.Doc.Date)
		}
		if a.Subject != "" && !slices.Contains(subjects, a.Subject) {
			subjects = append(subjects, a.Subject)
		}
	}
	r.Summary.Articles, r.Summary.Actors, r.Summary.Edges = len(res.Articles), len(res.Actors), len(res.Network.Edges)
	slices.Sort(dates)
	if len(dates) > 0 {
		r.Summary.Period = dates[0] + " – " + dates[len(dates)-1]
	}
	names := map[string]string{}
	for _, a := range res.Actors {
		names[a.ID] = a.Name
	}
	slices.Sort(subjects)
	for i, s := range subjects {
		if n, ok := names[s]; ok {
			subjects[i] = n
		}
	}
	r.Summary.Subjects = subjects
	r.Title = fmt.Sprintf("%s between %s and %s: %d articles", orJoin(subjects, "The subject states"), res.Poles[0].Label, res.Poles[1].Label, len(res.Articles))
	for _, c := range captions {
		if svg, ok := svgs[c.name]; ok {
			r.Figures = append(r.Figures, report.Figure{ID: c.name, Heading: c.heading, Caption: c.caption, SVG: svg})
		}
	}
	for i, a := range byPageRank(res.Actors) {
		if i == ReportActors {
			break
		}
		al := a.Alignment
		ra := report.Actor{Name: a.Name, Type: string(a.Type), Bloc: string(a.Bloc), Mentions: a.Mentions, Degree: a.Measures.Degree,
			PageRank: a.Measures.PageRank, Community: a.Measures.Community, Score: nan, Lo: nan, Hi: nan, Evidence: al.Russia + al.West}
		if al.Score != nil {
			ra.Score = *al.Score
		}
		if al.Interval != nil {
			ra.Lo, ra.Hi = al.Interval.Low, al.Interval.High
		}
		r.Actors = append(r.Actors, ra)
	}
	for _, a := range res.Articles {
		al := a.Alignment
		ra := report.Article{ID: a.Doc.ID, Date: a.Doc.Date, DateInferred: a.Doc.DateInferred, Title: a.Doc.Title, Subject: names[a.Subject],
			Score: nan, Lo: nan, Hi: nan, Evidence: al.Evidence, Russia: al.Russia, West: al.West, Sources: a.Sources}
		if ra.Title == "" {
			ra.Title = ArticleLabel(a)
		}
		if al.Score != nil {
			ra.Score = *al.Score
		}
		if al.Step != nil {
			ra.Reading = alignment.StepLabel(*al.Step, res.Poles)
		}
		if al.Interval != nil {
			ra.Lo, ra.Hi = al.Interval.Low, al.Interval.High
		}
		if t := al.Title; t != nil && al.TitlePull != [2]float64{} {
			ra.Sentences = append(ra.Sentences, report.Sentence{Title: true, Text: a.Doc.Title, Stance: string(t.Stance), Score: t.Score, Cues: t.Cues})
		}
		// The article's drivers, ranked by their pull weighted as in the
		// score (the lede's by the lede setting), as evidence.md ranks them.
		for _, d := range al.Drivers {
			ra.Sentences = append(ra.Sentences, report.Sentence{Index: d.Index + 1, Text: a.Sentences[d.Index].Text, Stance: string(d.Stance), Score: d.Score, Cues: d.Cues})
		}
		r.Articles = append(r.Articles, ra)
	}
	return r
}

// orJoin joins names as "A", "A and B", "A, B and C", or returns def.
func orJoin(names []string, def string) string {
	switch len(names) {
	case 0:
		return def
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
