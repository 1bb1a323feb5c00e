package main

import (
	"strings"
	"unicode"
)

// Invented actors. Index k of a pool maps to a name by mixed radix over the
// vocabulary's lists, after a multiplication by a number prime to the
// pool's capacity, so distinct indices give distinct names and neighbouring
// indices do not share their first parts.

// spread maps k < n to a permutation of [0, n): k*a mod n with a prime to n.
func spread(k, n int) int {
	a := 7919 // the 1000th prime
	for gcd(a, n) != 1 {
		a += 2
	}
	return k * a % n
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// personCap is the number of distinct invented people.
func (v *vocab) personCap() int {
	return len(v.lists["first"]) * len(v.lists["stems"]) * len(v.lists["endings"])
}

// inventedPerson returns the given name and surname of invented official k.
func (v *vocab) inventedPerson(k int) (first, last string) {
	firsts, stems, ends := v.lists["first"], v.lists["stems"], v.lists["endings"]
	k = spread(k%v.personCap(), v.personCap())
	first = firsts[k%len(firsts)]
	k /= len(firsts)
	last = stems[k%len(stems)] + ends[k/len(stems)]
	return first, last
}

// instCap is the number of distinct invented institutions.
func (v *vocab) instCap() int {
	prefixes := len(v.lists["cities"]) + len(v.states)
	return prefixes * len(v.lists["insthead"]) * len(v.lists["fields"])
}

// inventedInst returns the name of invented institution k, without "the":
// a prefix (a city or a state adjective), a head pattern and a field, as
// "Almaty Center for Energy Research".
func (v *vocab) inventedInst(k int) string {
	cities, heads, fields := v.lists["cities"], v.lists["insthead"], v.lists["fields"]
	k = spread(k%v.instCap(), v.instCap())
	f := fields[k%len(fields)]
	k /= len(fields)
	h := heads[k%len(heads)]
	k /= len(heads)
	prefix := ""
	if k < len(cities) {
		prefix = cities[k]
	} else {
		prefix = v.states[k-len(cities)].adj
	}
	return prefix + " " + strings.ReplaceAll(h, "{field}", f)
}

// acronymOf returns the capitals of a name's capitalised words: "Almaty
// Center for Energy Research" gives "ACER".
func acronymOf(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		r := []rune(w)
		if unicode.IsUpper(r[0]) {
			b.WriteRune(r[0])
		}
	}
	return b.String()
}
