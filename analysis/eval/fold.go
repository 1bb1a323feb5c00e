package eval

import (
	"slices"
	"strings"
	"unicode"
)

// folder maps typographic quotes and dashes to their ASCII forms.
var folder = strings.NewReplacer(
	"\u2018", "'", "\u2019", "'", "\u201a", "'", "\u201b", "'", "\u2032", "'",
	"\u201c", `"`, "\u201d", `"`, "\u201e", `"`, "\u2033", `"`,
	"\u2013", "-", "\u2014", "-", "\u2012", "-", "\u2212", "-", "\u2010", "-",
)

// Fold returns the comparison key of s: quotes ‘ ’ ‚ ‛ ′ become ', quotes
// “ ” „ ″ become ", dashes – — ‒ − ‐ become -, every whitespace run becomes
// one space, the ends are trimmed and the result is lower-cased.
func Fold(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(folder.Replace(s)), " "))
}

// Tokens returns the distinct lower-case letter/digit runs of Fold(s),
// sorted.
func Tokens(s string) []string {
	ts := strings.FieldsFunc(Fold(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	slices.Sort(ts)
	return slices.Compact(ts)
}

// tokenIDs interns token lists as sorted int slices, so that overlap can
// merge them instead of hashing strings.
type tokenIDs map[string]int

// ids returns the sorted ids of the distinct tokens of s.
func (d tokenIDs) ids(s string) []int {
	ts := Tokens(s)
	out := make([]int, len(ts))
	for i, t := range ts {
		id, ok := d[t]
		if !ok {
			id = len(d)
			d[t] = id
		}
		out[i] = id
	}
	slices.Sort(out)
	return out
}

// overlap returns |a ∩ b| and the Jaccard index |a ∩ b| / |a ∪ b| of two
// sorted sets, the index being 0 when both are empty.
func overlap(a, b []int) (shared int, jaccard float64) {
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			shared++
			i++
			j++
		}
	}
	union := len(a) + len(b) - shared
	if union == 0 {
		return 0, 0
	}
	return shared, float64(shared) / float64(union)
}

// keys returns the folded, non-empty forms of name and forms.
func keys(name string, forms []string) map[string]bool {
	set := make(map[string]bool, len(forms)+1)
	for _, s := range append([]string{name}, forms...) {
		if k := Fold(s); k != "" {
			set[k] = true
		}
	}
	return set
}

// intersects reports whether a and b share a key.
func intersects(a, b map[string]bool) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}
