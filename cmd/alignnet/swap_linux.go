package main

import "golang.org/x/sys/unix"

// exchange swaps the folders a and b in one atomic step
// (renameat2 RENAME_EXCHANGE), so that a reader, or a kill at any moment,
// sees either the old or the new folder at each path, never none.
func exchange(a, b string) error {
	return unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
}
