package kb

import (
	"io/fs"
	"testing"
	"time"
)

func TestDefault(t *testing.T) {
	sub, err := fs.Sub(data, "data")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Parse(sub); err != nil {
		t.Fatalf("Parse(embedded data): %v", err)
	}
	k := Default()
	counts := map[Type]int{}
	for _, e := range k.Entries {
		counts[e.Type]++
	}
	t.Logf("entries %d %v, roles %d", len(k.Entries), counts, len(k.Roles))
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}
