package eval

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"

	"alignnet/internal/golden"
)

// TestGolden compares WriteText, WriteDetails and the JSON of the fixture
// report with testdata/*.golden byte for byte.
func TestGolden(t *testing.T) {
	r := loadFixture(t)
	var text, details bytes.Buffer
	if err := r.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if err := r.WriteDetails(&details); err != nil {
		t.Fatal(err)
	}
	js, err := json.MarshalIndent(r, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string][]byte{
		"report.golden":      text.Bytes(),
		"details.golden":     details.Bytes(),
		"report.json.golden": append(js, '\n'),
	} {
		golden.Check(t, name, got)
	}
}

// TestJSON checks the JSON edge: NaN is null, floats round to 4 decimals,
// and a report decodes back with n/a intact.
func TestJSON(t *testing.T) {
	tests := []struct {
		v    Value
		want string
	}{
		{NA, "null"},
		{Value(math.Inf(1)), "null"},
		{Value(2.0 / 3), "0.6667"},
		{Value(-0.00001), "0"}, // no negative zero
		{Value(1), "1"},
	}
	for _, tt := range tests {
		got, err := json.Marshal(tt.v)
		if err != nil || string(got) != tt.want {
			t.Errorf("json.Marshal(%v) = %s, %v, want %s", float64(tt.v), got, err, tt.want)
		}
	}
	r := loadFixture(t)
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if back.Articles[2].Entities.Precision.Defined() || back.Entities.TP != r.Entities.TP {
		t.Errorf("round trip: precision %v, TP %d, want n/a, %d", back.Articles[2].Entities.Precision, back.Entities.TP, r.Entities.TP)
	}
}

// TestWriteDeterministic: two renderings of one report are identical.
func TestWriteDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	r := loadFixture(t)
	if err := r.WriteDetails(&a); err != nil {
		t.Fatal(err)
	}
	if err := loadFixture(t).WriteDetails(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("WriteDetails differs between two runs")
	}
}

// TestUndefinedSpearman: all gold alignments equal prints n/a, no crash.
func TestUndefinedSpearman(t *testing.T) {
	gold := []Gold{{Article: "p", Alignment: 1}, {Article: "q", Alignment: 1}}
	r := Score(gold, nil)
	var buf bytes.Buffer
	if err := r.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	if r.Alignment.Spearman.Defined() || !bytes.Contains(buf.Bytes(), []byte("Spearman           n/a")) {
		t.Errorf("Spearman = %v, text:\n%s\nwant n/a", r.Alignment.Spearman, buf.String())
	}
}
