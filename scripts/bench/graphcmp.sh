#!/usr/bin/env bash
# Graph measures of analysis/network side by side with networkx on the same
# graph: values within 1e-9 and wall times (see
# scripts/bench/networkx_compare.py for what is compared and timed).
#
# Usage:
#   scripts/bench/graphcmp.sh [NODES EDGES]   synthetic graph (default 5000 50000)
#   scripts/bench/graphcmp.sh EDGES.csv       an alignnet out/data/edges.csv
#
# Environment:
#   SEED    seed of the synthetic graph and of the community search (default 1)
#   DIR     keep edges.csv, alignnet.json and report.md here (default: a
#           temporary folder, removed at the end)
#   PYTHON  interpreter with Debian's python3-networkx (default /usr/bin/python3;
#           Debian: sudo apt-get install python3-networkx)
#
# Prints the markdown table; exits 1 if a value differs by more than 1e-9.
# networkx's exact betweenness takes minutes at 5,000 nodes and 50,000 edges.
set -euo pipefail

die() { echo "graphcmp: $*" >&2; exit 1; }

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
seed=${SEED:-1}
python=${PYTHON:-/usr/bin/python3}

"$python" -c 'import networkx' 2>/dev/null ||
    die "$python cannot import networkx (Debian: sudo apt-get install python3-networkx)"

if [[ -n ${DIR:-} ]]; then
    dir=$DIR
    mkdir -p "$dir"
else
    dir=$(mktemp -d)
    trap 'rm -rf "$dir"' EXIT
fi

(cd "$root" && go build -o "$dir/graphcmp" ./scripts/bench/graphcmp)

if [[ $# -eq 1 && -f $1 ]]; then
    edges=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
else
    [[ $# -eq 0 || $# -eq 2 ]] || die "usage: $0 [NODES EDGES] | $0 EDGES.csv"
    edges=$dir/edges.csv
    "$dir/graphcmp" -gen -nodes "${1:-5000}" -edges "${2:-50000}" -seed "$seed" -out "$edges"
fi

"$dir/graphcmp" -in "$edges" -seed "$seed" -out "$dir/alignnet.json"
"$python" "$root/scripts/bench/networkx_compare.py" "$edges" "$dir/alignnet.json" | tee "$dir/report.md"
