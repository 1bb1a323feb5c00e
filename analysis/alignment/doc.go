// Package alignment scores whether a text portrays its subject state as
// leaning toward one pole (by default Russia) or the other (the West), per
// sentence, article and actor, with the cues behind every label.
package alignment
