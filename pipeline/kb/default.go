package kb

import (
	"embed"
	"io/fs"
	"sync"
)

//go:embed data/*.kb
var data embed.FS

var defaultKB = sync.OnceValue(func() *KB {
	sub, err := fs.Sub(data, "data")
	if err != nil {
		panic("kb: embedded data: " + err.Error())
	}
	k, err := Parse(sub)
	if err != nil {
		panic("kb: embedded data: " + err.Error())
	}
	return k
})

// Default returns the knowledge base embedded from data/*.kb, parsed once.
// The value is shared: callers must not modify it. It panics only if the
// embedded data is invalid, which TestDefault prevents.
func Default() *KB { return defaultKB() }
