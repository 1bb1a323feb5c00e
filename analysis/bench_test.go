package analysis

import (
	"os"
	"path/filepath"
	"testing"

	"alignnet/analysis/alignment"
	"alignnet/pipeline"
	"alignnet/pipeline/ingest"
	"alignnet/pipeline/kb"
)

// BenchmarkRecognizeScore measures the text throughput of recognition and
// scoring together, on every core (b.RunParallel): sentence splitting,
// entity recognition, sentence stances and the article score with its
// bootstrap interval, over the bodies of the seed articles (real text;
// ingest excluded). MB/s counts the article files' bytes.
func BenchmarkRecognizeScore(b *testing.B) {
	files, _ := filepath.Glob("../seeds/*.txt")
	if len(files) == 0 {
		b.Skip("no seed articles in ../seeds")
	}
	p, err := pipeline.New(kb.Default(), "")
	if err != nil {
		b.Fatal(err)
	}
	c := NewCorpus(alignment.DefaultLexicon(), 1)
	var docs []*ingest.Document
	var size int64
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		doc, err := ingest.Parse(f, raw)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc)
		size += int64(len(raw))
	}
	b.SetBytes(size)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			for _, d := range docs {
				c.Score(p.Process(d))
			}
		}
	})
}
