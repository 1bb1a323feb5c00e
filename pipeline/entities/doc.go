// Package entities finds the actors an article mentions (people,
// organizations, countries) and the sources it cites, and resolves every
// mention to one entity of the article.
package entities
