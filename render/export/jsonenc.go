package export

import (
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"

	"alignnet/analysis"
	"alignnet/analysis/alignment"
)

// appendArticle appends the articles.json record of a on one line: the
// bytes encoding/json writes for article(a) with HTML escaping off
// (TestAppendArticle holds the two together), at a fraction of the cost.
// Reflection made encoding the records a twentieth of a whole run.
func appendArticle(b []byte, a *analysis.Article) ([]byte, error) {
	var e jsonEnc
	e.b = b
	e.raw(`{"id":`)
	e.str(a.Doc.ID)
	e.raw(`,"file":`)
	e.str(a.File)
	e.raw(`,"title":`)
	e.str(a.Doc.Title)
	e.raw(`,"publication":`)
	e.str(a.Doc.Publication)
	if a.Doc.Author != "" {
		e.raw(`,"author":`)
		e.str(a.Doc.Author)
	}
	e.raw(`,"date":`)
	if a.Doc.Date == "" {
		e.raw("null")
	} else {
		e.str(a.Doc.Date)
	}
	e.raw(`,"date_inferred":`)
	e.bool(a.Doc.DateInferred)
	e.raw(`,"subject":`)
	e.str(a.Subject)
	e.raw(`,"sources":`)
	e.strs(a.Sources)
	e.raw(`,"entities":[`)
	for i, en := range a.Entities {
		e.comma(i)
		e.raw(`{"id":`)
		e.str(en.ID)
		e.raw(`,"name":`)
		e.str(en.Name)
		e.raw(`,"type":`)
		e.str(string(en.Type))
		e.raw(`,"bloc":`)
		e.str(string(en.Bloc))
		e.raw(`,"known":`)
		e.bool(en.Known)
		e.raw(`,"forms":[`)
		for j, f := range en.Forms {
			e.comma(j)
			e.str(f.Text)
		}
		e.raw(`],"mentions":`)
		e.int(en.Mentions)
		e.raw("}")
	}
	e.raw(`],"sentences":[`)
	for i, s := range a.Sentences {
		st := a.Stances[i]
		e.comma(i)
		e.raw(`{"text":`)
		e.str(s.Text)
		e.raw(",")
		e.reading(st.Stance, st.Score, st.Pull, st.Cues)
		e.raw(`,"entities":`)
		e.strs(s.Actors)
		e.raw("}")
	}
	al := a.Alignment
	e.raw(`],"alignment":{"score":`)
	e.floatOrNull(al.Score)
	e.raw(`,"step":`)
	e.floatOrNull(al.Step)
	e.raw(`,"russia":`)
	e.float(round(al.Russia))
	e.raw(`,"west":`)
	e.float(round(al.West))
	e.raw(`,"evidence":`)
	e.int(al.Evidence)
	e.raw(`,"interval":`)
	if al.Interval == nil {
		e.raw("null")
	} else {
		e.raw(`{"low":`)
		e.float(round(al.Interval.Low))
		e.raw(`,"high":`)
		e.float(round(al.Interval.High))
		e.raw("}")
	}
	e.raw(`,"resamples":`)
	e.int(al.Resamples)
	e.raw(`,"drivers":[`)
	for k, d := range al.Drivers {
		e.comma(k)
		e.raw(`{"sentence":`)
		e.int(d.Index)
		e.raw(",")
		e.reading(d.Stance, d.Score, d.Pull, d.Cues)
		e.raw(`,"text":`)
		e.str(a.DriverTexts[k])
		e.raw("}")
	}
	e.raw(`],"title":`)
	if t := al.Title; t == nil {
		e.raw("null")
	} else {
		e.raw("{")
		e.reading(t.Stance, t.Score, al.TitlePull, t.Cues) // the pull weighted, as the drivers'
		e.raw("}")
	}
	e.raw("}}")
	return e.b, e.err
}

// jsonEnc appends JSON values to b. The first value encoding/json would
// refuse (a NaN or an infinity) is kept in err.
type jsonEnc struct {
	b   []byte
	err error
}

// floatOrNull appends the rounded *v, or null when v is nil.
func (e *jsonEnc) floatOrNull(v *float64) {
	if v == nil {
		e.raw("null")
		return
	}
	e.float(round(*v))
}

func (e *jsonEnc) raw(s string) { e.b = append(e.b, s...) }

func (e *jsonEnc) comma(i int) {
	if i > 0 {
		e.b = append(e.b, ',')
	}
}

func (e *jsonEnc) bool(v bool) { e.b = strconv.AppendBool(e.b, v) }

func (e *jsonEnc) int(v int) { e.b = strconv.AppendInt(e.b, int64(v), 10) }

// strs writes a list of strings; nil is [] as in article.
func (e *jsonEnc) strs(ss []string) {
	e.b = append(e.b, '[')
	for i, s := range ss {
		e.comma(i)
		e.str(s)
	}
	e.b = append(e.b, ']')
}

// float writes f as encoding/json does: the shortest decimal that reads
// back as f, in exponent form below 1e-6 and from 1e21 on.
func (e *jsonEnc) float(f float64) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		if e.err == nil {
			e.err = fmt.Errorf("json: unsupported value: %s", strconv.FormatFloat(f, 'g', -1, 64))
		}
		e.b = append(e.b, "null"...)
		return
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	e.b = strconv.AppendFloat(e.b, f, format, -1, 64)
	if format == 'e' {
		// e-07 → e-7, as encoding/json writes it.
		if n := len(e.b); n >= 4 && e.b[n-4] == 'e' && e.b[n-3] == '-' && e.b[n-2] == '0' {
			e.b[n-2] = e.b[n-1]
			e.b = e.b[:n-1]
		}
	}
}

// str writes s quoted as encoding/json does with HTML escaping off:
// quotes, backslashes and control characters escaped, invalid UTF-8 as
// U+FFFD, and U+2028 and U+2029 escaped.
func (e *jsonEnc) str(s string) {
	const hex = "0123456789abcdef"
	b := append(e.b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	e.b = append(b, '"')
}

// reading writes `"stance":…,"score":…,"pull":{"russia":R,"west":W},"cues":[…]`,
// what the scorer says of a sentence or a title; the pull is toward the
// first and the second pole, named as the article's components are.
func (e *jsonEnc) reading(stance alignment.Stance, score float64, pull [2]float64, cues []string) {
	e.raw(`"stance":`)
	e.str(string(stance))
	e.raw(`,"score":`)
	e.float(round(score))
	e.raw(`,"pull":{"russia":`)
	e.float(round(pull[0]))
	e.raw(`,"west":`)
	e.float(round(pull[1]))
	e.raw(`},"cues":`)
	e.strs(cues)
}
