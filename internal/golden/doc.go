// Package golden compares test output with golden files under testdata, rewritten by the -update flag.
package golden
