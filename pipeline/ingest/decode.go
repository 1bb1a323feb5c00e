package ingest

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// maxControlShare is the share of control bytes (other than tab, line feed,
// carriage return, form feed and vertical tab) above which a file is taken
// as binary. Text files carry none or a stray one (a DOS end-of-file mark);
// 5% is far above that and far below any binary format.
const maxControlShare = 0.05

// decode returns data as UTF-8 text with line endings normalised to "\n",
// horizontal white space collapsed to single spaces and each line trimmed.
func decode(name string, data []byte) (string, error) {
	if len(data) == 0 {
		return "", fmt.Errorf("%s: %w", name, ErrEmpty)
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		data = utf16ToUTF8(data[2:], binary.LittleEndian)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		data = utf16ToUTF8(data[2:], binary.BigEndian)
	default:
		if order, ok := sniffUTF16(data); ok {
			data = utf16ToUTF8(data, order)
		}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return "", fmt.Errorf("%s: %w", name, ErrEmpty)
	}
	// clean counts the control bytes as it goes: one pass over the bytes,
	// and the text of a file found binary is thrown away.
	text, c := clean(data)
	if c.nul || float64(c.other) > maxControlShare*float64(len(data)) {
		return "", fmt.Errorf("%s: %w", name, ErrBinary)
	}
	if !utf8.Valid(data) {
		return "", fmt.Errorf("%s: byte %d: %w", name, invalidOffset(data), ErrInvalidUTF8)
	}
	return text, nil
}

// controls counts the control bytes of a text: whether one is NUL, and how
// many are neither NUL nor tab, line feed, carriage return, form feed or
// vertical tab.
type controls struct {
	nul   bool
	other int
}

// add counts c if it is a control byte.
func (cs *controls) add(c byte) {
	switch {
	case c == 0:
		cs.nul = true
	case c == 0x7F || c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v':
		cs.other++
	}
}

// invalidOffset returns the offset of the first byte of data that does not
// start a valid UTF-8 encoding, or len(data).
func invalidOffset(data []byte) int {
	off := 0
	for off < len(data) {
		r, size := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && size == 1 {
			break
		}
		off += size
	}
	return off
}

// sniffUTF16 recognises UTF-16 without a byte order mark: in mostly-ASCII
// text every other byte is zero. It looks at the first 512 bytes and asks
// for zeros in at least 40% of the pairs, all on the same side.
func sniffUTF16(data []byte) (binary.ByteOrder, bool) {
	n := min(len(data), 512) &^ 1
	if n < 4 {
		return nil, false
	}
	even, odd := 0, 0
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	switch {
	case odd*10 >= pairs*4 && even == 0:
		return binary.LittleEndian, true
	case even*10 >= pairs*4 && odd == 0:
		return binary.BigEndian, true
	}
	return nil, false
}

// utf16ToUTF8 decodes UTF-16 code units; a trailing odd byte is ignored and
// unpaired surrogates become U+FFFD.
func utf16ToUTF8(data []byte, order binary.ByteOrder) []byte {
	units := make([]uint16, len(data)/2)
	for i := range units {
		units[i] = order.Uint16(data[2*i:])
	}
	return []byte(string(utf16.Decode(units)))
}

// clean normalises line endings and white space: "\r\n", "\r", form feed,
// vertical tab and U+2028 become "\n", U+2029 a blank line; tabs and other
// horizontal spaces (no-break, thin, ideographic) become one ASCII space per
// run; zero-width characters, soft hyphens and remaining control characters
// are removed; every line is trimmed. Trimming needs no pass of its own:
// every white space rune is one of those turned into "\n" or a space, a
// pending space is written only before other text on the same line, and so
// no line starts or ends with one.
//
// It also returns the control bytes of text, as decode needs them.
func clean(text []byte) (string, controls) {
	var cs controls
	var b strings.Builder
	b.Grow(len(text))
	// space: a run of horizontal space waits to be written; lineStart:
	// nothing has been written on the current line, so it is not.
	space, lineStart := false, true
	for i := 0; i < len(text); {
		// Printable ASCII other than the space passes unchanged, a run
		// at a time, and so do single spaces between such bytes.
		if printable(text[i]) {
			j := asciiRun(text, i)
			if space && !lineStart {
				b.WriteByte(' ')
			}
			space, lineStart = false, false
			b.Write(text[i:j])
			i = j
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		if r < utf8.RuneSelf {
			cs.add(byte(r)) // every control byte comes this way, not in a run
		}
		i += size
		switch {
		case r == '\r':
			if i < len(text) && text[i] == '\n' {
				i++
			}
			r = '\n'
		case r == '\f' || r == '\v' || r == '\u2028' || r == '\u0085':
			r = '\n'
		case r == '\u2029':
			b.WriteString("\n")
			r = '\n'
		}
		switch {
		case r == '\n':
			b.WriteByte('\n')
			space, lineStart = false, true
			continue
		case r == '\t' || r == ' ' || r == '\u00A0' || (r >= '\u2000' && r <= '\u200A') ||
			r == '\u202F' || r == '\u205F' || r == '\u3000' || r == '\u1680':
			space = true
			continue
		case r == '\u200B' || r == '\u2060' || r == '\uFEFF' || r == '\u00AD' || r < 0x20 ||
			(r >= 0x7F && r < 0xA0):
			continue
		}
		if space && !lineStart {
			b.WriteByte(' ')
		}
		space, lineStart = false, false
		b.WriteRune(r)
	}
	return b.String(), cs
}

// printable reports whether c is printable ASCII other than the space.
func printable(c byte) bool { return runClass[c] == runText }

// asciiRun returns the end of the run of text that clean copies unchanged
// from i, where a printable byte stands: printable bytes, and single spaces
// each followed by a printable byte. Such a space is what clean writes for
// it anyway: text has been written on the line, and it stands alone. See
// appendKeyRun, which reads runs the same way.
func asciiRun(text []byte, i int) int {
	prev := runText
	for i++; i < len(text); i++ {
		class := runClass[text[i]]
		if prev+class >= runOther {
			break
		}
		prev = class
	}
	if prev == runSpace {
		i--
	}
	return i
}
