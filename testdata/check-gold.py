#!/usr/bin/env python3
"""Self-consistency check of an annotated corpus (no alignnet involved).

Usage: python3 testdata/check-gold.py CORPUS_DIR [SEEDS_DIR GOLD_DIR]

CORPUS_DIR holds articles/ and gold/ (testdata/heldout, testdata/blind).

For every gold/*.json: the JSON decodes and has the GUIDELINE.md fields; the
alignment is one of -1, -0.5, 0, 0.5, 1; every stance is russia, west or
none; every gold sentence occurs verbatim in the article, in order; the body
between the first and the last gold sentence, split by a simple rule splitter
(paragraphs, then terminal punctuation; repeated paragraphs dropped), gives
exactly the gold sentences; every entity form, source and ignore entry occurs
in the article text. With two arguments it also runs the splitter over the
repository's seed articles and their gold, to show the splitter follows the
seeds' conventions. Exits 1 on any problem.
"""
import json, os, re, sys

LABELS = {'russia', 'west', 'none'}
TYPES = {'person', 'organization', 'country'}
STEPS = {-1, -0.5, 0, 0.5, 1}
ABBREV = {'U.S.', 'Gen.', 'Mr.', 'Mrs.', 'Dr.', 'St.', 'Lt.', 'Col.', 'No.', 'Ph.D.', 'Jan.', 'Feb.', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'}
# A sentence ends at . ! or ? (plus closing quotes or brackets) before a space
# and a capital, a digit or an opening quote; never before "(" so that a
# citation stays with the sentence it ends.
END = re.compile(r'[.!?][”’"\')\]]*(?=\s+[“‘"A-Z0-9])')


def split(text):
    out = []
    for para in text.split('\n\n'):
        para = ' '.join(para.split())
        if not para:
            continue
        start = 0
        for m in END.finditer(para):
            word = para[start:m.end()].split()[-1].lstrip('“‘"(')
            if word in ABBREV or re.fullmatch(r'[A-Z]\.', word):
                continue
            out.append(para[start:m.end()].strip())
            start = m.end()
        if para[start:].strip():
            out.append(para[start:].strip())
    return out


def body_sentences(text, first, last):
    """Split the text from the first gold sentence to the first end of the last."""
    i = text.index(first)
    j = text.index(last, i) + len(last)
    paras, seen = [], set()
    for p in text[i:j].split('\n\n'):
        if p in seen:  # a scraped page repeats a paragraph
            continue
        seen.add(p)
        paras.append(p)
    return split('\n\n'.join(paras))


def check(gold_path, text_path, errs, strict=True):
    name = os.path.basename(gold_path)
    g = json.load(open(gold_path, encoding='utf-8'))
    text = open(text_path, encoding='utf-8').read()
    bad = lambda msg: errs.append(f'{name}: {msg}')
    for k in ('article', 'subject', 'entities', 'sources', 'ignore', 'alignment', 'sentences'):
        if k not in g:
            bad(f'missing {k}')
    if g.get('alignment') not in STEPS:
        bad(f'alignment {g.get("alignment")}')
    sents = [s['text'] for s in g['sentences']]
    for s in g['sentences']:
        if s['stance'] not in LABELS:
            bad(f'stance {s["stance"]}')
    pos = 0
    for s in sents:
        k = text.find(s, pos)
        if k < 0:
            bad(f'sentence not found in order: {s[:70]}')
        else:
            pos = k + len(s)
    if sents:
        got = body_sentences(text, sents[0], sents[-1])
        if got != sents:
            for a, b in zip(got, sents):
                if a != b:
                    bad(f'splitter differs:\n  split: {a[:90]}\n  gold:  {b[:90]}')
                    break
            else:
                bad(f'splitter gives {len(got)} sentences, gold {len(sents)}')
    if not strict:
        return
    names = set()
    for e in g['entities']:
        if e['type'] not in TYPES:
            bad(f'type {e["type"]}')
        if e['name'] in names:
            bad(f'entity twice: {e["name"]}')
        names.add(e['name'])
        for f in e['forms']:
            if not re.search(r'(?<!\w)' + re.escape(f) + r'(?!\w)', ' '.join(sents)):
                bad(f'form not in body: {f!r} ({e["name"]})')
    for f in g['sources'] + g['ignore']:
        if f not in text:
            bad(f'source/ignore not in text: {f!r}')


def main():
    errs = []
    corpus = sys.argv[1]
    gdir, adir = os.path.join(corpus, 'gold'), os.path.join(corpus, 'articles')
    golds = sorted(f for f in os.listdir(gdir) if f.endswith('.json'))
    for f in golds:
        check(os.path.join(gdir, f), os.path.join(adir, f[:-5] + '.txt'), errs)
    print(f'{corpus}: {len(golds)} gold files, {len(errs)} problems')
    if len(sys.argv) == 4:
        seeds, sgold = sys.argv[2:]
        serrs = []
        for f in sorted(os.listdir(sgold)):
            if f.endswith('.json'):
                check(os.path.join(sgold, f), os.path.join(seeds, f[:-5] + '.txt'), serrs, strict=False)
        print(f'seeds: splitter problems {len(serrs)}')
        errs += serrs
    for e in errs:
        print(e)
    sys.exit(1 if errs else 0)


if __name__ == '__main__':
    main()
