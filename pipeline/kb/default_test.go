package kb

import (
	"io/fs"
	"reflect"
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
	seen := map[string]bool{}
	for _, e := range k.Entries {
		counts[e.Type]++
		if seen[e.ID] {
			t.Errorf("duplicate id %q", e.ID)
		}
		seen[e.ID] = true
		if e.Bloc != Russia && e.Bloc != West && e.Bloc != Other {
			t.Errorf("%s: Bloc = %q", e.ID, e.Bloc)
		}
		if e.Type == Source && e.Bloc != Other {
			t.Errorf("source %s: Bloc = %q, want other", e.ID, e.Bloc)
		}
		if e.Type == Organization && !isClass(e.Class) {
			t.Errorf("org %s: Class = %q", e.ID, e.Class)
		}
		if e.Type == Person && len(e.Short) == 0 {
			t.Errorf("person %s has no short form", e.ID)
		}
		if e.Country != "" {
			if c, ok := k.Entry(e.Country); !ok || c.Type != Country {
				t.Errorf("%s: country %q is not a country", e.ID, e.Country)
			}
		}
		for _, o := range e.Offices {
			if _, ok := k.Role(o.Role); !ok {
				t.Errorf("%s: office role %q unknown", e.ID, o.Role)
			}
			if of, ok := k.Entry(o.Of); !ok || (of.Type != Country && of.Type != Organization) {
				t.Errorf("%s: office of %q is not a country or organization", e.ID, o.Of)
			}
		}
	}
	// The brief asks for well over 1,000 entries and every UN member state
	// (193) plus the Soviet Union, Yugoslavia, Czechoslovakia and the West.
	if len(k.Entries) < 1500 || counts[Country] != 197 {
		t.Errorf("Default() has %d entries, %d countries; want >= 1500 and 197", len(k.Entries), counts[Country])
	}
	t.Logf("entries %d %v, roles %d, checksum %s", len(k.Entries), counts, len(k.Roles), k.Checksum[:12])
}

// facts are known office holders; each line's source is in its comment.
var facts = []struct {
	role, of, on string
	want         []string
}{
	{"president", "kazakhstan", "2008-06-01", []string{"nursultan-nazarbayev"}},                        // akorda.kz: president 1990-2019
	{"president", "kazakhstan", "2020-01-01", []string{"kassym-jomart-tokayev"}},                       // akorda.kz: inaugurated 2019-03-20
	{"foreign-minister", "russia", "2010-01-01", []string{"sergey-lavrov"}},                            // mid.ru: minister since 2004-03-09
	{"secretary-general", "nato", "2008-09-01", []string{"jaap-de-hoop-scheffer"}},                     // nato.int: 2004-01-01 to 2009-08-01
	{"president", "uzbekistan", "2017-01-01", []string{"shavkat-mirziyoyev"}},                          // president.uz: elected 2016-12-04
	{"president", "russia", "2008-09-01", []string{"dmitry-medvedev"}},                                 // kremlin.ru: 2008-05-07 to 2012-05-07
	{"prime-minister", "russia", "2008-09-01", []string{"vladimir-putin"}},                             // government.ru: 2008-05-08 to 2012-05-07
	{"president", "russia", "2008-05-07", []string{"dmitry-medvedev", "vladimir-putin"}},               // handover day: both ends inclusive
	{"defense-minister", "russia", "2008-09-01", []string{"anatoly-serdyukov"}},                        // mil.ru: 2007-02-15 to 2012-11-06
	{"prime-minister", "kazakhstan", "2008-09-01", []string{"karim-massimov"}},                         // gov.kz: 2007-01-10 to 2012-09-24
	{"defense-minister", "kazakhstan", "2008-09-01", []string{"daniyal-akhmetov"}},                     // mod.gov.kz: 2007-01-10 to 2009-06-24
	{"foreign-minister", "kazakhstan", "2008-09-01", []string{"marat-tazhin"}},                         // mfa.kz: 2007-01-10 to 2009-09-04
	{"foreign-minister", "united-states", "2008-09-01", []string{"condoleezza-rice"}},                  // state.gov: 2005-01-26 to 2009-01-20
	{"president", "kyrgyzstan", "2008-09-01", []string{"kurmanbek-bakiyev"}},                           // president.kg: 2005 to 2010-04-15
	{"president", "tajikistan", "2008-09-01", []string{"emomali-rahmon"}},                              // president.tj: since 1994-11-16
	{"president", "turkmenistan", "2008-09-01", []string{"gurbanguly-berdimuhamedov"}},                 // 2007-02-14 inauguration, acting from 2006-12-21
	{"secretary-general", "csto", "2008-09-01", []string{"nikolai-bordyuzha"}},                         // odkb-csto.org: 2003-2016
	{"secretary-general", "sco", "2008-09-01", []string{"bolat-nurgaliyev"}},                           // sectsco.org: 2007-2009
	{"executive-secretary", "cis", "2008-09-01", []string{"sergei-lebedev"}},                           // e-cis.info: since 2007-10-05
	{"secretary-general", "united-nations", "2008-09-01", []string{"ban-ki-moon"}},                     // un.org: 2007-2016
	{"secretary-general", "osce", "2008-09-01", []string{"marc-perrin-de-brichambaut"}},                // osce.org: 2005-2011
	{"high-representative", "european-union", "2008-09-01", []string{"javier-solana"}},                 // consilium.europa.eu: 1999-2009
	{"president", "european-commission", "2008-09-01", []string{"jose-manuel-barroso"}},                // ec.europa.eu: 2004-11-22 to 2014-10-31
	{"chancellor", "germany", "2008-09-01", []string{"angela-merkel"}},                                 // bundeskanzler.de: 2005-2021
	{"president", "kazakhstan", "1989-01-01", nil},                                                     // the presidency was created in 1990
	{"defense-minister", "kazakhstan", "1996-12-15", []string{"alibek-kasymov", "mukhtar-altynbayev"}}, // both given to the month
}

func TestDefaultFacts(t *testing.T) {
	k := Default()
	for _, f := range facts {
		got := ids(k.Holders(f.role, f.of, day(f.on)))
		if !reflect.DeepEqual(got, f.want) {
			t.Errorf("Holders(%s, %s, %s) = %v, want %v", f.role, f.of, f.on, got, f.want)
		}
	}
}

// entryFacts spot-check resolved fields of the embedded data.
var entryFacts = []struct {
	id      string
	typ     Type
	bloc    Bloc
	country string
}{
	{"russia", Country, Russia, ""},
	{"united-states", Country, West, ""},
	{"turkey", Country, West, ""}, // a NATO member
	{"belarus", Country, Other, ""},
	{"the-west", Country, West, ""},
	{"nato", Organization, West, ""},
	{"csto", Organization, Russia, ""},
	{"sco", Organization, Other, ""},
	{"russia-defense-ministry", Organization, Russia, "russia"},
	{"kazmunaygas", Organization, Other, "kazakhstan"},
	{"nikolai-bordyuzha", Person, Russia, "russia"},
	{"ban-ki-moon", Person, Other, "south-korea"}, // bloc=other overrides South Korea's west
	{"interfax", Source, Other, "russia"},
}

func TestDefaultEntries(t *testing.T) {
	k := Default()
	for _, f := range entryFacts {
		e, ok := k.Entry(f.id)
		if !ok {
			t.Errorf("Entry(%q) not found", f.id)
			continue
		}
		if e.Type != f.typ || e.Bloc != f.bloc || e.Country != f.country {
			t.Errorf("Entry(%q) = %s %s %q, want %s %s %q", f.id, e.Type, e.Bloc, e.Country, f.typ, f.bloc, f.country)
		}
	}
}

func BenchmarkParse(b *testing.B) {
	sub, err := fs.Sub(data, "data")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Parse(sub); err != nil {
			b.Fatal(err)
		}
	}
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}
