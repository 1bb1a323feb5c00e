#!/usr/bin/env bash
# quality.sh: the quality table of README.md ("Measuring quality"),
# reproduced. Runs bin/alignnet over every annotated corpus, scores each
# with `alignnet eval`, and scores the named corpora again pooled (one
# run over all their articles, so the pooled Spearman ranks them all
# together).
#
#   scripts/quality.sh                      # every corpus, pool blind5..
#   POOL="blind7 blind8" scripts/quality.sh # pool these instead
#   CORPORA="seeds heldout" scripts/quality.sh  # only these corpora
#
# Needs bin/alignnet (make build) and ../shared/gold for the seeds.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=bin/alignnet
[[ -x $bin ]] || { echo "quality.sh: $bin missing; run make build" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [[ -n ${CORPORA:-} ]]; then
	read -r -a corpora <<<"$CORPORA"
else
	corpora=(seeds)
	for d in testdata/*/; do
		[[ -d $d/articles && -d $d/gold ]] && corpora+=("$(basename "$d")")
	done
fi
pool=${POOL:-}
if [[ -z $pool ]]; then
	# by default the corpora no rule was developed on (README.md)
	for c in "${corpora[@]}"; do
		case $c in seeds | heldout | blind | blind2 | blind3 | blind4) ;; *) pool+=" $c" ;; esac
	done
fi

in_of() { if [[ $1 == seeds ]]; then echo seeds; else echo "testdata/$1/articles"; fi; }
gold_of() { if [[ $1 == seeds ]]; then echo ../shared/gold; else echo "testdata/$1/gold"; fi; }

# row NAME IN GOLD: one table row from a run over IN scored against GOLD.
row() {
	local name=$1 in=$2 gold=$3 out=$work/run-$1
	"$bin" run -figures=false -in "$in" -out "$out" >/dev/null
	"$bin" eval -gold "$gold" -run "$out/data/articles.json" -json "$work/$name.json" >/dev/null
	python3 - "$name" "$work/$name.json" <<'EOF'
import json, sys
name, path = sys.argv[1], sys.argv[2]
r = json.load(open(path))
a = r["alignment"]
f = lambda v: "n/a" if v is None else "%.3f" % v
print("| %s | %d | %d | %s | %s | %s | %s | %d/%d |" % (
    name, r["scored"], r["sentences"]["gold"], f(r["entities"]["f1"]),
    f(r["sentences"]["macro_f1"]), f(a["spearman"]), f(a["spearman_steps"]),
    a["agreed"], a["n"]))
EOF
}

echo "| corpus | articles | sentences | typed entity F1 | sentence macro-F1 | article Spearman | Spearman of steps | signs |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for c in "${corpora[@]}"; do
	if [[ ! -d $(gold_of "$c") ]]; then
		echo "quality.sh: no gold at $(gold_of "$c"), skipping $c" >&2
		continue
	fi
	row "$c" "$(in_of "$c")" "$(gold_of "$c")"
done

if [[ -n ${pool// /} ]]; then
	mkdir -p "$work/pool/articles" "$work/pool/gold"
	for c in $pool; do
		cp "$(in_of "$c")"/*.txt "$work/pool/articles/"
		cp "$(gold_of "$c")"/*.json "$work/pool/gold/"
	done
	read -r -a pooled <<<"$pool"
	names=$(IFS=+; echo "${pooled[*]}")
	row "pooled: $names" "$work/pool/articles" "$work/pool/gold"
fi
