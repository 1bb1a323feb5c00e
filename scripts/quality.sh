#!/usr/bin/env bash
# quality.sh: the figures of README.md's quality table ("Measuring
# quality"), reproduced. Builds alignnet from this tree, runs it over every
# annotated corpus, scores each with `alignnet eval`, and scores the
# corpora of the pool again together (one run over all their articles, so
# the pooled Spearman ranks them all at once).
#
#   scripts/quality.sh                            # every corpus
#   CORPORA="seeds heldout" scripts/quality.sh    # only these
#   POOL="blind11 blind12" scripts/quality.sh     # pool these
#
# The pool defaults to the corpora outside DEVELOPMENT below: those no
# rule was developed on. Needs Go, python3 and ../shared/gold. Prints a
# Markdown table; exits 1 if any corpus failed (its row says so).
set -uo pipefail
cd "$(dirname "$0")/.."

# The corpora the rules were developed or tuned on, or the reader trained
# on: the seeds and those testdata/development lists.
DEVELOPMENT="seeds $(grep -v '^#' testdata/development | tr '\n' ' ')"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=$work/alignnet
go build -o "$bin" ./cmd/alignnet || { echo "quality.sh: go build failed" >&2; exit 1; }

if [[ -n ${CORPORA:-} ]]; then
	read -r -a corpora <<<"$CORPORA"
else
	# seeds, heldout, then blind, blind2, ..., blind14 in their order
	corpora=(seeds)
	while IFS= read -r d; do
		if [[ -d $d/articles && -d $d/gold ]]; then
			corpora+=("$(basename "$d")")
		fi
	done < <(echo testdata/heldout; printf '%s\n' testdata/*/ | sed 's|/$||' | grep -vx testdata/heldout | sort -V)
fi
if [[ -n ${POOL:-} ]]; then
	read -r -a pool <<<"$POOL"
else
	pool=()
	for c in "${corpora[@]}"; do
		[[ " $DEVELOPMENT " == *" $c "* ]] || pool+=("$c")
	done
fi

in_of() { if [[ $1 == seeds ]]; then echo seeds; else echo "testdata/$1/articles"; fi; }
gold_of() { if [[ $1 == seeds ]]; then echo ../shared/gold; else echo "testdata/$1/gold"; fi; }

# row NAME IN GOLD prints one table row from a run over IN scored against
# GOLD; on failure it prints a row that says so and returns 1.
row() {
	local name=$1 in=$2 gold=$3 out=$work/run-$1 log=$work/$1.log
	if ! "$bin" run -figures=false -in "$in" -out "$out" >"$log" 2>&1 ||
		! "$bin" eval -gold "$gold" -run "$out/data/articles.json" -json "$work/$name.json" >>"$log" 2>&1 ||
		! python3 - "$name" "$work/$name.json" <<'EOF'; then
import json, sys
name, path = sys.argv[1], sys.argv[2]
r = json.load(open(path))
a = r["alignment"]
f = lambda v: "n/a" if v is None else "%.3f" % v
print("| %s | %d | %d | %s | %s | %s | %s | %s | %d/%d |" % (
    name, r["scored"], r["sentences"]["gold"], f(r["entities"]["f1"]), f(r["sources"]["f1"]),
    f(r["sentences"]["macro_f1"]), f(a["spearman"]), f(a["spearman_steps"]),
    a["agreed"], a["n"]))
EOF
		echo "| $name | failed: $(tail -n 1 "$log") | | | | | | | |"
		return 1
	fi
}

status=0
echo "| corpus | articles | gold sentences | typed entity F1 | sources F1 | sentence macro-F1 | article Spearman | Spearman of steps | signs |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for c in "${corpora[@]}"; do
	if [[ ! -d $(in_of "$c") || ! -d $(gold_of "$c") ]]; then
		echo "| $c | failed: no $(in_of "$c") or no $(gold_of "$c") | | | | | | | |"
		status=1
		continue
	fi
	row "$c" "$(in_of "$c")" "$(gold_of "$c")" || status=1
done

if ((${#pool[@]} > 1)); then
	mkdir -p "$work/pool/articles" "$work/pool/gold"
	want=0
	for c in "${pool[@]}"; do
		files=("$(in_of "$c")"/*.txt)
		want=$((want + ${#files[@]}))
		cp -n "${files[@]}" "$work/pool/articles/" 2>/dev/null
		cp -n "$(gold_of "$c")"/*.json "$work/pool/gold/" 2>/dev/null
	done
	names=$(IFS=+; echo "${pool[*]}")
	got=$(find "$work/pool/articles" -name '*.txt' | wc -l)
	if ((got != want)); then
		# two corpora share a file name: pooling would drop articles
		echo "| pooled: $names | failed: $got distinct article files of $want | | | | | | | |"
		status=1
	else
		row "pooled: $names" "$work/pool/articles" "$work/pool/gold" || status=1
	fi
fi
exit $status
