package style

import (
	"bytes"
	"image/color"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/image/font/sfnt"
	plotfont "gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

var blocColorTests = []struct {
	bloc string
	want color.RGBA
}{
	// Okabe-Ito hex values as given in the brief: vermillion, blue,
	// bluish green; other and anything unknown: grey #8C8C8C.
	{"russia", color.RGBA{0xD5, 0x5E, 0x00, 0xFF}},
	{"west", color.RGBA{0x00, 0x72, 0xB2, 0xFF}},
	{"subject", color.RGBA{0x00, 0x9E, 0x73, 0xFF}},
	{"other", color.RGBA{0x8C, 0x8C, 0x8C, 0xFF}},
	{"", color.RGBA{0x8C, 0x8C, 0x8C, 0xFF}},
	{"china", color.RGBA{0x8C, 0x8C, 0x8C, 0xFF}},
}

func TestBlocColor(t *testing.T) {
	for _, tt := range blocColorTests {
		if got := BlocColor(tt.bloc); got != tt.want {
			t.Errorf("BlocColor(%q) = %v, want %v", tt.bloc, got, tt.want)
		}
	}
}

func TestCommunityColors(t *testing.T) {
	if len(communityColors) != Communities {
		t.Fatalf("%d community colours, want Communities = %d", len(communityColors), Communities)
	}
	blocs := map[color.RGBA]bool{}
	for _, b := range Blocs {
		blocs[BlocColor(b)] = true
	}
	seen := map[color.RGBA]bool{}
	for i := range Communities {
		c := CommunityColor(i)
		if blocs[c] {
			t.Errorf("CommunityColor(%d) = %v, a bloc colour", i, c)
		}
		if seen[c] {
			t.Errorf("CommunityColor(%d) = %v, used twice", i, c)
		}
		seen[c] = true
	}
	if got, want := CommunityColor(Communities), CommunityColor(-1); got != want || seen[got] {
		t.Errorf("CommunityColor(%d) = %v, want the shared overflow grey", Communities, got)
	}
}

var truncateTests = []struct {
	in       string
	maxRunes int
	width    vg.Length
	want     string
}{
	{"Customs Union enters into force", 48, 0, "Customs Union enters into force"},
	{"  extra   spaces\tcollapse ", 48, 0, "extra spaces collapse"},
	// 53 runes, cut back to the space before "framework" (rune 44 of 48).
	{"Kazakhstan and Russia sign air defence agreement framework", 48, 0,
		"Kazakhstan and Russia sign air defence…"},
	// No space in the second half: cut inside the word; the limit
	// counts the runes before the ellipsis.
	{"Organization for Security and Co-operation", 10, 0, "Organizati…"},
	// A space in the second half: cut there.
	{"Shanghai Cooperation Organisation", 32, 0, "Shanghai Cooperation…"},
	// Trailing punctuation goes before the ellipsis.
	{"Astana, Moscow, Washington", 7, 0, "Astana…"},
	{"Россия и Казахстан подписали соглашение", 20, 0, "Россия и Казахстан…"},
	// 60 pt of 9 pt Liberation Sans holds about 13 average characters.
	{"Kazakhstan and Russia sign", 0, 60, "Kazakhstan…"},
	{"x", 1, 0, "x"},
	{"", 5, 0, ""},
}

func TestTruncate(t *testing.T) {
	f := Font(LabelSize, false)
	for _, tt := range truncateTests {
		got := Truncate(tt.in, tt.maxRunes, f, tt.width)
		if got != tt.want {
			t.Errorf("Truncate(%q, %d, %v) = %q, want %q", tt.in, tt.maxRunes, tt.width, got, tt.want)
		}
		if tt.maxRunes > 0 && utf8.RuneCountInString(got) > tt.maxRunes+1 {
			t.Errorf("Truncate(%q, %d) has %d runes", tt.in, tt.maxRunes, utf8.RuneCountInString(got))
		}
		if tt.width > 0 && TextWidth(f, got) > tt.width {
			t.Errorf("Truncate(%q, width %v) is %v wide", tt.in, tt.width, TextWidth(f, got))
		}
	}
}

func TestWrap(t *testing.T) {
	f := Font(NoteSize, false)
	s := "Node area: PageRank; colour: bloc. Lines join actors mentioned together; the more often, the thicker."
	lines := Wrap(s, f, 150)
	if len(lines) < 2 {
		t.Fatalf("Wrap(%q, 150pt) = %q, want several lines", s, lines)
	}
	if got := strings.Join(lines, " "); got != s {
		t.Errorf("Wrap lines joined = %q, want %q", got, s)
	}
	for _, l := range lines {
		if w := TextWidth(f, l); w > 150 {
			t.Errorf("Wrap line %q is %v wide, want ≤ 150", l, w)
		}
	}
}

// TestGlyphs checks that the typographic characters the figures print
// exist in Liberation Sans, so no figure shows a missing-glyph box.
func TestGlyphs(t *testing.T) {
	for _, bold := range []bool{false, true} {
		face := plotfont.DefaultCache.Lookup(Font(LabelSize, bold), LabelSize)
		var buf sfnt.Buffer
		for _, r := range "←→−–…√" {
			i, err := face.Face.GlyphIndex(&buf, r)
			if err != nil || i == 0 {
				t.Errorf("Liberation Sans (bold %v) has no glyph for %q", bold, r)
			}
		}
	}
}

func paintSample(c draw.Canvas) {
	c = Header(c, "A title", "A note under it.")
	c = Legend(c, []Swatch{{"Russia bloc", BlocColor(Russia)}, {"Western bloc", BlocColor(West)}})
	Dot(c, c.Center(), 4, BlocColor(Subject))
}

func TestWriteSVGFontFallback(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteSVG(&buf, 200, 100, paintSample); err != nil {
		t.Fatal(err)
	}
	s := buf.String()
	if !strings.Contains(s, "font-family:'Liberation Sans',Arial,Helvetica,sans-serif;") {
		t.Errorf("WriteSVG: no font-family fallback in\n%.600s", s)
	}
	if strings.Contains(s, "font-family:Liberation Sans;") {
		t.Errorf("WriteSVG: bare font-family left")
	}
}

func TestWriteDeterministic(t *testing.T) {
	for name, write := range map[string]func(*bytes.Buffer) error{
		"svg": func(b *bytes.Buffer) error { return WriteSVG(b, 200, 100, paintSample) },
		"png": func(b *bytes.Buffer) error { return WritePNG(b, 200, 100, paintSample) },
	} {
		var a, b bytes.Buffer
		if err := write(&a); err != nil {
			t.Fatal(err)
		}
		if err := write(&b); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: two renders differ", name)
		}
	}
}

func TestPNGResolution(t *testing.T) {
	var buf bytes.Buffer
	// 72 pt = 1 inch, so 200 px at 200 dpi.
	if err := WritePNG(&buf, 72, 36, paintSample); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	// The IHDR chunk holds width and height as big-endian uint32 at 16 and 20.
	w := int(b[16])<<24 | int(b[17])<<16 | int(b[18])<<8 | int(b[19])
	h := int(b[20])<<24 | int(b[21])<<16 | int(b[22])<<8 | int(b[23])
	if w != 200 || h != 100 {
		t.Errorf("WritePNG(72pt×36pt) = %d×%d px, want 200×100", w, h)
	}
}
