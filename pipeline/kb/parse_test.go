package kb

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// base is a small valid knowledge base that the malformed lines below are
// parsed against; its line numbers appear in the expected messages.
const base = `# a.kb
role: President | alias=Head of State
role: Foreign Minister | alias=Minister of Foreign Affairs
country: Kazakhstan | alias=Qazaqstan | adj=Kazakh | seat=Astana
country: Russia | bloc=russia | adj=Russian | seat=Moscow; Kremlin
org: Collective Security Treaty Organization | id=csto | bloc=russia | class=igo | acronym=CSTO
org: Kazakhstan Ministry of Defense | id=kazakhstan-defense-ministry | country=Kazakhstan | class=ministry
person: Nursultan Nazarbayev | country=kazakhstan | alias=Nursultan Nazarbaev; Нурсултан Назарбаев | office=president, kazakhstan, 1990-04-24, 2019-03-20
person: Sergey Lavrov | country=Russia | alias=Sergei Lavrov | office=Foreign Minister, russia, 2004-03-09
source: Interfax | country=russia | acronym=IF
`

func parseWith(t *testing.T, extra string) (*KB, error) {
	t.Helper()
	return Parse(fstest.MapFS{
		"a.kb": {Data: []byte(base)},
		"b.kb": {Data: []byte(extra)},
	})
}

// badLines are malformed lines of b.kb and the one error each must raise.
var badLines = []struct {
	line, want string
}{
	{"no colon here", `b.kb:1: missing kind: want "kind: Name | key=value"`},
	{"persn: Someone", `b.kb:1: unknown kind "persn" (want country, person, org, source or role)`},
	{"person:  | country=russia", `b.kb:1: missing name`},
	{"person: country=russia", `b.kb:1: missing name`},
	{"person: A B | colour=red", `b.kb:1: unknown key "colour" for person`},
	{"source: A B | bloc=west", `b.kb:1: unknown key "bloc" for source`},
	{"person: A B | country", `b.kb:1: field "country": missing "="`},
	{"person: A B | | alias=C", `b.kb:1: empty field`},
	{"person: A B | alias= ; ", `b.kb:1: empty value for "alias"`},
	{"org: Eurasian Development Bank | alias=Eurasian Development Bank (EDB)", `b.kb:1: alias "Eurasian Development Bank (EDB)" carries its acronym: write acronym=EDB and the name without it`},
	{"country: Narnia | bloc=east", `b.kb:1: bad bloc "east" (want russia, west or other)`},
	{"org: Acme | class=widget", `b.kb:1: bad class "widget" (want one of igo, ministry, military, company, bank, media, party, thinktank, agency, other)`},
	{"person: A B | id=Bad_ID", `b.kb:1: bad id "Bad_ID" (want lowercase ASCII letters and digits joined by single hyphens)`},
	{"person: A B | id=a; b", `b.kb:1: "id" takes one value`},
	{"person: A B | country=russia | country=russia", `b.kb:1: "country" takes one value`},
	{"person: A B | office=president, Kazakhstan, 1991-13", `b.kb:1: office "president, Kazakhstan, 1991-13": bad date "1991-13"`},
	{"person: A B | office=president, kazakhstan, 1991-02-30", `b.kb:1: office "president, kazakhstan, 1991-02-30": bad date "1991-02-30"`},
	{"person: A B | office=president, kazakhstan, 91", `b.kb:1: office "president, kazakhstan, 91": bad date "91"`},
	{"person: A B | office=president, kazakhstan", `b.kb:1: office "president, kazakhstan": want "role, of, from, to" (to empty: still in office)`},
	{"person: A B | office=president, kazakhstan, 2000, 1999", `b.kb:1: office "president, kazakhstan, 2000, 1999": ends before it starts`},
	{"person: A B | office=tsar, kazakhstan, 2000", `b.kb:1: office "tsar, kazakhstan, 2000": unknown role "tsar"`},
	{"person: A B | office=president, narnia, 2000", `b.kb:1: office "president, narnia, 2000": unknown country or organization "narnia"`},
	{"person: A B | country=Narnia", `b.kb:1: unknown country "Narnia"`},
	{"person: A B | country=csto", `b.kb:1: unknown country "csto"`},
	{"country: Kazakhstan", `b.kb:1: duplicate id "kazakhstan" (first at a.kb:4)`},
	{"role: Kazakhstan", `b.kb:1: duplicate id "kazakhstan" (first at a.kb:4)`},
	{"country: Kazakh Republic | alias=Qazaqstan", `b.kb:1: "Qazaqstan" already names country "kazakhstan" (a.kb:4)`},
	{"country: Muscovy | seat=moscow", `b.kb:1: "moscow" already names country "russia" (a.kb:5)`},
	{"org: Central Security Treaty Org | acronym=CSTO", `b.kb:1: "CSTO" already names organization "csto" (a.kb:6)`},
	{"person: Nursultan Nazarbaev", `b.kb:1: "Nursultan Nazarbaev" already names person "nursultan-nazarbayev" (a.kb:8)`},
	{"role: Head | alias=President", `b.kb:1: "President" already names role "president" (a.kb:2)`},
	{"person: Путин", `b.kb:1: cannot derive an id from "Путин": add id=`},
	{"person: A\xffB", `b.kb:1: invalid UTF-8`},
}

func TestParseErrors(t *testing.T) {
	for _, tt := range badLines {
		_, err := parseWith(t, tt.line)
		if err == nil || err.Error() != tt.want {
			t.Errorf("Parse(%q) = %v, want %s", tt.line, err, tt.want)
		}
	}
}

// Forms of different types may coincide (a source and an organization, with
// IDs of their own), and short forms may be shared.
func TestParseAllowedOverlaps(t *testing.T) {
	_, err := parseWith(t, "org: Interfax | id=interfax-group | class=media\nperson: Serik Nazarbayev | short=Nazarbayev")
	if err != nil {
		t.Errorf("Parse: %v", err)
	}
}

func TestParseCollectsErrors(t *testing.T) {
	_, err := parseWith(t, "persn: A\n# comment\n\nperson: B | colour=red\n")
	want := "b.kb:1: unknown kind \"persn\" (want country, person, org, source or role)\n" +
		"b.kb:4: unknown key \"colour\" for person"
	if err == nil || err.Error() != want {
		t.Errorf("Parse = %v, want %s", err, want)
	}
}

func TestParseCapsErrors(t *testing.T) {
	// 60 bad lines: maxErrors (50) reported, then one summary for the other 10.
	_, err := parseWith(t, strings.Repeat("persn: A\n", 60))
	var errs []error
	if u, ok := err.(interface{ Unwrap() []error }); ok {
		errs = u.Unwrap()
	}
	if len(errs) != maxErrors+1 {
		t.Fatalf("Parse reported %d errors, want %d", len(errs), maxErrors+1)
	}
	if got, want := errs[maxErrors].Error(), "b.kb:51: too many errors: 10 more from here on"; got != want {
		t.Errorf("last error = %q, want %q", got, want)
	}
	var e *Error
	if !errors.As(errs[0], &e) || e.File != "b.kb" || e.Line != 1 {
		t.Errorf("first error = %#v, want *Error at b.kb:1", errs[0])
	}
}

func TestParseNoFiles(t *testing.T) {
	_, err := Parse(fstest.MapFS{"README.md": {Data: []byte("x")}})
	if !errors.Is(err, ErrNoFiles) {
		t.Errorf("Parse(no .kb) = %v, want ErrNoFiles", err)
	}
}

func TestParseResolves(t *testing.T) {
	k, err := parseWith(t, "person: Kassym-Jomart Tokayev | country=Qazaqstan | alias=Kasym-Zhomart Tokaev; Касым-Жомарт Токаев; 托卡耶夫 | office=president, Kazakhstan, 2019-03-20; foreign-minister, kazakhstan, 1994, 1999-10\n"+
		"person: Nikolai Bordyuzha | country=russia | bloc=other | short=Bordyuzha | office=president, CSTO, 2003-04")
	if err != nil {
		t.Fatal(err)
	}
	tok, ok := k.Entry("kassym-jomart-tokayev")
	if !ok {
		t.Fatal(`Entry("kassym-jomart-tokayev") not found`)
	}
	want := Entry{
		ID: "kassym-jomart-tokayev", Name: "Kassym-Jomart Tokayev", Type: Person,
		Bloc: Other, Country: "kazakhstan",
		Aliases: []string{"Kasym-Zhomart Tokaev", "Касым-Жомарт Токаев", "托卡耶夫"},
		// Last words of the name and of the Latin and Cyrillic aliases.
		Short: []string{"Tokayev", "Tokaev", "Токаев"},
		Offices: []Office{
			{Role: "president", Of: "kazakhstan", From: day("2019-03-20")},
			// A year-only From is its first day; a month-only To its last.
			{Role: "foreign-minister", Of: "kazakhstan", From: day("1994-01-01"), To: day("1999-10-31")},
		},
		File: "b.kb", Line: 1,
	}
	if !reflect.DeepEqual(*tok, want) {
		t.Errorf("Entry(kassym-jomart-tokayev) =\n%+v, want\n%+v", *tok, want)
	}
	blocs := []struct {
		id   string
		want Bloc
	}{
		{"russia", Russia},                     // bloc=russia
		{"kazakhstan", Other},                  // no bloc: other
		{"sergey-lavrov", Russia},              // inherits from country=Russia
		{"kazakhstan-defense-ministry", Other}, // inherits from Kazakhstan
		{"nikolai-bordyuzha", Other},           // bloc= overrides the country
		{"interfax", Other},                    // sources are always other
		{"csto", Russia},                       // an IGO with bloc=
	}
	for _, b := range blocs {
		if e, ok := k.Entry(b.id); !ok || e.Bloc != b.want {
			t.Errorf("Entry(%q).Bloc = %v (found %v), want %v", b.id, e.Bloc, ok, b.want)
		}
	}
	if e, _ := k.Entry("nursultan-nazarbayev"); !reflect.DeepEqual(e.Short, []string{"Nazarbayev", "Nazarbaev", "Назарбаев"}) {
		t.Errorf("Short of nursultan-nazarbayev = %q", e.Short)
	}
	if o := k.Holders("president", "csto", day("2010-01-01")); len(o) != 1 || o[0].ID != "nikolai-bordyuzha" {
		t.Errorf("Holders(president, csto) = %v, want nikolai-bordyuzha", ids(o))
	}
	if r, ok := k.Role("foreign-minister"); !ok || r.Name != "Foreign Minister" || !reflect.DeepEqual(r.Aliases, []string{"Minister of Foreign Affairs"}) {
		t.Errorf("Role(foreign-minister) = %+v, %v", r, ok)
	}
	for i := 1; i < len(k.Entries); i++ {
		if k.Entries[i-1].ID >= k.Entries[i].ID {
			t.Errorf("Entries not sorted: %q before %q", k.Entries[i-1].ID, k.Entries[i].ID)
		}
	}
}

// holderTests check Holders' date semantics on base.
var holderTests = []struct {
	role, of, on string
	want         []string
}{
	{"president", "kazakhstan", "1990-04-23", nil},                              // the day before From
	{"president", "kazakhstan", "1990-04-24", []string{"nursultan-nazarbayev"}}, // From is inclusive
	{"president", "kazakhstan", "2019-03-20", []string{"nursultan-nazarbayev"}}, // To is inclusive
	{"president", "kazakhstan", "2019-03-21", nil},                              // the day after To
	{"foreign-minister", "russia", "2030-01-01", []string{"sergey-lavrov"}},     // no To: still in office
	{"foreign-minister", "kazakhstan", "2010-01-01", nil},                       // nobody recorded
	{"king", "kazakhstan", "2010-01-01", nil},                                   // unknown role
}

func TestHolders(t *testing.T) {
	k, err := parseWith(t, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range holderTests {
		got := ids(k.Holders(tt.role, tt.of, day(tt.on)))
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Holders(%s, %s, %s) = %v, want %v", tt.role, tt.of, tt.on, got, tt.want)
		}
	}
	// The calendar day of on counts, whatever its clock and zone.
	late := time.Date(2019, 3, 20, 23, 30, 0, 0, time.FixedZone("ALMT", 6*3600))
	if got := ids(k.Holders("president", "kazakhstan", late)); !reflect.DeepEqual(got, []string{"nursultan-nazarbayev"}) {
		t.Errorf("Holders(president, kazakhstan, %v) = %v", late, got)
	}
}

func TestChecksum(t *testing.T) {
	k1, err1 := parseWith(t, "")
	k2, err2 := parseWith(t, "")
	k3, err3 := parseWith(t, "# changed\n")
	if err := errors.Join(err1, err2, err3); err != nil {
		t.Fatal(err)
	}
	if len(k1.Checksum) != 64 || k1.Checksum != k2.Checksum {
		t.Errorf("Checksum = %q and %q, want the same 64 hex digits", k1.Checksum, k2.Checksum)
	}
	if k1.Checksum == k3.Checksum {
		t.Errorf("Checksum did not change with the file bytes")
	}
}

func TestLoadDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.kb"), []byte(base), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadDir(dir); err != nil {
		t.Fatalf("LoadDir: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.kb"), []byte("\npersn: X\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := LoadDir(dir)
	want := filepath.Join(dir, "b.kb") + `:2: unknown kind "persn" (want country, person, org, source or role)`
	if err == nil || err.Error() != want {
		t.Errorf("LoadDir = %v, want %s", err, want)
	}
	missing := filepath.Join(dir, "missing")
	if _, err := LoadDir(missing); !errors.Is(err, ErrNoFiles) || !strings.Contains(err.Error(), missing) {
		t.Errorf("LoadDir(%s) = %v, want ErrNoFiles naming the directory", missing, err)
	}
}

var slugTests = []struct{ in, want string }{
	{"Nursultan Nazarbayev", "nursultan-nazarbayev"},
	{"Kassym-Jomart Tokayev", "kassym-jomart-tokayev"},
	{"Côte d'Ivoire", "cote-divoire"},
	{"Türkiye", "turkiye"},
	{"İsmail Cem", "ismail-cem"}, // dotted capital I lowercases with a combining dot
	{"Recep Tayyip Erdoğan", "recep-tayyip-erdogan"},
	{"U.S. Department of State", "u-s-department-of-state"},
	{"  G-7 ", "g-7"},
	{"Путин", ""},
}

func TestSlug(t *testing.T) {
	for _, tt := range slugTests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if tt.want != "" && !validID(tt.want) {
			t.Errorf("validID(%q) = false", tt.want)
		}
	}
}

func ids(es []*Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.ID)
	}
	return out
}

func Example() {
	k := Default()
	on := time.Date(2008, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, e := range k.Holders("president", "kazakhstan", on) {
		fmt.Println(e.Name, e.Bloc)
	}
	// Output: Nursultan Nazarbayev other
}
