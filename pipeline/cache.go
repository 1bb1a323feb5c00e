package pipeline

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"

	"alignnet/internal/atomicfile"
)

// Version names the behaviour of this package's processing. Cached
// articles made by another version are not used: bump it whenever a
// change to ingest, sentence splitting or recognition changes what
// Process returns for some input.
const Version = "2026-11-22.1"

// Cache keeps processed articles on disk between runs, keyed by the
// content of their file and by what made them (Version, the knowledge
// base, the subject flag), so a run over an archive with one new article
// processes only that one. A file whose path, size and modification time
// are unchanged since the last run is not even read.
//
// A Cache is safe for concurrent use. Save writes the index of files;
// without it the next run reads every file once more, but still skips
// processing the ones whose content it has seen.
type Cache struct {
	dir, key string

	mu    sync.Mutex
	index map[string]stamp // path → what the file was when last seen

	// Hits and Misses count the files taken from the cache and the files
	// processed.
	Hits, Misses atomic.Int64
}

// stamp identifies a file's content without reading it.
type stamp struct {
	Size    int64
	ModTime int64 // Unix nanoseconds
	Sum     string
}

const indexName = "index.gob"

// OpenCache opens (or creates) the cache in dir for the given key, which
// must change whenever anything that shapes a processed article changes.
func OpenCache(dir, key string) (*Cache, error) {
	sum := sha256.Sum256([]byte(Version + "\x00" + key))
	c := &Cache{dir: dir, key: hex.EncodeToString(sum[:8]), index: map[string]stamp{}}
	if err := os.MkdirAll(filepath.Join(dir, "articles"), 0o755); err != nil {
		return nil, fmt.Errorf("cache %s: %w", dir, err)
	}
	b, err := os.ReadFile(filepath.Join(dir, indexName))
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, fmt.Errorf("cache %s: %w", dir, err)
	default:
		// A damaged index only costs a re-read of every file.
		if gob.NewDecoder(bytes.NewReader(b)).Decode(&c.index) != nil {
			c.index = map[string]stamp{}
		}
	}
	return c, nil
}

// blob is the file of an article with content sum under this cache's key.
func (c *Cache) blob(sum string) string {
	return filepath.Join(c.dir, "articles", sum[:2], sum+"-"+c.key+".gob")
}

// load returns the cached article of the file at path, reading the file
// only when its stamp changed; data is the file's bytes when they were
// read (nil otherwise), and sum their SHA-256.
func (c *Cache) load(path string) (a *Article, data []byte, sum string, err error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, nil, "", err
	}
	c.mu.Lock()
	old, ok := c.index[path]
	c.mu.Unlock()
	if ok && old.Size == st.Size() && old.ModTime == st.ModTime().UnixNano() {
		sum = old.Sum
	} else {
		if st.Size() > MaxFileSize {
			return nil, nil, "", nil // Read reports it
		}
		if data, err = os.ReadFile(path); err != nil {
			return nil, nil, "", err
		}
		s := sha256.Sum256(data)
		sum = hex.EncodeToString(s[:])
		c.mu.Lock()
		c.index[path] = stamp{Size: st.Size(), ModTime: st.ModTime().UnixNano(), Sum: sum}
		c.mu.Unlock()
	}
	b, err := os.ReadFile(c.blob(sum))
	if err != nil {
		return nil, data, sum, nil
	}
	var art Article
	if gob.NewDecoder(bytes.NewReader(b)).Decode(&art) != nil {
		return nil, data, sum, nil
	}
	art.Doc.Name, art.File = path, path
	return &art, data, sum, nil
}

// store writes a processed article under its content sum, atomically.
func (c *Cache) store(sum string, a *Article) error {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(a); err != nil {
		return err
	}
	path := c.blob(sum)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return atomicfile.WriteFile(path, buf.Bytes(), 0o644)
}

// Save writes the index of files seen, keeping only the given paths (the
// files of this run), atomically.
func (c *Cache) Save(paths []string) error {
	c.mu.Lock()
	keep := make(map[string]stamp, len(paths))
	for _, p := range paths {
		if s, ok := c.index[p]; ok {
			keep[p] = s
		}
	}
	c.mu.Unlock()
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(keep); err != nil {
		return err
	}
	if err := atomicfile.WriteFile(filepath.Join(c.dir, indexName), buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("cache %s: %w", c.dir, err)
	}
	return nil
}
