package eval

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Sentinel errors of LoadGold and LoadRun.
var (
	ErrNoGold    = errors.New("eval: no gold files")
	ErrDuplicate = errors.New("eval: duplicate article")
	ErrInvalid   = errors.New("eval: invalid gold")
	ErrNotRun    = errors.New(`eval: no "articles" array`)
)

// Stance labels, in the order of every table.
var Labels = []string{"russia", "west", "none"}

// entityTypes are the gold entity types (GUIDELINE.md "Entities").
var entityTypes = map[string]bool{"person": true, "organization": true, "country": true}

// Gold is the hand annotation of one article (GUIDELINE.md "File format").
type Gold struct {
	Article   string         `json:"article"`
	Subject   string         `json:"subject"`
	Entities  []GoldEntity   `json:"entities"`
	Sources   []string       `json:"sources"`
	Ignore    []string       `json:"ignore"`
	Alignment float64        `json:"alignment"`
	Sentences []GoldSentence `json:"sentences"`
}

// GoldEntity is an actor the article mentions.
type GoldEntity struct {
	Name  string   `json:"name"`
	Type  string   `json:"type"`
	Forms []string `json:"forms"`
}

// GoldSentence is a sentence of the article body with its stance label.
type GoldSentence struct {
	Text   string `json:"text"`
	Stance string `json:"stance"`
}

// LoadGold reads every *.json file in dir (other files, such as
// GUIDELINE.md, are skipped) and returns the annotations sorted by article.
// An empty "article" field defaults to the file name without ".json". A file
// that does not decode, lacks "alignment", has an alignment outside [-1, 1],
// an entity type other than person, organization or country, or a stance
// other than russia, west or none is an error naming the file; so is an
// article annotated twice.
func LoadGold(dir string) ([]Gold, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", dir, err)
	}
	if len(paths) == 0 {
		if _, err := os.Stat(dir); err != nil {
			return nil, fmt.Errorf("list %s: %w", dir, err)
		}
		return nil, fmt.Errorf("list %s: %w", dir, ErrNoGold)
	}
	sort.Strings(paths)
	golds := make([]Gold, 0, len(paths))
	seen := make(map[string]string)
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		g, err := parseGold(data)
		if err != nil {
			return nil, fmt.Errorf("decode %s: %w", path, err)
		}
		if g.Article == "" {
			g.Article = strings.TrimSuffix(filepath.Base(path), ".json")
		}
		g.Article = articleID(g.Article)
		if first, ok := seen[g.Article]; ok {
			return nil, fmt.Errorf("decode %s: %q also in %s: %w", path, g.Article, first, ErrDuplicate)
		}
		seen[g.Article] = path
		golds = append(golds, g)
	}
	sort.Slice(golds, func(i, j int) bool { return golds[i].Article < golds[j].Article })
	return golds, nil
}

// parseGold decodes and checks one gold file.
func parseGold(data []byte) (Gold, error) {
	var raw struct {
		Gold
		Alignment *float64 `json:"alignment"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return Gold{}, err
	}
	g := raw.Gold
	switch {
	case raw.Alignment == nil:
		return g, fmt.Errorf("no alignment: %w", ErrInvalid)
	case math.IsNaN(*raw.Alignment) || math.Abs(*raw.Alignment) > 1:
		return g, fmt.Errorf("alignment %v outside [-1, 1]: %w", *raw.Alignment, ErrInvalid)
	}
	g.Alignment = *raw.Alignment
	for _, e := range g.Entities {
		if !entityTypes[e.Type] {
			return g, fmt.Errorf("entity %q: type %q: %w", e.Name, e.Type, ErrInvalid)
		}
	}
	for i, s := range g.Sentences {
		if label(s.Stance) < 0 {
			return g, fmt.Errorf("sentence %d: stance %q: %w", i+1, s.Stance, ErrInvalid)
		}
	}
	return g, nil
}

// label returns the index of stance in Labels, or -1.
func label(stance string) int {
	s := Fold(stance)
	for i, l := range Labels {
		if s == l {
			return i
		}
	}
	return -1
}

// articleID drops a trailing ".txt" or ".json" from id.
func articleID(id string) string {
	return strings.TrimSuffix(strings.TrimSuffix(id, ".txt"), ".json")
}
