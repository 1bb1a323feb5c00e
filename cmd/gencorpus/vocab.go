package main

import (
	_ "embed"
	"errors"
	"fmt"
	"strings"
	"unicode"
)

//go:embed vocab.txt
var vocabText string

// errVocab marks a malformed vocabulary.
var errVocab = errors.New("gencorpus: bad vocabulary")

// Poles and roles of states and organizations.
const (
	roleSubject = "subject"
	roleRussia  = "russia"
	roleWest    = "west"
	roleOther   = "other"
)

type state struct{ name, adj, capital, role string }

type person struct {
	name, title, of string // of: a state name or an organization's acronym
	short           string // the surname used on later mentions
}

type org struct {
	name    string // with "the" when it takes the article
	acronym string // "" when none
	bare    bool   // the acronym is used without "the" (NATO)
	owner   string // a state name, or a role for an international body
}

type company struct{ name, state string }

// vocab is the parsed vocab.txt.
type vocab struct {
	states    []state
	people    []person
	orgs      []org
	companies []company
	lists     map[string][]string // every other section, by name

	stateIndex map[string]int // state name to index
	subjects   []int          // states that may be an article's subject
	poles      []actor        // actors of Russia or of the West
	others     []actor        // every other real actor
	byState    map[int][]actor
}

// sections holding records; every other section is a word list.
var recordSections = map[string]int{"states": 4, "people": 3, "orgs": 3, "companies": 2}

// requiredLists are the word lists the generator reads.
var requiredLists = []string{
	"sources", "domains", "cities", "first", "stems", "endings", "insthead",
	"fields", "industries", "authorfirst", "authorlast", "publications",
	"topic", "headline", "observers", "say", "vpast", "vinf", "adjq", "adjpos",
	"pressurenoun", "quote", "main0", "main1", "main2", "main3", "ext0", "ext1",
}

// parseVocab reads a vocabulary in the format of vocab.txt. Errors name
// the file and line.
func parseVocab(name, text string) (*vocab, error) {
	v := &vocab{lists: map[string][]string{}, stateIndex: map[string]int{}, byState: map[int][]actor{}}
	section := ""
	for i, line := range strings.Split(text, "\n") {
		if section != "" && strings.HasPrefix(section, "ext") {
			// Extension clauses may start with a space or a comma.
			line = strings.TrimRight(line, " \t\r")
		} else {
			line = strings.TrimSpace(line)
		}
		if line == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			section = line[1 : len(line)-1]
			continue
		}
		if section == "" {
			return nil, fmt.Errorf("%s:%d: entry before any section: %w", name, i+1, errVocab)
		}
		min, record := recordSections[section]
		if !record {
			v.lists[section] = append(v.lists[section], line)
			continue
		}
		f := strings.Split(line, " | ")
		for j := range f {
			f[j] = strings.TrimSpace(f[j])
		}
		if len(f) < min {
			return nil, fmt.Errorf("%s:%d: [%s] wants %d fields, got %d: %w", name, i+1, section, min, len(f), errVocab)
		}
		switch section {
		case "states":
			v.stateIndex[f[0]] = len(v.states)
			v.states = append(v.states, state{name: f[0], adj: f[1], capital: f[2], role: f[3]})
		case "people":
			p := person{name: f[0], title: f[1], of: f[2]}
			if len(f) > 3 {
				p.short = f[3]
			} else {
				p.short = f[0][strings.LastIndexByte(f[0], ' ')+1:]
			}
			v.people = append(v.people, p)
		case "orgs":
			o := org{name: f[0], owner: f[2]}
			if f[1] != "-" {
				o.acronym = strings.TrimSuffix(f[1], "*")
				o.bare = strings.HasSuffix(f[1], "*")
			}
			v.orgs = append(v.orgs, o)
		case "companies":
			v.companies = append(v.companies, company{name: f[0], state: f[1]})
		}
	}
	if err := v.check(name); err != nil {
		return nil, err
	}
	v.index()
	switch {
	case len(v.subjects) == 0:
		return nil, fmt.Errorf("%s: no state with role subject: %w", name, errVocab)
	case len(v.poles) == 0 || len(v.others) == 0:
		return nil, fmt.Errorf("%s: want actors of a pole and others besides the subjects: %w", name, errVocab)
	}
	return v, nil
}

// check verifies references between sections and the slots of templates.
func (v *vocab) check(name string) error {
	for _, l := range requiredLists {
		if len(v.lists[l]) == 0 {
			return fmt.Errorf("%s: section [%s] missing or empty: %w", name, l, errVocab)
		}
	}
	for _, l := range []string{"ext0", "ext1"} {
		// sentence draws up to 4 distinct extensions, one bit each.
		if n := len(v.lists[l]); n < 4 || n > 32 {
			return fmt.Errorf("%s: [%s] has %d entries, want 4 to 32: %w", name, l, n, errVocab)
		}
	}
	for _, s := range []string{"Russia", "United States"} { // the usual poles of a cast
		if _, ok := v.stateIndex[s]; !ok {
			return fmt.Errorf("%s: state %s missing: %w", name, s, errVocab)
		}
	}
	if len(v.orgs) == 0 || len(v.companies) == 0 {
		return fmt.Errorf("%s: want at least one organization and one company: %w", name, errVocab)
	}
	acronyms := map[string]bool{}
	for _, o := range v.orgs {
		acronyms[o.acronym] = true
		if _, ok := v.stateIndex[o.owner]; !ok && o.owner != roleRussia && o.owner != roleWest && o.owner != roleOther {
			return fmt.Errorf("%s: org %q: unknown owner %q: %w", name, o.name, o.owner, errVocab)
		}
	}
	for _, p := range v.people {
		if _, ok := v.stateIndex[p.of]; !ok && !acronyms[p.of] {
			return fmt.Errorf("%s: person %q: unknown state or acronym %q: %w", name, p.name, p.of, errVocab)
		}
	}
	for _, c := range v.companies {
		if _, ok := v.stateIndex[c.state]; !ok {
			return fmt.Errorf("%s: company %q: unknown state %q: %w", name, c.name, c.state, errVocab)
		}
	}
	for _, s := range v.states {
		switch s.role {
		case roleSubject, roleRussia, roleWest, roleOther:
		default:
			return fmt.Errorf("%s: state %q: unknown role %q: %w", name, s.name, s.role, errVocab)
		}
	}
	for _, sec := range []string{"main0", "main1", "main2", "main3", "ext0", "ext1", "insthead"} {
		want := -1
		if n := sec[len(sec)-1]; n >= '0' && n <= '3' {
			want = int(n - '0')
		}
		for _, t := range v.lists[sec] {
			slots, err := templateSlots(t)
			if err != nil {
				return fmt.Errorf("%s: [%s] %q: %w", name, sec, t, err)
			}
			n := 0
			for _, s := range slots {
				if sec == "insthead" {
					if s != "field" {
						return fmt.Errorf("%s: [insthead] %q: slot {%s}, want only {field}: %w", name, t, s, errVocab)
					}
					continue
				}
				if isActorSlot(s) {
					n++
				} else if _, ok := v.lists[s]; !ok && !builtinSlot[s] {
					return fmt.Errorf("%s: [%s] %q: unknown slot {%s}: %w", name, sec, t, s, errVocab)
				}
			}
			if want >= 0 && n != want {
				return fmt.Errorf("%s: [%s] %q: %d actor slots, want %d: %w", name, sec, t, n, want, errVocab)
			}
		}
	}
	return nil
}

// builtinSlot are lower-case slots the generator fills itself.
var builtinSlot = map[string]bool{"when": true, "When": true, "city": true, "year": true}

// isActorSlot reports whether a slot names an actor: one upper-case letter,
// possibly followed by "'s".
func isActorSlot(s string) bool {
	s = strings.TrimSuffix(s, "'s")
	return len(s) == 1 && unicode.IsUpper(rune(s[0]))
}

// templateSlots returns the slot names of a template in order.
func templateSlots(t string) ([]string, error) {
	var slots []string
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			if strings.IndexByte(t, '}') >= 0 {
				return nil, fmt.Errorf("unbalanced }: %w", errVocab)
			}
			return slots, nil
		}
		j := strings.IndexByte(t[i:], '}')
		if j < 0 {
			return nil, fmt.Errorf("unbalanced {: %w", errVocab)
		}
		slots = append(slots, t[i+1:i+j])
		t = t[i+j+1:]
	}
}

// index fills the derived lists of v.
func (v *vocab) index() {
	pole := func(role string) bool { return role == roleRussia || role == roleWest }
	add := func(a actor, role string, st int) {
		if pole(role) {
			v.poles = append(v.poles, a)
		} else {
			v.others = append(v.others, a)
		}
		if st >= 0 {
			v.byState[st] = append(v.byState[st], a)
		}
	}
	orgRole := map[string]string{}
	for i, s := range v.states {
		if s.role == roleSubject {
			v.subjects = append(v.subjects, i)
			continue // the subject is drawn apart
		}
		add(actor{kind: kState, idx: i}, s.role, -1)
	}
	for i, o := range v.orgs {
		role, st := o.owner, -1
		if j, ok := v.stateIndex[o.owner]; ok {
			role, st = v.states[j].role, j
		}
		if o.acronym != "" {
			orgRole[o.acronym] = role
		}
		add(actor{kind: kOrg, idx: i}, role, st)
	}
	for i, p := range v.people {
		role, st := orgRole[p.of], -1
		if j, ok := v.stateIndex[p.of]; ok {
			role, st = v.states[j].role, j
		}
		add(actor{kind: kPerson, idx: i}, role, st)
	}
	for i, c := range v.companies {
		j := v.stateIndex[c.state]
		add(actor{kind: kCompany, idx: i}, v.states[j].role, j)
	}
}
