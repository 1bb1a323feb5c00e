// Package par runs independent pieces of work on every core.
package par

import (
	"runtime"
	"sync"
)

// For calls f(0), …, f(n-1) on GOMAXPROCS goroutines and returns when
// every call has returned. The calls run in no fixed order and at the
// same time, so f(i) must write only what belongs to i; results that
// must not depend on the number of cores are then the same on any
// machine.
func For(n int, f func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(n, 1)) {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
