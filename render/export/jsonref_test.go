package export

import (
	"bytes"
	"encoding/json"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"alignnet/analysis"
	"alignnet/analysis/alignment"
	"alignnet/pipeline"
	"alignnet/pipeline/entities"
	"alignnet/pipeline/kb"
)

// The articles.json record as structs: encoding/json of article(a) is the
// reference appendArticle is held to.
type (
	jsonArticle struct {
		ID           string         `json:"id"`
		File         string         `json:"file"`
		Title        string         `json:"title"`
		Publication  string         `json:"publication"`
		Author       string         `json:"author,omitempty"`
		Date         *string        `json:"date"`
		DateInferred bool           `json:"date_inferred"`
		Subject      string         `json:"subject"`
		Sources      []string       `json:"sources"`
		Entities     []jsonEntity   `json:"entities"`
		Sentences    []jsonSentence `json:"sentences"`
		Alignment    jsonAlignment  `json:"alignment"`
	}
	jsonEntity struct {
		ID       string   `json:"id"`
		Name     string   `json:"name"`
		Type     string   `json:"type"`
		Bloc     string   `json:"bloc"`
		Known    bool     `json:"known"`
		Forms    []string `json:"forms"`
		Mentions int      `json:"mentions"`
	}
	jsonSentence struct {
		Text     string   `json:"text"`
		Stance   string   `json:"stance"`
		Score    float64  `json:"score"`
		Pull     jsonPull `json:"pull"`
		Cues     []string `json:"cues"`
		Entities []string `json:"entities"`
	}
	jsonPull struct {
		Russia float64 `json:"russia"`
		West   float64 `json:"west"`
	}
	jsonAlignment struct {
		Score     *float64      `json:"score"`
		Step      *float64      `json:"step"`
		Russia    float64       `json:"russia"`
		West      float64       `json:"west"`
		Evidence  int           `json:"evidence"`
		Interval  *jsonInterval `json:"interval"`
		Resamples int           `json:"resamples"`
		Drivers   []jsonDriver  `json:"drivers"`
		Title     *jsonTitle    `json:"title"`
	}
	jsonTitle struct {
		Stance string   `json:"stance"`
		Score  float64  `json:"score"`
		Pull   jsonPull `json:"pull"`
		Cues   []string `json:"cues"`
	}
	jsonInterval struct {
		Low  float64 `json:"low"`
		High float64 `json:"high"`
	}
	jsonDriver struct {
		Sentence int      `json:"sentence"` // index into sentences
		Stance   string   `json:"stance"`
		Score    float64  `json:"score"`
		Pull     jsonPull `json:"pull"`
		Cues     []string `json:"cues"`
		Text     string   `json:"text"`
	}
)

// article is the contract's record of one article.
func article(a *analysis.Article) jsonArticle {
	ja := jsonArticle{
		ID: a.Doc.ID, File: a.File, Title: a.Doc.Title, Publication: a.Doc.Publication, Author: a.Doc.Author,
		DateInferred: a.Doc.DateInferred, Subject: a.Subject,
		Sources: nonNil(a.Sources), Entities: []jsonEntity{}, Sentences: []jsonSentence{},
	}
	if a.Doc.Date != "" {
		d := a.Doc.Date
		ja.Date = &d
	}
	for _, e := range a.Entities {
		ja.Entities = append(ja.Entities, jsonEntity{ID: e.ID, Name: e.Name, Type: string(e.Type), Bloc: string(e.Bloc), Known: e.Known, Forms: formTexts(e.Forms), Mentions: e.Mentions})
	}
	for i, s := range a.Sentences {
		st := a.Stances[i]
		ja.Sentences = append(ja.Sentences, jsonSentence{Text: s.Text, Stance: string(st.Stance), Score: round(st.Score), Pull: jsonPull{round(st.Pull[0]), round(st.Pull[1])}, Cues: nonNil(st.Cues), Entities: nonNil(s.Actors)})
	}
	al := a.Alignment
	ja.Alignment = jsonAlignment{Russia: round(al.Russia), West: round(al.West), Evidence: al.Evidence, Resamples: al.Resamples, Drivers: []jsonDriver{}}
	if al.Score != nil {
		s := round(*al.Score)
		ja.Alignment.Score = &s
		ja.Alignment.Step = al.Step
	}
	if al.Interval != nil {
		ja.Alignment.Interval = &jsonInterval{Low: round(al.Interval.Low), High: round(al.Interval.High)}
	}
	for k, d := range al.Drivers {
		ja.Alignment.Drivers = append(ja.Alignment.Drivers, jsonDriver{Sentence: d.Index, Stance: string(d.Stance), Score: round(d.Score), Pull: jsonPull{round(d.Pull[0]), round(d.Pull[1])}, Cues: nonNil(d.Cues), Text: a.DriverTexts[k]})
	}
	if t := al.Title; t != nil {
		ja.Alignment.Title = &jsonTitle{Stance: string(t.Stance), Score: round(t.Score), Pull: jsonPull{round(al.TitlePull[0]), round(al.TitlePull[1])}, Cues: nonNil(t.Cues)}
	}
	return ja
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func formTexts(fs []entities.Form) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Text
	}
	return out
}

// reference is the record encoding/json writes for article(a), HTML
// escaping off: what appendArticle replaced.
func reference(a *analysis.Article) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(article(a)); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// TestAppendArticle holds appendArticle to encoding/json on the fixture,
// the seed articles with the default knowledge base, and records edited
// to carry every kind of string and value the encoder treats apart.
func TestAppendArticle(t *testing.T) {
	arts := fixture(t).Articles
	seeds, _ := filepath.Glob("../../seeds/*.txt")
	if len(seeds) == 0 {
		t.Fatal("no seed articles in ../../seeds")
	}
	p, err := pipeline.New(kb.Default(), "")
	if err != nil {
		t.Fatal(err)
	}
	var pa []*pipeline.Article
	for _, f := range seeds {
		doc, err := pipeline.Read(f)
		if err != nil {
			t.Fatal(err)
		}
		pa = append(pa, p.Process(doc))
	}
	res, err := analysis.Analyze(pa, alignment.DefaultLexicon(), 1)
	if err != nil {
		t.Fatal(err)
	}
	arts = append(arts, res.Articles...)

	// Edited copies: escapes, invalid UTF-8, separators, HTML
	// characters, an author, no date, no score and no interval, tiny and
	// huge numbers.
	odd := "quote \" backslash \\ tab\t nl\n cr\r bs\b ff\f nul\x00 us\x1f del\x7f " +
		"<a href='x'>&amp;</a> bad\xff\xfe utf8 é 中 \u2028 \u2029 \U0001F600 end"
	e := arts[0]
	e.Doc.Title, e.Doc.Author, e.Doc.Date, e.File = odd, odd, "", odd
	e.Sources = []string{odd, ""}
	e.Alignment.Score, e.Alignment.Step, e.Alignment.Interval = nil, nil, nil
	e.Alignment.Russia, e.Alignment.West = 1e-7, 3e21
	e.Sentences = append([]pipeline.Sentence(nil), e.Sentences...)
	e.Sentences[0].Text = odd
	arts = append(arts, e)

	for i := range arts {
		want, err := reference(&arts[i])
		if err != nil {
			t.Fatal(err)
		}
		got, err := appendArticle(nil, &arts[i])
		if err != nil {
			t.Fatalf("%s: %v", arts[i].Doc.ID, err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: record differs from encoding/json\n got %.300s\nwant %.300s", arts[i].Doc.ID, got, want)
		}
	}
}

// TestAppendArticleNaN: a NaN is an error, as encoding/json makes it.
func TestAppendArticleNaN(t *testing.T) {
	a := fixture(t).Articles[0]
	a.Alignment.Russia = math.NaN()
	if _, err := reference(&a); err == nil {
		t.Fatal("encoding/json accepted NaN")
	}
	if _, err := appendArticle(nil, &a); err == nil || !strings.Contains(err.Error(), "NaN") {
		t.Fatalf("appendArticle(NaN) error = %v, want one naming NaN", err)
	}
}

// FuzzJSONString holds the string encoder to encoding/json.
func FuzzJSONString(f *testing.F) {
	for _, s := range []string{"", "plain", "a\"b\\c", "\x00\x1f\t\n", "\xff\xc3", "é\u2028\u2029<>&"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		var e jsonEnc
		e.str(s)
		if want := bytes.TrimSuffix(buf.Bytes(), []byte("\n")); !bytes.Equal(e.b, want) {
			t.Errorf("str(%q) = %s, want %s", s, e.b, want)
		}
	})
}

// FuzzJSONFloat holds the number encoder to encoding/json.
func FuzzJSONFloat(f *testing.F) {
	for _, v := range []float64{0, math.Copysign(0, -1), 1, -0.5, 1e-6, 9.99e-7, 1e-7, 1e20, 1e21, -3.25e-9, 123456.789} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v float64) {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return
		}
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var e jsonEnc
		e.float(v)
		if !bytes.Equal(e.b, want) {
			t.Errorf("float(%v) = %s, want %s", v, e.b, want)
		}
	})
}

// BenchmarkEncodeArticle compares appendArticle with the encoding/json
// reference on the fixture's articles.
func BenchmarkEncodeArticle(b *testing.B) {
	arts := fixture(&testing.T{}).Articles
	for _, bm := range []struct {
		name string
		enc  func(*analysis.Article) ([]byte, error)
	}{
		{"append", EncodeArticle},
		{"encoding-json", reference},
	} {
		b.Run(bm.name, func(b *testing.B) {
			for b.Loop() {
				for i := range arts {
					if _, err := bm.enc(&arts[i]); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
