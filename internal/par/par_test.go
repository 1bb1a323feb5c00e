package par

import (
	"runtime"
	"sync/atomic"
	"testing"
)

// Every index is called exactly once, whatever the number of cores, and
// For returns only after the last call.
func TestFor(t *testing.T) {
	for _, procs := range []int{1, 2, 7} {
		old := runtime.GOMAXPROCS(procs)
		for _, n := range []int{0, 1, 5, 1000} {
			calls := make([]int32, n)
			var total atomic.Int32
			For(n, func(i int) {
				atomic.AddInt32(&calls[i], 1)
				total.Add(1)
			})
			if int(total.Load()) != n {
				t.Fatalf("GOMAXPROCS %d, n %d: %d calls", procs, n, total.Load())
			}
			for i, c := range calls {
				if c != 1 {
					t.Fatalf("GOMAXPROCS %d, n %d: f(%d) called %d times", procs, n, i, c)
				}
			}
		}
		runtime.GOMAXPROCS(old)
	}
}
