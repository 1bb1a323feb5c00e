package ingest

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// fieldKeys maps a header key, lower-cased, to the Document field it fills.
// The task names the first nine; the rest are common spellings of the same
// fields in scraped files.
var fieldKeys = map[string]string{
	"title":            "Title",
	"publication":      "Publication",
	"volume":           "Volume",
	"issue":            "Issue",
	"date":             "Date",
	"author":           "Author",
	"source":           "Source",
	"url":              "URL",
	"license":          "License",
	"headline":         "Title",
	"authors":          "Author",
	"byline":           "Author",
	"published":        "Date",
	"publication date": "Date",
	"link":             "URL",
	"licence":          "License",
}

// keyRe finds every known key that opens a field inside a header line, so
// that "Publication: Eurasia Daily Monitor Volume: 5 Issue: 40" yields three
// fields. Longer keys come first: Go's regexp prefers the leftmost
// alternative.
var keyRe = regexp.MustCompile(`(?i)(?:^|\s)(publication date|publication|headline|published|licence|license|authors|author|byline|volume|source|title|issue|date|link|url)\s*:`)

// headerKeys are the keys of keyRe.
var headerKeys = map[string]bool{
	"publication date": true, "publication": true, "headline": true, "published": true,
	"licence": true, "license": true, "authors": true, "author": true, "byline": true,
	"volume": true, "source": true, "title": true, "issue": true, "date": true, "link": true, "url": true,
}

// maxHeaderKey is the length of the longest of headerKeys.
const maxHeaderKey = len("publication date")

// isHeaderKey reports whether strings.ToLower(k) is one of headerKeys. A
// key of ASCII is lower-cased on the stack, without an allocation.
func isHeaderKey(k string) bool {
	var buf [maxHeaderKey]byte
	for i := 0; i < len(k); i++ {
		c := k[i]
		if c >= utf8.RuneSelf {
			return headerKeys[strings.ToLower(k)]
		}
		if i == len(buf) {
			return false
		}
		buf[i] = asciiLower[c]
	}
	return headerKeys[string(buf[:len(k)])]
}

// isASCIIKey reports whether k is one of headerKeys in ASCII letters of any
// case and, for "publication date", a single space.
func isASCIIKey(k string) bool {
	for i := 0; i < len(k); i++ {
		if c := k[i]; !asciiLetter(c) && c != ' ' {
			return false
		}
	}
	return k != "" && k[0] != ' ' && k[len(k)-1] != ' ' && isHeaderKey(k)
}

// otherKeyRe is a header line with a key outside fieldKeys ("Tags: ...");
// it is taken only inside a header block that already has a known key.
var otherKeyRe = regexp.MustCompile(`^([A-Z][A-Za-z]*(?:[ _-][A-Za-z]+){0,2})\s*:\s*(\S.*)$`)

// frontKeyRe is a field of a "---" front-matter block, where any key goes.
var frontKeyRe = regexp.MustCompile(`^([A-Za-z][\w-]*(?: [\w-]+){0,2})\s*:\s*(.*)$`)

// maxOtherHeader is the longest line, in bytes, taken as a header with an
// unknown key; a longer line is a body paragraph that happens to start
// with "Word:".
const maxOtherHeader = 200

type field struct{ key, value string }

// headerFields splits a header line into its fields, or returns nil if the
// line does not start with a known key.
func headerFields(line string) []field {
	// The first key opens the line, so its colon is the line's first:
	// most lines (every body paragraph) fail here, before the regexp.
	colon := strings.IndexByte(line, ':')
	if colon < 0 || !isHeaderKey(strings.TrimSpace(line[:colon])) {
		return nil
	}
	// A line that opens with a key of ASCII letters right before the
	// colon and has no other colon holds that one field: every match of
	// keyRe ends at a colon, and the first is the key.
	if key := line[:colon]; strings.IndexByte(line[colon+1:], ':') < 0 && isASCIIKey(key) {
		return []field{{key: key, value: strings.TrimSpace(line[colon+1:])}}
	}
	locs := keyRe.FindAllStringSubmatchIndex(line, -1)
	if len(locs) == 0 || strings.TrimSpace(line[:locs[0][0]]) != "" {
		return nil
	}
	var fs []field
	for i, loc := range locs {
		end := len(line)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		fs = append(fs, field{key: line[loc[2]:loc[3]], value: strings.TrimSpace(line[loc[1]:end])})
	}
	return fs
}

// parseHeader reads the header block at the top of lines: lines of
// "Key: value" fields, possibly several on a line, possibly separated by
// blank lines, or a "---" front-matter block. It fills doc and returns the
// index of the first line after the header.
func parseHeader(st *state, lines []string) int {
	doc := st.doc
	i := 0
	for i < len(lines) && lines[i] == "" {
		i++
	}
	if i < len(lines) && lines[i] == "---" {
		for j := i + 1; j < len(lines) && j <= i+50; j++ {
			if lines[j] == "---" {
				for _, l := range lines[i : j+1] {
					if fs := headerFields(l); fs != nil {
						setFields(st, fs)
					} else if m := frontKeyRe.FindStringSubmatch(l); m != nil {
						setFields(st, []field{{m[1], m[2]}})
					}
					if l != "" {
						doc.Dropped = append(doc.Dropped, Drop{Text: l, Reason: ReasonHeader})
					}
				}
				return j + 1
			}
		}
	}
	end, known := i, false
	for j := i; j < len(lines); j++ {
		l := lines[j]
		if l == "" {
			continue
		}
		fs := headerFields(l)
		if fs == nil && known && len(l) <= maxOtherHeader {
			if m := otherKeyRe.FindStringSubmatch(l); m != nil {
				fs = []field{{m[1], m[2]}}
			}
		}
		if fs == nil {
			break
		}
		known = true
		setFields(st, fs)
		doc.Dropped = append(doc.Dropped, Drop{Text: l, Reason: ReasonHeader})
		end = j + 1
	}
	return end
}

// setFields records fields in Meta (the first value of a key wins) and in
// the Document fields they name.
func setFields(st *state, fs []field) {
	doc := st.doc
	for _, f := range fs {
		if _, dup := doc.Meta[f.key]; dup {
			continue
		}
		doc.Meta[f.key] = f.value
		var p *string
		switch fieldKeys[strings.ToLower(f.key)] {
		case "Title":
			p = &doc.Title
		case "Publication":
			p = &doc.Publication
		case "Volume":
			p = &doc.Volume
		case "Issue":
			p = &doc.Issue
		case "Date":
			p = &st.headerDate
		case "Author":
			p = &doc.Author
		case "Source":
			p = &doc.Source
		case "URL":
			p = &doc.URL
		case "License":
			p = &doc.License
		}
		if p != nil && *p == "" {
			*p = f.value
		}
	}
}
