package kb

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// ErrNoFiles is returned when a directory holds no *.kb file.
var ErrNoFiles = errors.New("kb: no .kb files")

// maxErrors caps the problems one Parse reports; the last one counts the rest.
const maxErrors = 50

// Error is a problem at one line of a knowledge-base file.
type Error struct {
	File string // as given to the caller: the name in the fs.FS, or the real path for LoadDir
	Line int    // 1-based
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// parenAcronym matches an alias that ends in its acronym in parentheses
// ("Eurasian Development Bank (EDB)"): as one form it would hide the
// acronym the text defines.
var parenAcronym = regexp.MustCompile(`\(([A-Z][A-Za-z]*)\)$`)

// The record kinds and the keys each accepts.
var kindKeys = map[string]map[string]bool{
	"country": {"id": true, "alias": true, "bloc": true, "adj": true, "seat": true},
	"person":  {"id": true, "alias": true, "country": true, "bloc": true, "short": true, "office": true},
	"org":     {"id": true, "alias": true, "acronym": true, "country": true, "bloc": true, "class": true, "seat": true},
	"source":  {"id": true, "alias": true, "acronym": true, "country": true},
	"role":    {"id": true, "alias": true},
}

// singleKeys take exactly one value and may appear once per record.
var singleKeys = map[string]bool{"id": true, "bloc": true, "country": true, "class": true}

// Classes lists the values of an organization's class= field.
var Classes = []string{"igo", "ministry", "military", "company", "bank", "media", "party", "thinktank", "agency", "other"}

// record is one line of a file before names are resolved.
type record struct {
	kind    string
	name    string
	fields  map[string][]string // key -> items in file order
	offices []rawOffice
	file    string
	line    int
}

// rawOffice is an office= item with its dates parsed and its names not yet
// resolved.
type rawOffice struct {
	text     string // the item as written, for messages
	role, of string
	from, to time.Time
}

// Parse reads every *.kb file at the root of fsys, in name order, and
// resolves the references between records. Problems are reported together
// (errors.Join of *Error values, at most 50) with the file name as fsys
// knows it. Checksum is the hex SHA-256 of, for each file in name order, its
// name, a NUL byte, its length in decimal, a NUL byte and its bytes.
func Parse(fsys fs.FS) (*KB, error) {
	return parse(fsys, func(name string) string { return name })
}

// LoadDir parses the *.kb files of directory dir; messages name files by
// their path (dir joined with the file name).
func LoadDir(dir string) (*KB, error) {
	k, err := parse(os.DirFS(dir), func(name string) string { return filepath.Join(dir, name) })
	if errors.Is(err, ErrNoFiles) {
		return nil, fmt.Errorf("load %s: %w", dir, err)
	}
	return k, err
}

func parse(fsys fs.FS, display func(string) string) (*KB, error) {
	names, err := fs.Glob(fsys, "*.kb")
	if err != nil {
		return nil, fmt.Errorf("list files: %w", err)
	}
	if len(names) == 0 {
		return nil, ErrNoFiles
	}
	sort.Strings(names)
	var errs errorList
	var recs []record
	h := sha256.New()
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", display(name), err)
		}
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(data))
		h.Write(data)
		recs = append(recs, parseFile(display(name), data, &errs)...)
	}
	k := resolve(recs, &errs)
	if err := errs.err(); err != nil {
		return nil, err
	}
	k.Checksum = hex.EncodeToString(h.Sum(nil))
	return k, nil
}

// errorList collects line errors up to maxErrors and counts the rest.
type errorList struct {
	errs    []error
	dropped int
	first   *Error // first dropped error, to locate the summary
}

func (l *errorList) add(file string, line int, format string, args ...any) {
	e := &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
	if len(l.errs) < maxErrors {
		l.errs = append(l.errs, e)
		return
	}
	if l.dropped == 0 {
		l.first = e
	}
	l.dropped++
}

func (l *errorList) err() error {
	errs := l.errs
	if l.dropped > 0 {
		errs = append(errs, &Error{File: l.first.File, Line: l.first.Line,
			Msg: fmt.Sprintf("too many errors: %d more from here on", l.dropped)})
	}
	return errors.Join(errs...)
}

// parseFile splits one file into records, checking everything a line says
// about itself: its kind, name, keys, bloc and class values and dates.
func parseFile(file string, data []byte, errs *errorList) []record {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	var recs []record
	for i, raw := range bytes.Split(data, []byte("\n")) {
		n := i + 1
		if !utf8.Valid(raw) {
			errs.add(file, n, "invalid UTF-8")
			continue
		}
		line := strings.TrimSpace(string(raw))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if r, ok := parseLine(file, n, line, errs); ok {
			recs = append(recs, r)
		}
	}
	return recs
}

func parseLine(file string, n int, line string, errs *errorList) (record, bool) {
	kind, rest, ok := strings.Cut(line, ":")
	kind = strings.TrimSpace(kind)
	if !ok {
		errs.add(file, n, "missing kind: want \"kind: Name | key=value\"")
		return record{}, false
	}
	keys, ok := kindKeys[kind]
	if !ok {
		errs.add(file, n, "unknown kind %q (want country, person, org, source or role)", kind)
		return record{}, false
	}
	parts := strings.Split(rest, "|")
	r := record{kind: kind, name: strings.TrimSpace(parts[0]), fields: map[string][]string{}, file: file, line: n}
	if r.name == "" || strings.Contains(r.name, "=") {
		errs.add(file, n, "missing name")
		return record{}, false
	}
	// A bad field is reported and skipped; the record is kept so that
	// references to it do not raise errors of their own.
	bad := func(format string, args ...any) { errs.add(file, n, format, args...) }
	for _, part := range parts[1:] {
		part = strings.TrimSpace(part)
		key, val, ok := strings.Cut(part, "=")
		key = strings.TrimSpace(key)
		switch {
		case part == "":
			bad("empty field")
			continue
		case !ok:
			bad("field %q: missing \"=\"", part)
			continue
		case !keys[key]:
			bad("unknown key %q for %s", key, kind)
			continue
		}
		var items []string
		for _, it := range strings.Split(val, ";") {
			if it = strings.TrimSpace(it); it != "" {
				items = append(items, it)
			}
		}
		if key == "alias" {
			for _, it := range items {
				if m := parenAcronym.FindStringSubmatch(it); m != nil {
					bad("alias %q carries its acronym: write acronym=%s and the name without it", it, m[1])
				}
			}
		}
		if len(items) == 0 {
			bad("empty value for %q", key)
			continue
		}
		if singleKeys[key] && (len(items) > 1 || len(r.fields[key]) > 0) {
			bad("%q takes one value", key)
			continue
		}
		switch key {
		case "id":
			if !validID(items[0]) {
				bad("bad id %q (want lowercase ASCII letters and digits joined by single hyphens)", items[0])
				continue
			}
		case "bloc":
			if b := Bloc(items[0]); b != Russia && b != West && b != Other {
				bad("bad bloc %q (want russia, west or other)", items[0])
				continue
			}
		case "class":
			if !isClass(items[0]) {
				bad("bad class %q (want one of %s)", items[0], strings.Join(Classes, ", "))
				continue
			}
		case "office":
			for _, it := range items {
				o, msg := parseOffice(it)
				if msg != "" {
					bad("office %q: %s", it, msg)
					continue
				}
				r.offices = append(r.offices, o)
			}
			continue
		}
		r.fields[key] = append(r.fields[key], items...)
	}
	return r, true
}

func isClass(s string) bool {
	for _, c := range Classes {
		if s == c {
			return true
		}
	}
	return false
}

// parseOffice parses "role, of, from[, to]"; it returns a message on error.
func parseOffice(s string) (rawOffice, string) {
	f := strings.Split(s, ",")
	if len(f) != 3 && len(f) != 4 {
		return rawOffice{}, `want "role, of, from, to" (to empty: still in office)`
	}
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	o := rawOffice{text: s, role: f[0], of: f[1]}
	if o.role == "" || o.of == "" || f[2] == "" {
		return rawOffice{}, `want "role, of, from, to" (to empty: still in office)`
	}
	var ok bool
	if o.from, ok = parseDate(f[2], false); !ok {
		return rawOffice{}, fmt.Sprintf("bad date %q", f[2])
	}
	if len(f) == 4 && f[3] != "" {
		if o.to, ok = parseDate(f[3], true); !ok {
			return rawOffice{}, fmt.Sprintf("bad date %q", f[3])
		}
		if o.to.Before(o.from) {
			return rawOffice{}, "ends before it starts"
		}
	}
	return o, ""
}

// parseDate parses YYYY, YYYY-MM or YYYY-MM-DD between 1800 and 2100 as a
// UTC midnight: the first day of the year or month, or with end the last.
func parseDate(s string, end bool) (time.Time, bool) {
	layout := map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}[len(s)]
	if layout == "" {
		return time.Time{}, false
	}
	t, err := time.Parse(layout, s)
	if err != nil || t.Year() < 1800 || t.Year() > 2100 {
		return time.Time{}, false
	}
	if end {
		switch len(s) {
		case 4:
			t = t.AddDate(1, 0, -1)
		case 7:
			t = t.AddDate(0, 1, -1)
		}
	}
	return t, true
}
