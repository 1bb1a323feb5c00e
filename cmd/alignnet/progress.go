package main

import (
	"fmt"
	"io"
	"os"
	"sync/atomic"
	"time"
)

// progressAfter is how long a run goes quiet before a progress line
// appears.
const progressAfter = 2 * time.Second

// progress shows "read N of M files" on a terminal stderr, rewritten in
// place every fifth of a second, once the run has lasted progressAfter.
// It prints nothing when stderr is not a terminal (CI, pipes, files). stop
// clears the line.
func progress(stderr io.Writer, done *atomic.Int64, total int) (stop func()) {
	f, ok := stderr.(*os.File)
	if !ok {
		return func() {}
	}
	if st, err := f.Stat(); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return func() {}
	}
	quit, finished := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(finished)
		start := time.Now()
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		shown := false
		for {
			select {
			case <-quit:
				if shown {
					fmt.Fprint(f, "\r\033[K")
				}
				return
			case <-tick.C:
				if time.Since(start) < progressAfter {
					continue
				}
				shown = true
				n := done.Load()
				fmt.Fprintf(f, "\ralignnet: read %d of %d files (%.0f%%)\033[K", n, total, 100*float64(n)/float64(total))
			}
		}
	}()
	return func() {
		close(quit)
		<-finished
	}
}
