package kb

import (
	"bytes"
	"errors"
	"io/fs"
	"testing"
	"testing/fstest"
)

// FuzzParse checks that Parse never panics, that every error is an *Error
// naming the file and a line inside it, and that a KB it returns is sorted
// and resolved.
func FuzzParse(f *testing.F) {
	f.Add([]byte(base))
	for _, tt := range badLines {
		f.Add([]byte(base + tt.line))
	}
	if sub, err := fs.Sub(data, "data"); err == nil {
		if b, err := fs.ReadFile(sub, "people-central-asia.kb"); err == nil {
			f.Add(b[:min(len(b), 4000)])
		}
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		k, err := Parse(fstest.MapFS{"f.kb": {Data: in}})
		if err != nil {
			lines := bytes.Count(in, []byte("\n")) + 1
			u, ok := err.(interface{ Unwrap() []error })
			if !ok {
				t.Fatalf("Parse error %v is not a joined list", err)
			}
			for _, e := range u.Unwrap() {
				var le *Error
				if !errors.As(e, &le) || le.File != "f.kb" || le.Line < 1 || le.Line > lines {
					t.Fatalf("Parse error %q does not name a line of f.kb (1..%d)", e, lines)
				}
			}
			return
		}
		for i, e := range k.Entries {
			if i > 0 && k.Entries[i-1].ID >= e.ID {
				t.Fatalf("Entries not sorted at %q", e.ID)
			}
			if e.Bloc == "" {
				t.Fatalf("%s has no bloc", e.ID)
			}
			for _, o := range e.Offices {
				if _, ok := k.Entry(o.Of); !ok {
					t.Fatalf("%s: office of %q unresolved", e.ID, o.Of)
				}
				if _, ok := k.Role(o.Role); !ok {
					t.Fatalf("%s: office role %q unresolved", e.ID, o.Role)
				}
			}
		}
	})
}
