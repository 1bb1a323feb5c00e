package kb

import (
	"slices"
	"strings"
	"unicode"
)

var kindType = map[string]Type{"country": Country, "person": Person, "org": Organization, "source": Source}

var straightQuotes = strings.NewReplacer("’", "'", "‘", "'")

// fold is the key under which surface forms are compared: lower case, with
// curly apostrophes made straight.
func fold(s string) string {
	if !strings.ContainsRune(s, '‘') && !strings.ContainsRune(s, '’') {
		return strings.ToLower(s) // most forms: no quote to straighten
	}
	return strings.ToLower(straightQuotes.Replace(s))
}

// resolve turns records into a KB: it assigns IDs, rejects duplicate IDs and
// forms, resolves country= and office= references to IDs, fills Bloc and
// Short, sorts, and indexes.
func resolve(recs []record, errs *errorList) *KB {
	k := &KB{}
	type at struct {
		file string
		line int
	}
	ids := map[string]at{}
	erecs := make([]*record, 0, len(recs)) // erecs[i] is the record of k.Entries[i] until sorting
	k.Entries = make([]Entry, 0, len(recs))
	for i := range recs {
		r := &recs[i]
		id := ""
		if v := r.fields["id"]; len(v) > 0 {
			id = v[0]
		} else if id = Slug(r.name); id == "" {
			errs.add(r.file, r.line, "cannot derive an id from %q: add id=", r.name)
			continue
		}
		if w, dup := ids[id]; dup {
			errs.add(r.file, r.line, "duplicate id %q (first at %s:%d)", id, w.file, w.line)
			continue
		}
		ids[id] = at{r.file, r.line}
		if r.kind == "role" {
			k.Roles = append(k.Roles, Role{ID: id, Name: r.name, Aliases: dedupe(r.fields["alias"], r.name), File: r.file, Line: r.line})
			continue
		}
		e := Entry{
			ID: id, Name: r.name, Type: kindType[r.kind],
			Aliases:    dedupe(r.fields["alias"], r.name),
			Acronyms:   dedupe(r.fields["acronym"], ""),
			Adjectives: dedupe(r.fields["adj"], ""),
			Seats:      dedupe(r.fields["seat"], ""),
			Short:      dedupe(r.fields["short"], ""),
			Bloc:       Bloc(first(r.fields["bloc"])),
			Class:      first(r.fields["class"]),
			File:       r.file, Line: r.line,
		}
		if e.Type == Organization && e.Class == "" {
			e.Class = "other"
		}
		k.Entries = append(k.Entries, e)
		erecs = append(erecs, r)
	}

	// A surface form names at most one entry of each type, and one role.
	forms := map[Type]map[string]int{}
	for i := range k.Entries {
		e := &k.Entries[i]
		if forms[e.Type] == nil {
			forms[e.Type] = map[string]int{}
		}
		seen := forms[e.Type]
		for _, f := range e.forms() {
			key := fold(f)
			if j, ok := seen[key]; ok && j != i {
				o := &k.Entries[j]
				errs.add(e.File, e.Line, "%q already names %s %q (%s:%d)", f, o.Type, o.ID, o.File, o.Line)
				continue
			}
			seen[key] = i
		}
	}
	roleByForm := map[string]int{}
	for i := range k.Roles {
		r := &k.Roles[i]
		for _, f := range append([]string{r.Name}, r.Aliases...) {
			key := fold(f)
			if j, ok := roleByForm[key]; ok && j != i {
				errs.add(r.File, r.Line, "%q already names role %q (%s:%d)", f, k.Roles[j].ID, k.Roles[j].File, k.Roles[j].Line)
				continue
			}
			roleByForm[key] = i
		}
	}

	// References: country= names a country; office= a role and a country or
	// organization, each by ID or by name, alias or acronym.
	byID := map[string]int{}
	for i := range k.Entries {
		byID[k.Entries[i].ID] = i
	}
	roleID := map[string]int{}
	for i := range k.Roles {
		roleID[k.Roles[i].ID] = i
	}
	lookup := func(ref string, types ...Type) []int {
		if i, ok := byID[ref]; ok && hasType(k.Entries[i].Type, types) {
			return []int{i}
		}
		var out []int
		for _, t := range types {
			if i, ok := forms[t][fold(ref)]; ok && k.Entries[i].refersBy(ref) {
				out = append(out, i)
			}
		}
		return out
	}
	for i := range k.Entries {
		e, r := &k.Entries[i], erecs[i]
		if c := first(r.fields["country"]); c != "" {
			if m := lookup(c, Country); len(m) == 1 {
				e.Country = k.Entries[m[0]].ID
			} else {
				errs.add(r.file, r.line, "unknown country %q", c)
			}
		}
		for _, o := range r.offices {
			ri, ok := roleID[o.role]
			if !ok {
				ri, ok = roleByForm[fold(o.role)]
			}
			if !ok {
				errs.add(r.file, r.line, "office %q: unknown role %q", o.text, o.role)
				continue
			}
			m := lookup(o.of, Country, Organization)
			switch len(m) {
			case 0:
				errs.add(r.file, r.line, "office %q: unknown country or organization %q", o.text, o.of)
				continue
			case 2:
				errs.add(r.file, r.line, "office %q: %q names both %q and %q: use an id", o.text, o.of, k.Entries[m[0]].ID, k.Entries[m[1]].ID)
				continue
			}
			e.Offices = append(e.Offices, Office{Role: k.Roles[ri].ID, Of: k.Entries[m[0]].ID, From: o.from, To: o.to})
		}
	}

	// Blocs: countries default to other; people and organizations inherit
	// their country's; sources are always other.
	for i := range k.Entries {
		e := &k.Entries[i]
		switch {
		case e.Type == Source:
			e.Bloc = Other
		case e.Bloc != "":
		case e.Country != "":
			e.Bloc = k.Entries[byID[e.Country]].Bloc
			if e.Bloc == "" {
				e.Bloc = Other
			}
		default:
			e.Bloc = Other
		}
		if e.Type == Person && len(e.Short) == 0 {
			e.Short = defaultShort(e)
		}
	}

	slices.SortFunc(k.Entries, func(a, b Entry) int { return strings.Compare(a.ID, b.ID) })
	slices.SortFunc(k.Roles, func(a, b Role) int { return strings.Compare(a.ID, b.ID) })
	k.byID = make(map[string]int, len(k.Entries))
	k.holders = map[holderKey][]int{}
	for i := range k.Entries {
		e := &k.Entries[i]
		k.byID[e.ID] = i
		done := map[holderKey]bool{}
		for _, o := range e.Offices {
			hk := holderKey{o.Role, o.Of}
			if !done[hk] {
				done[hk] = true
				k.holders[hk] = append(k.holders[hk], i)
			}
		}
	}
	k.roles = make(map[string]int, len(k.Roles))
	for i := range k.Roles {
		k.roles[k.Roles[i].ID] = i
	}
	return k
}

// forms lists the surface forms that must name one entry of its type.
// Short forms are left out: surnames are shared (two Akhmetovs were prime
// ministers of Kazakhstan) and are resolved in context.
func (e *Entry) forms() []string {
	out := append([]string{e.Name}, e.Aliases...)
	out = append(out, e.Acronyms...)
	out = append(out, e.Adjectives...)
	return append(out, e.Seats...)
}

// refersBy reports whether ref is a name by which a country= or office=
// field may point at e: its name, an alias or an acronym (not an adjective
// or a seat).
func (e *Entry) refersBy(ref string) bool {
	key := fold(ref)
	for _, f := range append(append([]string{e.Name}, e.Aliases...), e.Acronyms...) {
		if fold(f) == key {
			return true
		}
	}
	return false
}

func hasType(t Type, types []Type) bool {
	for _, u := range types {
		if t == u {
			return true
		}
	}
	return false
}

// defaultShort is the last word of a person's name and of each alias in
// Latin or Cyrillic script, in order, without repeats.
func defaultShort(e *Entry) []string {
	var out []string
	for i, s := range append([]string{e.Name}, e.Aliases...) {
		if i > 0 && !alphabetic(s) {
			continue
		}
		if w := strings.Fields(s); len(w) > 0 {
			out = append(out, w[len(w)-1])
		}
	}
	return dedupe(out, "")
}

// alphabetic reports whether every letter of s is Latin or Cyrillic.
func alphabetic(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.In(r, unicode.Latin, unicode.Cyrillic) {
			return false
		}
	}
	return true
}

// dedupe drops exact repeats and items equal to skip, keeping file order.
func dedupe(items []string, skip string) []string {
	var out []string
	seen := map[string]bool{skip: true}
	for _, s := range items {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func first(items []string) string {
	if len(items) == 0 {
		return ""
	}
	return items[0]
}
