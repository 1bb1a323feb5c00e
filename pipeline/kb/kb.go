package kb

import "time"

// Type is the kind of actor an entry describes.
type Type string

// The entry types. Source entries are news agencies, papers and sites that
// articles cite; they are never actors.
const (
	Person       Type = "person"
	Organization Type = "organization"
	Country      Type = "country"
	Source       Type = "source"
)

// Bloc is the pole an actor belongs to. The subject state of an article is
// decided per article, not in the knowledge base, so Bloc has no "subject".
type Bloc string

// The blocs.
const (
	Russia Bloc = "russia"
	West   Bloc = "west"
	Other  Bloc = "other"
)

// Entry is one actor or source.
type Entry struct {
	ID   string // stable slug, unique across the knowledge base ("nursultan-nazarbayev")
	Name string // canonical name ("Nursultan Nazarbayev")
	Type Type
	// Bloc is the entry's own bloc. For people and organizations with a
	// Country and no bloc= field it is inherited from that country.
	Bloc Bloc
	// Country is the ID of the country a person or organization belongs to
	// ("" for intergovernmental bodies and countries).
	Country string
	// Aliases are other full surface forms: spellings, transliterations,
	// Cyrillic, former names ("Dmitri Medvedev", "Медведев").
	Aliases []string
	// Acronyms stand for the entry once written in capitals ("CSTO").
	Acronyms []string
	// Short forms a later mention may use alone (a person's surname). For
	// people with none given, the last word of Name and of each Latin alias.
	Short []string
	// Adjectives and demonyms that stand for a country when used of the
	// state ("Russian", "Kazakh", "U.S.").
	Adjectives []string
	// Seats are capitals and seats of government that stand for a country
	// when it acts ("Moscow", "the Kremlin", "Astana", "Nur-Sultan"), or
	// the city that stands for an organization ("Brussels" for the EU).
	Seats []string
	// Offices a person held.
	Offices []Office
	// Class is an organization's class: one of igo, ministry, military,
	// company, bank, media, party, thinktank, agency, other ("" for other
	// types).
	Class string
	// File and Line locate the entry's definition, for error messages.
	File string
	Line int
}

// Office is a post a person held from From to To, both UTC midnights and
// both inclusive (To zero: still in office). A date written to the year or
// month covers all of it: From is its first day and To its last.
type Office struct {
	Role string // canonical role ID from the role entries ("president", "foreign-minister")
	Of   string // ID of the country or organization
	From time.Time
	To   time.Time
}

// Role is a title that names an office ("President", "Foreign Minister",
// "Minister of Foreign Affairs").
type Role struct {
	ID      string // "foreign-minister"
	Name    string // as written in roles.kb: "Foreign Minister"
	Aliases []string
	File    string
	Line    int
}

// KB is a parsed knowledge base. It is read-only once built: the value
// Default returns is shared by every caller.
type KB struct {
	Entries  []Entry // sorted by ID
	Roles    []Role  // sorted by ID
	Checksum string  // hex SHA-256 over the files, see Parse

	byID    map[string]int      // entry ID -> index in Entries
	roles   map[string]int      // role ID -> index in Roles
	holders map[holderKey][]int // (role, of) -> indexes in Entries, ascending
}

type holderKey struct{ role, of string }

// Entry returns the entry with the given ID.
func (k *KB) Entry(id string) (*Entry, bool) {
	i, ok := k.byID[id]
	if !ok {
		return nil, false
	}
	return &k.Entries[i], true
}

// Role returns the role with the given ID.
func (k *KB) Role(id string) (*Role, bool) {
	i, ok := k.roles[id]
	if !ok {
		return nil, false
	}
	return &k.Roles[i], true
}

// Holders returns the people who held office role of the country or
// organization with ID of on the calendar day of on, sorted by ID. An office
// is held on day d when From <= d and (To is zero or d <= To); both ends are
// inclusive, so on a handover day the outgoing and the incoming holder are
// both returned, and an office given to the year or month covers all of it.
func (k *KB) Holders(role, of string, on time.Time) []*Entry {
	day := time.Date(on.Year(), on.Month(), on.Day(), 0, 0, 0, 0, time.UTC)
	var out []*Entry
	for _, i := range k.holders[holderKey{role, of}] {
		e := &k.Entries[i]
		for _, o := range e.Offices {
			if o.Role == role && o.Of == of && o.Holds(day) {
				out = append(out, e)
				break
			}
		}
	}
	return out // the index is in Entries order, which is ID order
}

// Holds reports whether the office was held on day, a UTC midnight.
func (o Office) Holds(day time.Time) bool {
	return !day.Before(o.From) && (o.To.IsZero() || !day.After(o.To))
}
