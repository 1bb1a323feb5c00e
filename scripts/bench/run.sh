#!/usr/bin/env bash
# Archive-scale benchmark of alignnet (issue 6): for each corpus size N,
# time `alignnet run -figures=false` against `wc -w` over the same files
# and print a markdown table.
#
# Usage: scripts/bench/run.sh [N ...]        (default: 1000 10000 50000)
#
# Environment:
#   BENCH_DIR  cache and output folder (default /tmp/alignnet-bench): the
#              corpus of size N is generated once into $BENCH_DIR/corpus-N
#              and reused while the generator and SEED are unchanged
#   SEED       seed of the synthetic corpus (default 1)
#   RUNS       timed runs of each command per N; the table shows the
#              median wall time (default 1)
#   TIMEOUT    give up on an alignnet run after this many seconds (default:
#              no limit)
#   WC_LOCALE  locale of wc -w (default C: the fastest, byte-based count)
#   ALIGNNET   an alignnet binary to time instead of building ./cmd/alignnet
#
# What is measured, all after a warm-up read so the files are in the page
# cache:
#   wc:       find DIR -name '*.txt' -print0 | xargs -0 cat | wc -w
#   alignnet: alignnet run -in DIR -out $BENCH_DIR/out-N -figures=false
# Wall time from date +%s%N around the command; user and system CPU and
# peak resident memory (the largest of the process and its children) from
# GNU time (/usr/bin/time -f '%U %S %M'). Input MB = 10^6 bytes of the .txt
# files; MB/s = input MB / alignnet wall time (end to end). The 20 MB/s
# target is for recognition and scoring alone: the script also runs
# BenchmarkRecognizeScore and reports its median MB/s.
#
# Needs: go, GNU time (Debian/Ubuntu: sudo apt-get install time), find,
# xargs, wc, awk, sha256sum. hyperfine, when installed, adds its own
# comparison for N <= 10000.
set -euo pipefail

die() { echo "bench: $*" >&2; exit 1; }

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bench=${BENCH_DIR:-/tmp/alignnet-bench}
seed=${SEED:-1}
runs=${RUNS:-1}
timeout_s=${TIMEOUT:-}
wc_locale=${WC_LOCALE:-C}
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1000 10000 50000)

for n in "${sizes[@]}"; do
	[[ $n =~ ^[1-9][0-9]*$ ]] || die "N must be a positive integer, got '$n'"
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer, got '$runs'"
[[ -z $timeout_s || $timeout_s =~ ^[1-9][0-9]*$ ]] || die "TIMEOUT must be whole seconds, got '$timeout_s'"

command -v go >/dev/null || die "go not found in PATH (Go 1.26 at /usr/local/go/bin?)"
for tool in find xargs wc awk sha256sum; do
	command -v "$tool" >/dev/null || die "$tool not found"
done
if ! /usr/bin/time -f '%e' true >/dev/null 2>&1; then
	die "GNU time not found at /usr/bin/time (bash's 'time' keyword cannot report memory). Install it: sudo apt-get install time"
fi
if [[ -n $timeout_s ]]; then
	command -v timeout >/dev/null || die "TIMEOUT set but the timeout command (coreutils) is missing"
fi

mkdir -p "$bench/bin"
alignnet=$bench/bin/alignnet
if [[ -n ${ALIGNNET:-} ]]; then
	[[ -x $ALIGNNET ]] || die "ALIGNNET=$ALIGNNET is not an executable"
	alignnet=$ALIGNNET
	echo "bench: using $alignnet as built" >&2
else
	echo "bench: building alignnet into $alignnet" >&2
	(cd "$root" && go build -o "$alignnet" ./cmd/alignnet) ||
		die "go build ./cmd/alignnet failed (set ALIGNNET to a binary built earlier to go on)"
fi
echo "bench: building gencorpus into $bench/bin" >&2
(cd "$root" && go build -o "$bench/bin/gencorpus" ./cmd/gencorpus) || die "go build ./cmd/gencorpus failed"
version=$("$alignnet" version 2>/dev/null | awk '{ print $2 }' || true)
commit=$(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n $(cd "$root" && git status --porcelain 2>/dev/null | head -1) ]]; then
	commit="$commit+dirty"
fi
version="${version:-unknown} (tree $commit)"

# stamp identifies a corpus: the generator's sources, the seed and N.
gen_hash=$(cat "$root"/cmd/gencorpus/*.go "$root"/cmd/gencorpus/vocab.txt | sha256sum | cut -c1-16)

now_ns() { date +%s%N; }

# timed OUT_FILE CMD...: run CMD under GNU time; writes "wall user sys rss_kb
# status" to OUT_FILE (wall in seconds from date, rss in KB).
timed() {
	local out=$1; shift
	local t0 t1 status=0
	t0=$(now_ns)
	/usr/bin/time -f '%U %S %M' -o "$out.time" "$@" || status=$?
	t1=$(now_ns)
	# GNU time prepends "Command exited with non-zero status N" on failure.
	echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }') $(tail -1 "$out.time") $status" >"$out"
}

# median_of FILE...: the line whose first field (wall) is the median.
median_of() {
	local files=("$@")
	cat "${files[@]}" | sort -n -k1,1 | awk '{ l[NR] = $0 } END { print l[int((NR + 1) / 2)] }'
}

cores=$(nproc)
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
goversion=$(go version | awk '{ print $3 }')
stamp_time=$(date -u +%Y-%m-%dT%H:%MZ)
report="$bench/report-$(date -u +%Y%m%d-%H%M%S).md"

header() {
	echo "### alignnet vs wc -w ($stamp_time)"
	echo
	echo "Machine: $cores cores ($cpu), $mem RAM, $(uname -sr), $goversion; alignnet $version."
	echo "Corpus: \`gencorpus -n N -seed $seed\` (synthetic; generator $gen_hash). wc: \`find DIR -name '*.txt' -print0 | xargs -0 cat | LC_ALL=$wc_locale wc -w\`."
	echo "alignnet: \`alignnet run -in DIR -out OUT -figures=false\`. Warm page cache; median wall of $runs run(s)."
	echo "Wall times mean something only on an otherwise idle machine: compare the load averages below with the core count."
	echo
	echo "| N | files | input MB | words | wc -w s | alignnet s | user+sys s | CPU/wall | peak RSS MiB | MB/s | ms/article | alignnet/wc | actors | edges |"
	echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
}

rows=()
notes=()
header | tee "$report"
for n in "${sizes[@]}"; do
	corpus="$bench/corpus-$n"
	want="gencorpus $gen_hash seed $seed n $n"
	if [[ -f $corpus/.stamp && $(cat "$corpus/.stamp") == "$want" ]]; then
		echo "bench: N=$n: reusing $corpus" >&2
	else
		echo "bench: N=$n: generating $corpus" >&2
		rm -rf "$corpus"
		"$bench/bin/gencorpus" -n "$n" -seed "$seed" -out "$corpus" >&2 || die "gencorpus -n $n failed"
		echo "$want" >"$corpus/.stamp"
	fi
	load_before=$(cut -d' ' -f1-3 /proc/loadavg)
	files=$(find "$corpus" -name '*.txt' | wc -l)
	bytes=$(find "$corpus" -name '*.txt' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
	# Warm the page cache so neither command pays for the disk.
	find "$corpus" -name '*.txt' -print0 | xargs -0 cat >/dev/null

	words=0
	wc_runs=()
	for r in $(seq "$runs"); do
		f="$bench/wc-$n-$r"
		timed "$f" bash -c 'find "$1" -name "*.txt" -print0 | xargs -0 cat | LC_ALL="$2" wc -w >"$3"' _ "$corpus" "$wc_locale" "$f.words"
		read -r _ _ _ _ st <"$f"
		[[ $st == 0 ]] || die "wc -w over $corpus failed (status $st)"
		words=$(tr -d ' ' <"$f.words")
		wc_runs+=("$f")
	done
	read -r wc_wall _ _ _ _ < <(median_of "${wc_runs[@]}")

	al_runs=()
	failed=""
	for r in $(seq "$runs"); do
		f="$bench/alignnet-$n-$r"
		echo "bench: N=$n: alignnet run $r/$runs (log: $f.log)" >&2
		cmd=("$alignnet" run -in "$corpus" -out "$bench/out-$n" -figures=false)
		[[ -z $timeout_s ]] || cmd=(timeout "$timeout_s" "${cmd[@]}")
		timed "$f" "${cmd[@]}" >"$f.log" 2>&1
		read -r _ _ _ _ st <"$f"
		case $st in
		0 | 3) al_runs+=("$f") ;; # 3: outputs written, some files skipped
		124) failed="timed out after ${timeout_s}s" ;;
		*) failed="exit status $st (see $f.log)" ;;
		esac
		[[ -z $failed ]] || break
	done
	if [[ -n $failed ]]; then
		row="| $n | $files | $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') | $words | $wc_wall | $failed | | | | | | | | |"
		echo "$row" | tee -a "$report"
		rows+=("$row")
		continue
	fi
	read -r wall user sys rss _ < <(median_of "${al_runs[@]}")
	line=$(grep -h '^alignnet: ' "${al_runs[0]}.log" | tail -1 || true)
	actors=$(sed -n 's/.* \([0-9][0-9]*\) actors.*/\1/p' <<<"$line")
	edges=$(sed -n 's/.* \([0-9][0-9]*\) edges.*/\1/p' <<<"$line")
	skipped=$(grep -c '^alignnet: skip' "${al_runs[0]}.log" || true)
	[[ $skipped == 0 ]] || notes+=("N=$n: alignnet skipped $skipped files (see ${al_runs[0]}.log)")
	row=$(awk -v n="$n" -v files="$files" -v bytes="$bytes" -v words="$words" -v wcw="$wc_wall" \
		-v wall="$wall" -v user="$user" -v sys="$sys" -v rss="$rss" -v actors="$actors" -v edges="$edges" 'BEGIN {
		mb = bytes / 1e6
		printf "| %d | %d | %.1f | %d | %.2f | %.2f | %.2f | %.2f | %.0f | %.2f | %.2f | %.1fx | %s | %s |",
			n, files, mb, words, wcw, wall, user + sys, (user + sys) / wall, rss / 1024,
			mb / wall, 1000 * wall / n, wall / ((wcw > 0.001) ? wcw : 0.001), actors, edges
	}')
	echo "$row" | tee -a "$report"
	rows+=("$row")
	notes+=("$(awk -v n="$n" -v load="$load_before" -v bytes="$bytes" -v wcw="$wc_wall" -v wall="$wall" -v user="$user" -v sys="$sys" -v rss="$rss" 'BEGIN {
		mbs = bytes / 1e6 / wall; ratio = wall / ((wcw > 0.001) ? wcw : 0.001); cpu = (user + sys) / wall
		printf "N=%d targets: <=10x wc %s (%.1fx); peak < 1 GiB %s (%.0f MiB); both cores %s (CPU/wall %.2f); end to end %.2f MB/s; load average before: %s",
			n, (ratio <= 10 ? "met" : "missed"), ratio,
			(rss < 1048576 ? "met" : "missed"), rss / 1024, (cpu >= 1.6 ? "met" : "missed"), cpu, mbs, load
	}')")
done

# The throughput target is for recognition and scoring alone (sentence
# splitting, entities, stances, the article score and its bootstrap), on
# every core: BenchmarkRecognizeScore over the seed articles' bodies.
echo "bench: go test ./analysis -bench RecognizeScore (3 x 3 s)" >&2
rs=$(cd "$root" && go test ./analysis -run '^$' -bench RecognizeScore -benchtime 3s -count 3 |
	awk '/^BenchmarkRecognizeScore/ { for (i = 1; i <= NF; i++) if ($(i + 1) == "MB/s") print $i }' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
[[ -n $rs ]] || die "BenchmarkRecognizeScore printed no MB/s"
notes+=("$(awk -v mbs="$rs" 'BEGIN { printf "recognition and scoring (BenchmarkRecognizeScore, median of 3): %.1f MB/s, target >= 20 MB/s %s", mbs, (mbs >= 20 ? "met" : "missed") }')")

{
	echo
	for note in "${notes[@]}"; do echo "- $note"; done
} | tee -a "$report"

if command -v hyperfine >/dev/null; then
	for n in "${sizes[@]}"; do
		((n <= 10000)) || continue
		corpus="$bench/corpus-$n"
		echo "bench: N=$n: hyperfine" >&2
		hyperfine --warmup 1 --runs 3 --ignore-failure --export-markdown "$bench/hyperfine-$n.md" \
			-n "wc -w" "find $corpus -name '*.txt' -print0 | xargs -0 cat | LC_ALL=$wc_locale wc -w" \
			-n alignnet "$alignnet run -in $corpus -out $bench/out-$n -figures=false" >&2
		{ echo; echo "hyperfine, N=$n:"; echo; cat "$bench/hyperfine-$n.md"; } | tee -a "$report"
	done
else
	echo "bench: hyperfine not installed; skipped its comparison (optional: sudo apt-get install hyperfine)" >&2
fi
echo "bench: report written to $report" >&2
