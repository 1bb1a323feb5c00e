#!/usr/bin/env python3
"""Agreement between two annotators' stance labels of the same sentences.

Usage: python3 testdata/iaa.py GOLD_DIR SECOND_DIR

GOLD_DIR holds gold files (GUIDELINE.md format); SECOND_DIR holds, for some
of them, a second annotator's labels of the same sentences, in the same
order: {"article", "alignment", "sentences": [{"text", "stance"}]}. Prints
raw agreement, Cohen's kappa, the macro-F1 of the second annotator scored
against the first (as `alignnet eval` scores a run), the confusion matrix,
and the Spearman correlation and sign agreement of the article alignments.
Standard library only.
"""
import collections
import glob
import json
import os
import sys

LABELS = ["russia", "west", "none"]


def ranks(xs):
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    r = [0.0] * len(xs)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and xs[order[j + 1]] == xs[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2
        i = j + 1
    return r


def spearman(a, b):
    ra, rb = ranks(a), ranks(b)
    ma, mb = sum(ra) / len(ra), sum(rb) / len(rb)
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    va = sum((x - ma) ** 2 for x in ra) ** 0.5
    vb = sum((y - mb) ** 2 for y in rb) ** 0.5
    return cov / va / vb


def macro_f1(first, second):
    fs = []
    for label in LABELS:
        tp = sum(1 for a, b in zip(first, second) if a == b == label)
        fp = sum(1 for a, b in zip(first, second) if b == label and a != label)
        fn = sum(1 for a, b in zip(first, second) if a == label and b != label)
        p = tp / (tp + fp) if tp + fp else 0
        r = tp / (tp + fn) if tp + fn else 0
        fs.append(2 * p * r / (p + r) if p + r else 0)
    return sum(fs) / len(fs)


def sign(x):
    return (x > 0) - (x < 0)


def main(gold_dir, second_dir):
    first, second, align1, align2 = [], [], [], []
    for path in sorted(glob.glob(os.path.join(second_dir, "*.json"))):
        other = json.load(open(path, encoding="utf-8"))
        gold_path = os.path.join(gold_dir, os.path.basename(path))
        gold = json.load(open(gold_path, encoding="utf-8"))
        texts = [s["text"] for s in gold["sentences"]]
        if texts != [s["text"] for s in other["sentences"]]:
            sys.exit(f"{path}: its sentences are not those of {gold_path}")
        first += [s["stance"] for s in gold["sentences"]]
        second += [s["stance"] for s in other["sentences"]]
        align1.append(gold["alignment"])
        align2.append(other["alignment"])
    if not first:
        sys.exit(f"{second_dir}: no label files")
    n = len(first)
    agree = sum(a == b for a, b in zip(first, second)) / n
    c1, c2 = collections.Counter(first), collections.Counter(second)
    chance = sum(c1[label] * c2[label] for label in LABELS) / n / n
    print(f"articles {len(align1)}, sentences {n}")
    print(f"agreement {agree:.3f}, Cohen's kappa {(agree - chance) / (1 - chance):.3f}, "
          f"macro-F1 of the second against the first {macro_f1(first, second):.3f}")
    conf = collections.Counter(zip(first, second))
    print("first \\ second  " + " ".join(f"{label:>7}" for label in LABELS))
    for a in LABELS:
        print(f"{a:>14}  " + " ".join(f"{conf[(a, b)]:>7}" for b in LABELS))
    agreed = sum(sign(a) == sign(b) for a, b in zip(align1, align2))
    print(f"article alignment: Spearman {spearman(align1, align2):.3f}, "
          f"sign agrees {agreed}/{len(align1)}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
