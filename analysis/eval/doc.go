// Package eval scores a pipeline run against hand-made gold annotations.
//
// The gold format and its "Scoring" section are specified in
// shared/gold/GUIDELINE.md; this package implements that section. Where the
// guideline is silent, the decisions below apply (each is repeated on the
// function that implements it):
//
//   - Strings are compared after [Fold]: curly quotes and primes become
//     ASCII quotes, the dash family becomes '-', whitespace runs become one
//     space, the ends are trimmed and letters are lower-cased.
//   - Entities: a gold entity matches at most one system entity and the
//     other way round; the pairs are a maximum bipartite matching (augmenting
//     paths), so the true-positive count does not depend on input order. The
//     typed and the untyped scores each take their own maximum matching.
//   - A system entity of type place is never counted. A system entity whose
//     name or a form equals an `ignore` or `sources` entry is not counted
//     unless it shares a name or form with some gold entity (of any type): a
//     required actor is never excused by a stray form.
//   - Sources: sets after folding, so duplicates count once.
//   - Sentences: tokens are the lower-case letter/digit runs after folding,
//     taken as sets. A gold sentence may pair with any system sentence whose
//     Jaccard is at least 0.6; among those it takes the one sharing the most
//     tokens, then the higher Jaccard, then one not already paired, then the
//     first. Several gold sentences may pair with one system sentence.
//   - A system stance other than russia, west and none is a wrong prediction
//     (column "other" of the confusion matrix). An unpaired gold sentence is
//     a false negative of its gold label and a false positive of no label.
//   - Macro-F1 averages the per-label F1 over the labels that occur in gold
//     or in the predictions; a label absent from both is left out, so an
//     article without a west sentence can still score 1.
//   - F1 is 2TP/(2TP+FP+FN); precision, recall and F1 with a zero
//     denominator are NaN, shown as "n/a" and written to JSON as null.
//   - Articles: a null system score, and a gold article the run lacks, count
//     as alignment 0 in the rank correlation and the sign share. The gold
//     sign is exact; the system sign is 0 when |score| <= 0.1 (+1e-9 for
//     float noise).
//   - The Spearman of steps ranks the system's steps (its score on the
//     gold's five steps, "step" in articles.json) instead of its scores;
//     a null score counts as step 0. It is NaN (n/a) when a scored
//     article has no step (a run from before steps existed) or when the
//     steps or the gold are all equal.
//   - Articles are matched by id (a trailing ".txt" or ".json" is dropped).
//     A run article whose id repeats is listed as extra after the first.
package eval
