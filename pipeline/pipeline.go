// Package pipeline turns article files into articles with sentences,
// resolved entities and cited sources.
package pipeline

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"alignnet/pipeline/entities"
	"alignnet/pipeline/ingest"
	"alignnet/pipeline/kb"
	"alignnet/pipeline/sentence"
)

// SubjectBloc is the bloc of the subject state and of the people and
// organizations that belong to it.
const SubjectBloc kb.Bloc = "subject"

// Article is one processed article.
type Article struct {
	Doc       *ingest.Document
	File      string // the file as outputs name it (default Doc.Name)
	Subject   string // ID of the subject state, "" if none was found
	Sentences []Sentence
	Entities  []entities.Entity // sorted by ID; Bloc is SubjectBloc for the subject's own
	Sources   []string
}

// Sentence is one sentence of an article's body.
type Sentence struct {
	Text       string
	Start, End int                // byte offsets in the body
	Mentions   []entities.Mention // offsets in the body
	Actors     []string           // IDs of the actors mentioned (no places), sorted, unique
}

// Pipeline processes articles with one knowledge base.
type Pipeline struct {
	kb      *kb.KB
	rec     *entities.Recognizer
	subject string
	// Done counts the files ProcessFiles has finished, for a progress
	// display.
	Done atomic.Int64
	// Cache, when set, keeps processed articles between runs.
	Cache *Cache
}

// New returns a pipeline over k. A non-empty subject (a country ID or name
// of k) fixes the subject state of every article; otherwise each article's
// subject is the non-pole country it mentions most.
func New(k *kb.KB, subject string) (*Pipeline, error) {
	var rec *entities.Recognizer
	var err error
	if k == kb.Default() {
		rec, err = defaultRecognizer()
	} else {
		rec, err = entities.New(k)
	}
	if err != nil {
		return nil, err
	}
	p := &Pipeline{kb: k, rec: rec}
	if subject != "" {
		id := kb.Slug(subject)
		if e, ok := k.Entry(id); !ok || e.Type != kb.Country {
			return nil, fmt.Errorf("subject %q: no such country in the knowledge base", subject)
		}
		p.subject = id
	}
	return p, nil
}

// defaultRecognizer is the recogniser of the embedded knowledge base,
// built once and shared (a Recognizer is safe for concurrent use).
var defaultRecognizer = sync.OnceValues(func() (*entities.Recognizer, error) {
	return entities.New(kb.Default())
})

// init starts parsing the embedded knowledge base and building its
// recogniser in the background, some 40 ms of work that nearly every run
// needs first. The process spends as long again initialising go-graphviz
// (its WebAssembly runtime, in a package that is initialised after this
// one) on one core: the two overlap on a machine with two cores or more.
func init() { go defaultRecognizer() }

// Process recognises the sentences, entities and sources of a document.
func (p *Pipeline) Process(doc *ingest.Document) *Article {
	body := doc.Body
	spans := sentence.Split(body)
	starts := make([]int, len(spans))
	for i, s := range spans {
		starts[i] = s.Start
	}
	var date time.Time
	if doc.Date != "" {
		date, _ = time.Parse("2006-01-02", doc.Date)
	}
	res := p.rec.Recognize(body, starts, entities.Options{Date: date, Subject: p.subject})
	a := &Article{Doc: doc, File: doc.Name, Sources: res.Sources}
	a.Subject = p.subject
	if a.Subject == "" {
		a.Subject = detectSubject(res.Entities)
	}
	if len(res.Entities) > 0 {
		a.Entities = make([]entities.Entity, 0, len(res.Entities))
	}
	places := map[string]bool{}
	for _, e := range res.Entities {
		if a.Subject != "" && (e.ID == a.Subject || e.Country == a.Subject) && e.Type != entities.Place {
			e.Bloc = SubjectBloc
		}
		a.Entities = append(a.Entities, e)
		if e.Type == entities.Place {
			places[e.ID] = true
		}
	}
	a.Sentences = make([]Sentence, len(spans))
	for i, s := range spans {
		a.Sentences[i] = Sentence{Text: body[s.Start:s.End], Start: s.Start, End: s.End}
	}
	// The mentions and actors of all sentences share two arrays, each
	// sentence a part of them sized by a first count.
	nm, na := make([]int, len(spans)), make([]int, len(spans))
	for _, m := range res.Mentions {
		if m.Sentence >= 0 && m.Sentence < len(spans) {
			nm[m.Sentence]++
			if !places[m.Entity] {
				na[m.Sentence]++
			}
		}
	}
	ms, as := make([]entities.Mention, 0, len(res.Mentions)), make([]string, 0, len(res.Mentions))
	for i := range a.Sentences {
		s := &a.Sentences[i]
		if nm[i] > 0 {
			s.Mentions, ms = ms[len(ms):len(ms):len(ms)+nm[i]], ms[:len(ms)+nm[i]]
		}
		if na[i] > 0 {
			s.Actors, as = as[len(as):len(as):len(as)+na[i]], as[:len(as)+na[i]]
		}
	}
	for _, m := range res.Mentions {
		if m.Sentence < 0 || m.Sentence >= len(a.Sentences) {
			continue
		}
		s := &a.Sentences[m.Sentence]
		s.Mentions = append(s.Mentions, m)
		if !places[m.Entity] {
			s.Actors = append(s.Actors, m.Entity)
		}
	}
	for i := range a.Sentences {
		a.Sentences[i].Actors = uniqueSorted(a.Sentences[i].Actors)
	}
	return a
}

// detectSubject returns the country of bloc "other" mentioned most (ties:
// the smaller ID), or "".
func detectSubject(es []entities.Entity) string {
	best, n := "", 0
	for _, e := range es {
		if e.Type == kb.Country && e.Bloc == kb.Other && e.Mentions > n {
			best, n = e.ID, e.Mentions
		}
	}
	return best
}

func uniqueSorted(ss []string) []string {
	sort.Strings(ss)
	out := ss[:0]
	for i, s := range ss {
		if i == 0 || s != ss[i-1] {
			out = append(out, s)
		}
	}
	return out
}

// ErrNoInput is returned when a directory holds no .txt file.
var ErrNoInput = errors.New("pipeline: no .txt files")

// Files returns the .txt files under dir, recursively, sorted by path.
// Symbolic links are not followed, so a link loop cannot trap the walk.
func Files(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() && strings.EqualFold(filepath.Ext(path), ".txt") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: %w", dir, ErrNoInput)
	}
	sort.Strings(files)
	return files, nil
}

// MaxFileSize is the largest file Read accepts. Real articles are far
// below it (the seeds are 5 to 22 KB); a larger file is a dump, a book or a
// mistake, and reading it would stall the run.
const MaxFileSize = 16 << 20

// ErrTooLarge is returned for a file over MaxFileSize.
var ErrTooLarge = errors.New("pipeline: file too large for an article")

// Read parses one article file.
func Read(path string) (*ingest.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() > MaxFileSize {
		return nil, fmt.Errorf("%s: %d MB: %w (limit %d MB)", path, st.Size()>>20, ErrTooLarge, MaxFileSize>>20)
	}
	data, err := readAll(f, int(st.Size()))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("%s: %w (limit %d MB)", path, ErrTooLarge, MaxFileSize>>20)
	}
	return ingest.Parse(path, data)
}

// readAll reads f to its end, or to one byte past MaxFileSize, into a
// buffer sized for size bytes (as os.ReadFile sizes it by the file).
func readAll(f *os.File, size int) ([]byte, error) {
	data := make([]byte, 0, min(size, MaxFileSize)+512)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)] // the file grew: let append pick a larger buffer
		}
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if len(data) > MaxFileSize || err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// processFile reads and processes one file, through the cache when the
// pipeline has one.
func (p *Pipeline) processFile(path string) (*Article, error) {
	if p.Cache == nil {
		doc, err := Read(path)
		if err != nil {
			return nil, err
		}
		return p.Process(doc), nil
	}
	a, data, sum, err := p.Cache.load(path)
	if err != nil {
		return nil, err
	}
	if a != nil {
		p.Cache.Hits.Add(1)
		return a, nil
	}
	var doc *ingest.Document
	if data != nil {
		doc, err = ingest.Parse(path, data)
	} else {
		doc, err = Read(path)
	}
	if err != nil {
		return nil, err
	}
	a = p.Process(doc)
	p.Cache.Misses.Add(1)
	if sum != "" {
		if err := p.Cache.store(sum, a); err != nil {
			return nil, fmt.Errorf("cache: %w", err)
		}
	}
	return a, nil
}

// ProcessFile reads and processes one file, as ProcessFiles does for each
// of its files (Done counts it).
func (p *Pipeline) ProcessFile(path string) Result {
	a, err := p.processFile(path)
	p.Done.Add(1)
	return Result{Path: path, Article: a, Err: err}
}

// Result is the outcome of reading and processing one file.
type Result struct {
	Path    string
	Article *Article // nil when Err is set
	Err     error
}

// ProcessFiles reads and processes files with workers goroutines (at least
// one) and returns one Result per file, in the order of files, whatever
// the order in which the workers finish.
func (p *Pipeline) ProcessFiles(files []string, workers int) []Result {
	out := make([]Result, len(files))
	if workers < 1 {
		workers = 1
	}
	next := make(chan int)
	done := make(chan struct{})
	for w := 0; w < workers; w++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for i := range next {
				out[i] = p.ProcessFile(files[i])
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	for w := 0; w < workers; w++ {
		<-done
	}
	return out
}
