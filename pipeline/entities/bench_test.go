package entities

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"alignnet/pipeline/ingest"
	"alignnet/pipeline/kb"
	"alignnet/pipeline/sentence"
)

// BenchmarkRecognize runs the recogniser with the default knowledge base
// over the bodies of the seed articles (MB/s of body text).
func BenchmarkRecognize(b *testing.B) {
	r, err := New(kb.Default())
	if err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob("../../seeds/*.txt")
	if len(files) == 0 {
		b.Skip("no seed articles in ../../seeds")
	}
	type input struct {
		text   string
		starts []int
		opt    Options
	}
	var in []input
	var size int64
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		doc, err := ingest.Parse(filepath.Base(f), raw)
		if err != nil {
			b.Fatalf("%s: %v", f, err)
		}
		var starts []int
		for _, s := range sentence.Split(doc.Body) {
			starts = append(starts, s.Start)
		}
		date, _ := time.Parse("2006-01-02", doc.Date)
		in = append(in, input{doc.Body, starts, Options{Date: date}})
		size += int64(len(doc.Body))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, x := range in {
			r.Recognize(x.text, x.starts, x.opt)
		}
	}
}

// BenchmarkNew builds the recogniser of the default knowledge base, the
// fixed cost of every run.
func BenchmarkNew(b *testing.B) {
	k := kb.Default()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(k); err != nil {
			b.Fatal(err)
		}
	}
}
