// Package export writes the analysis as data files: the articles.json
// contract, node and edge tables, GraphML and the entity audit table.
package export

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"

	"alignnet/analysis"
	"alignnet/analysis/alignment"
)

// Digits is the number of decimals of every float written.
const Digits = 6

// round rounds x to Digits decimals, so outputs do not carry the last-bit
// noise of the graph algorithms.
func round(x float64) float64 {
	p := math.Pow(10, Digits)
	r := math.Round(x*p) / p
	if r == 0 {
		return 0 // no "-0"
	}
	return r
}

func ftoa(x float64) string { return strconv.FormatFloat(round(x), 'f', -1, 64) }

// Articles writes the articles.json contract. generator names the tool and
// version that made it.
func Articles(w io.Writer, res *analysis.Result, generator string) error {
	aw, err := NewArticleWriter(w, generator)
	if err != nil {
		return err
	}
	if err := aw.Write(res.Articles); err != nil {
		return err
	}
	return aw.Close()
}

// ArticleWriter writes articles.json a batch of articles at a time, so
// the document never has to be in memory whole. The document is indented
// down to the articles; each article is one line.
type ArticleWriter struct {
	w io.Writer
	n int // articles written
}

// NewArticleWriter writes the head of the document to w.
func NewArticleWriter(w io.Writer, generator string) (*ArticleWriter, error) {
	gen, err := compact(generator)
	if err != nil {
		return nil, err
	}
	if _, err := fmt.Fprintf(w, "{\n  \"generator\": %s,\n  \"articles\": [", gen); err != nil {
		return nil, err
	}
	return &ArticleWriter{w: w}, nil
}

// Write encodes the records of arts and writes them in order. (alignnet
// run encodes on its workers with EncodeArticle and writes with
// WriteEncoded.)
func (aw *ArticleWriter) Write(arts []analysis.Article) error {
	for i := range arts {
		rec, err := EncodeArticle(&arts[i])
		if err != nil {
			return fmt.Errorf("article %s: %w", arts[i].Doc.ID, err)
		}
		if err := aw.WriteEncoded(rec); err != nil {
			return err
		}
	}
	return nil
}

// EncodeArticle returns the articles.json record of a, for WriteEncoded;
// safe to call from several goroutines.
func EncodeArticle(a *analysis.Article) ([]byte, error) {
	buf := encodePool.Get().(*[]byte)
	defer encodePool.Put(buf)
	rec, err := appendArticle((*buf)[:0], a)
	*buf = rec
	if err != nil {
		return nil, err
	}
	return bytes.Clone(rec), nil
}

// encodePool holds the scratch buffers of EncodeArticle: a record is
// encoded into one and copied out at its final size.
var encodePool = sync.Pool{New: func() any { return new([]byte) }}

// WriteEncoded writes one record made by EncodeArticle, after those
// written before.
func (aw *ArticleWriter) WriteEncoded(rec []byte) error {
	sep := ",\n    "
	if aw.n == 0 {
		sep = "\n    "
	}
	if _, err := io.WriteString(aw.w, sep); err != nil {
		return err
	}
	_, err := aw.w.Write(rec)
	aw.n++
	return err
}

// Close writes the tail of the document (it does not close w).
func (aw *ArticleWriter) Close() error {
	tail := "\n  ]\n}\n"
	if aw.n == 0 {
		tail = "]\n}\n"
	}
	_, err := io.WriteString(aw.w, tail)
	return err
}

// compact encodes v on one line, HTML escaping off. One article per line
// keeps the document valid JSON, lets line tools (grep, head, jq -c) work
// an article at a time, and costs a third of indenting it.
func compact(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// Nodes writes one row per actor with every measure.
func Nodes(w io.Writer, res *analysis.Result) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"id", "name", "type", "bloc", "mentions", "articles", "degree", "strength", "betweenness", "eigenvector", "pagerank", "community"})
	for _, a := range res.Actors {
		m := a.Measures
		cw.Write([]string{a.ID, a.Name, string(a.Type), string(a.Bloc), strconv.Itoa(a.Mentions), strconv.Itoa(a.Articles),
			strconv.Itoa(m.Degree), ftoa(m.Strength), ftoa(m.Betweenness), ftoa(m.Eigenvector), ftoa(m.PageRank), strconv.Itoa(m.Community)})
	}
	cw.Flush()
	return cw.Error()
}

// Actors writes the alignment of every actor: the stances of the
// sentences naming it over the corpus, with its score and 95% interval
// (empty cells where there is no evidence).
func Actors(w io.Writer, res *analysis.Result) error {
	cw := csv.NewWriter(w)
	p0, p1 := string(res.Poles[0].Name), string(res.Poles[1].Name)
	cw.Write([]string{"id", "name", "type", "bloc", "sentences", p0, p1, "none", "score", "low", "high"})
	for _, a := range res.Actors {
		r := a.Alignment
		score, lo, hi := "", "", ""
		if r.Score != nil {
			score = ftoa(*r.Score)
		}
		if r.Interval != nil {
			lo, hi = ftoa(r.Interval.Low), ftoa(r.Interval.High)
		}
		cw.Write([]string{a.ID, a.Name, string(a.Type), string(a.Bloc), strconv.Itoa(r.Sentences), strconv.Itoa(r.Russia), strconv.Itoa(r.West), strconv.Itoa(r.None), score, lo, hi})
	}
	cw.Flush()
	return cw.Error()
}

// Evidence writes evidence.md: for every article its score and the
// sentences that drive it, with their cues.
func Evidence(w io.Writer, res *analysis.Result) error {
	ew := NewEvidenceWriter(w, res.Poles)
	ew.Write(res.Articles)
	return ew.Close()
}

// EvidenceWriter writes evidence.md a batch of articles at a time.
type EvidenceWriter struct {
	w     *bufio.Writer
	poles [2]alignment.Pole
}

// NewEvidenceWriter writes the head of evidence.md to w.
func NewEvidenceWriter(w io.Writer, poles [2]alignment.Pole) *EvidenceWriter {
	ew := &EvidenceWriter{w: bufio.NewWriter(w), poles: poles}
	alignment.WriteEvidenceHead(ew.w, poles)
	return ew
}

// Write writes the parts of arts; errors surface at Close.
func (ew *EvidenceWriter) Write(arts []analysis.Article) {
	for i := range arts {
		alignment.WriteEvidenceDoc(ew.w, evidenceDoc(&arts[i]), EvidenceSentences, ew.poles)
	}
}

// EncodeEvidence returns the evidence.md part of a, for WriteEncoded;
// safe to call from several goroutines.
func EncodeEvidence(a *analysis.Article, poles [2]alignment.Pole) []byte {
	var b bytes.Buffer
	alignment.WriteEvidenceDoc(&b, evidenceDoc(a), EvidenceSentences, poles)
	return b.Bytes()
}

// WriteEncoded writes one part made by EncodeEvidence, after those
// written before.
func (ew *EvidenceWriter) WriteEncoded(part []byte) { ew.w.Write(part) }

func evidenceDoc(a *analysis.Article) alignment.Doc {
	return alignment.Doc{ID: a.Doc.ID, Title: a.Doc.Title, Sentences: a.SentenceCount, Alignment: a.Alignment, Texts: a.DriverTexts}
}

// Close flushes what is buffered and returns the first write error (it
// does not close the underlying writer).
func (ew *EvidenceWriter) Close() error { return ew.w.Flush() }

// EvidenceSentences is the number of sentences evidence.md lists per
// article.
const EvidenceSentences = 5

// Edges writes one row per co-mention edge.
func Edges(w io.Writer, res *analysis.Result) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"source", "target", "weight"})
	for _, e := range res.Network.Edges {
		cw.Write([]string{e.A, e.B, ftoa(e.Weight)})
	}
	cw.Flush()
	return cw.Error()
}

// Entities writes the audit table: every actor with every surface form
// seen and its count, one row per form, so the merges can be checked.
func Entities(w io.Writer, res *analysis.Result) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"id", "name", "type", "bloc", "form", "count"})
	for _, a := range res.Actors {
		for _, f := range a.Forms {
			cw.Write([]string{a.ID, a.Name, string(a.Type), string(a.Bloc), f.Text, strconv.Itoa(f.Count)})
		}
	}
	cw.Flush()
	return cw.Error()
}

// GraphML writes the network with node attributes (label, type, bloc,
// measures, community) and edge weights, readable by networkx.read_graphml
// and Gephi.
func GraphML(w io.Writer, res *analysis.Result) error {
	var b strings.Builder
	b.WriteString(xml.Header)
	b.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	keys := []struct{ id, for_, name, typ string }{
		{"label", "node", "label", "string"},
		{"type", "node", "type", "string"},
		{"bloc", "node", "bloc", "string"},
		{"mentions", "node", "mentions", "int"},
		{"degree", "node", "degree", "int"},
		{"strength", "node", "strength", "double"},
		{"betweenness", "node", "betweenness", "double"},
		{"eigenvector", "node", "eigenvector", "double"},
		{"pagerank", "node", "pagerank", "double"},
		{"community", "node", "community", "int"},
		{"weight", "edge", "weight", "double"},
	}
	for _, k := range keys {
		fmt.Fprintf(&b, "  <key id=%q for=%q attr.name=%q attr.type=%q/>\n", k.id, k.for_, k.name, k.typ)
	}
	b.WriteString(`  <graph id="comention" edgedefault="undirected">` + "\n")
	for _, a := range res.Actors {
		m := a.Measures
		fmt.Fprintf(&b, "    <node id=\"%s\">\n", esc(a.ID))
		for _, kv := range [][2]string{
			{"label", a.Name}, {"type", string(a.Type)}, {"bloc", string(a.Bloc)}, {"mentions", strconv.Itoa(a.Mentions)},
			{"degree", strconv.Itoa(m.Degree)}, {"strength", ftoa(m.Strength)}, {"betweenness", ftoa(m.Betweenness)},
			{"eigenvector", ftoa(m.Eigenvector)}, {"pagerank", ftoa(m.PageRank)}, {"community", strconv.Itoa(m.Community)},
		} {
			fmt.Fprintf(&b, "      <data key=%q>%s</data>\n", kv[0], esc(kv[1]))
		}
		b.WriteString("    </node>\n")
	}
	for _, e := range res.Network.Edges {
		fmt.Fprintf(&b, "    <edge source=\"%s\" target=\"%s\"><data key=\"weight\">%s</data></edge>\n", esc(e.A), esc(e.B), ftoa(e.Weight))
	}
	b.WriteString("  </graph>\n</graphml>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
