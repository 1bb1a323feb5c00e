package analysis

import (
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"alignnet/analysis/alignment"
	"alignnet/pipeline"
	"alignnet/pipeline/entities"
	"alignnet/pipeline/ingest"
	"alignnet/pipeline/kb"
)

// Ordered hands results over in order whatever order the work finishes
// in, never lets more than window results wait, and stops on an error.
func TestOrdered(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	for _, window := range []int{1, 3, 64} {
		var started, taken, maxAhead atomic.Int64
		var got []int
		err := Ordered(200, window, func(i int) int {
			ahead := started.Add(1) - taken.Load()
			for m := maxAhead.Load(); ahead > m && !maxAhead.CompareAndSwap(m, ahead); m = maxAhead.Load() {
			}
			if i%7 == 0 {
				time.Sleep(100 * time.Microsecond) // finish out of order
			}
			return i * i
		}, func(i, v int) error {
			taken.Add(1)
			if v != i*i {
				t.Fatalf("window %d: result %d for item %d", window, v, i)
			}
			got = append(got, i)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for i, v := range got {
			if v != i {
				t.Fatalf("window %d: item %d handed over at position %d", window, v, i)
			}
		}
		if len(got) != 200 {
			t.Fatalf("window %d: %d items handed over, want 200", window, len(got))
		}
		if m := maxAhead.Load(); m > int64(window)+1 {
			t.Errorf("window %d: %d items started ahead of the consumer", window, m)
		}
	}
	boom := errors.New("boom")
	var worked atomic.Int64
	err := Ordered(10000, 8, func(i int) int { worked.Add(1); return i }, func(i, v int) error {
		if i == 5 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) {
		t.Fatalf("error %v, want boom", err)
	}
	if n := worked.Load(); n > 5+8+1 {
		t.Errorf("%d items worked after an error at item 5 with window 8", n)
	}
}

// A network whose eigenvector centrality does not converge within the cap
// (two cliques of seven, one with a pendant node: nearly equal leading
// eigenvalues) still gives a result, with a warning instead of an error.
func TestResultWarnsOnNoConvergence(t *testing.T) {
	sentences := [][]string{
		{"1", "0", "2", "7", "8", "9", "A"},
		{"B", "C", "X", "Y", "00", "Z", "a"},
		{"0", "b"},
	}
	a := &pipeline.Article{Doc: &ingest.Document{ID: "x", Name: "x.txt"}}
	seen := map[string]bool{}
	for _, ids := range sentences {
		a.Sentences = append(a.Sentences, pipeline.Sentence{Text: "x", Actors: ids})
		for _, id := range ids {
			if !seen[id] {
				seen[id] = true
				a.Entities = append(a.Entities, entities.Entity{ID: id, Name: id, Type: kb.Organization, Bloc: kb.Other, Mentions: 1})
			}
		}
	}
	res, err := Analyze([]*pipeline.Article{a}, alignment.DefaultLexicon(), 1)
	if err != nil {
		t.Fatalf("Analyze: %v", err)
	}
	if len(res.Actors) != 15 || len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "eigenvector") {
		t.Errorf("%d actors, warnings %q; want 15 actors and one eigenvector warning", len(res.Actors), res.Warnings)
	}
}

// titleActors finds the body's actors in a headline by their forms,
// whatever the case, whole words only, the longest form first, and skips
// places.
func TestTitleActors(t *testing.T) {
	ents := []entities.Entity{
		{ID: "tajikistan", Bloc: "subject", Type: kb.Country, Forms: []entities.Form{{Text: "Tajikistan"}, {Text: "Tajik"}}},
		{ID: "russia", Bloc: kb.Russia, Type: kb.Country, Forms: []entities.Form{{Text: "Moscow"}, {Text: "Russia"}, {Text: "the Kremlin"}}},
		{ID: "emomali-rahmon", Bloc: "subject", Type: kb.Person, Country: "tajikistan", Forms: []entities.Form{{Text: "Rahmon"}}},
		{ID: "collective-security-treaty-organization", Bloc: kb.Russia, Type: kb.Organization, Forms: []entities.Form{{Text: "Collective Security Treaty Organization"}, {Text: "Security"}}},
		{ID: "united-states", Bloc: kb.West, Type: kb.Country, Forms: []entities.Form{{Text: "US"}}},
		{ID: "place-dushanbe", Type: entities.Place, Forms: []entities.Form{{Text: "Dushanbe"}}},
	}
	for _, tt := range []struct {
		title string
		want  []string // id@start
	}{
		{"TAJIKISTAN: THE NEW LEADERSHIP LOOKS TO MOSCOW", []string{"tajikistan@0", "russia@40"}},
		{"Rahmon’s Seven Minutes: What Tajikistan Wants from Russia", []string{"emomali-rahmon@0", "tajikistan@31", "russia@53"}},
		{"In Dushanbe, the Tajikistani press reads Moscowbound news", nil},
		{"Tajiks Join the Collective Security Treaty Organization", []string{"collective-security-treaty-organization@16"}},
		{"Russia Lets Us Down", []string{"russia@0"}},
		{"The Kremlin and the US", []string{"russia@0", "united-states@20"}},
	} {
		var got []string
		for _, a := range titleActors(tt.title, ents) {
			got = append(got, fmt.Sprintf("%s@%d", a.ID, a.Start))
			if a.End <= a.Start || a.End > len(tt.title) {
				t.Errorf("%q: actor %s spans [%d, %d)", tt.title, a.ID, a.Start, a.End)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("titleActors(%q) = %v, want %v", tt.title, got, tt.want)
		}
	}
}
