package ingest

import (
	"math/rand/v2"
	"testing"
)

// normKeyASCII agrees with the general normKeySlow on random ASCII text
// rich in spaces, control characters and capitals.
func TestNormKeyASCII(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 2))
	const alphabet = "aZ q\t\n\r\v\f  .-'\"Kx9\x01"
	for range 20000 {
		b := make([]byte, rng.IntN(24))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		if got, want := normKeyASCII(string(b)), normKeySlow(string(b)); got != want {
			t.Fatalf("normKeyASCII(%q) = %q, normKeySlow %q", b, got, want)
		}
	}
}
