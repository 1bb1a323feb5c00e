package eval

import (
	"encoding/json"
	"fmt"
	"os"
)

// Article is the part of one article of a run's articles.json that scoring
// reads; other fields of the file are ignored.
type Article struct {
	ID        string     `json:"id"`
	Sources   []string   `json:"sources"`
	Entities  []Entity   `json:"entities"`
	Sentences []Sentence `json:"sentences"`
	Alignment Alignment  `json:"alignment"`
}

// Entity is an actor the pipeline found in an article.
type Entity struct {
	ID    string   `json:"id"`
	Name  string   `json:"name"`
	Type  string   `json:"type"`
	Forms []string `json:"forms"`
}

// Sentence is a sentence the pipeline split off, with its stance.
type Sentence struct {
	Text   string `json:"text"`
	Stance string `json:"stance"`
}

// Alignment is the pipeline's article-level alignment; Score is nil when the
// pipeline wrote null. Step is the score on the guideline's five steps;
// nil when null or absent (runs before it existed).
type Alignment struct {
	Score *float64 `json:"score"`
	Step  *float64 `json:"step"`
}

// LoadRun reads a run's articles.json ({"articles": [...]}).
func LoadRun(path string) ([]Article, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	arts, err := parseRun(data)
	if err != nil {
		return nil, fmt.Errorf("decode %s: %w", path, err)
	}
	return arts, nil
}

// parseRun decodes the bytes of an articles.json. A missing "articles" key
// is ErrNotRun; an empty array is a valid, empty run.
func parseRun(data []byte) ([]Article, error) {
	var doc struct {
		Articles *[]Article `json:"articles"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if doc.Articles == nil {
		return nil, ErrNotRun
	}
	return *doc.Articles, nil
}
