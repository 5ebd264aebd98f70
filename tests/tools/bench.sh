#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# make bench: how fast airejse is, against a floor measured in the same
# run, printed as a table with the targets of issue 8. Never part of
# make check; exits 0 when it could measure (a missed target is a row of
# the table, not a failure).
#
#   B=build bench.sh AIREJSE
#
# The floor (tests/bench/floor.c) starts, opens an SQLite file, opens
# ncurses as the terminal program's test mode does (a virtual 80x24
# screen written to /dev/null) and draws one line. The terminal program
# is measured in that same test mode (AIREJSE_TEST_KEYS), so the two
# differ only by what airejse does. Wall times are the median of RUNS
# runs (BENCH_RUNS, default 21) after one to warm the caches; "x floor"
# is a figure over the floor's median. A per-key or per-search time is
# the difference of two medians (with and without K more keys) over K.
# Where valgrind is installed, the same per-key figures are also given as
# callgrind instruction counts (Ir), which do not depend on the load of
# the machine; those rows say "Ir".
#
# The database of 1,000 projects is made by tests/bench/gen.c (seeded,
# so always the same) and kept in $B/bench until the generator or the
# journeys change.
set -eu
AIREJSE=${1:?usage: bench.sh AIREJSE}
B=${B:-build}
runs=${BENCH_RUNS:-21}
top=$(pwd)
bin=$top/$B/bench
big=$bin/projects-1000.db
sample=$top/$B/sample.db

for p in "$bin/floor" "$bin/timeit" "$bin/gen" "$bin/inproc" "$sample"; do
	[ -e "$p" ] || { echo "bench: $p is missing: run make bench" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/airejse-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
mkdir -p "$work/home"

# The same surroundings for every run: no site configuration, the content
# and catalogues of this tree, Danish, a UTF-8 locale, an 80x24 screen.
unset AIREJSE_CACHE AIREJSE_CONFIG AIREJSE_DB AIREJSE_NOW AIREJSE_TEST_SCREEN NO_COLOR LC_ALL \
    LC_MESSAGES LANGUAGE XDG_CONFIG_HOME XDG_DATA_HOME 2>/dev/null || true
HOME=$work/home LANG=C.UTF-8 TZ=UTC USER=bench LINES=24 COLUMNS=80
AIREJSE_CONTENT=$top AIREJSE_LOCALEDIR=$top/locale
export HOME LANG TZ USER LINES COLUMNS AIREJSE_CONTENT AIREJSE_LOCALEDIR

# The 1,000 projects, made where writing is cheap (tmpfs) when there is one.
if [ ! -s "$big" ] || [ -n "$(find "$bin/gen" "$top/journeys" -newer "$big" 2>/dev/null | head -n 1)" ]; then
	gdir=$work
	[ -d /dev/shm ] && [ -w /dev/shm ] && gdir=$(mktemp -d /dev/shm/airejse-bench-XXXXXX)
	echo "bench: making the database of 1,000 projects (kept until the generator or the journeys change)." >&2
	"$bin/gen" "$gdir/p.db" 1000 >&2
	mv "$gdir/p.db" "$big.new" && mv "$big.new" "$big"
	[ "$gdir" = "$work" ] || rmdir "$gdir"
fi
# Copies: the program opens its database for writing, and the build may
# be remade while we measure (make in another shell).
cp "$AIREJSE" "$work/airejse"
AIREJSE=$work/airejse
cp "$sample" "$work/sample.db"
cp "$big" "$work/big.db"
S=$work/sample.db
D=$work/big.db
# The project with the most answers, for show and export.
P=$(sqlite3 "$D" "SELECT project FROM answer GROUP BY project ORDER BY count(*) DESC, project LIMIT 1")
nanswers=$(sqlite3 "$D" "SELECT count(*) FROM answer WHERE project = $P")

rows=$work/rows
: >"$rows"

# timeit ARGS...: "median_us min_us rss_kb" of the command.
timeit() {
	"$bin/timeit" "$runs" "$@" || { echo "bench: failed: $*" >&2; exit 1; }
}

# row NAME VALUE UNIT RATIO RSS TARGET RESULT: one line of the table.
row() {
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$rows"
}

# ms US: microseconds as milliseconds with two decimals.
ms() {
	awk -v u="$1" 'BEGIN { printf "%.2f", u / 1000 }'
}

ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'
}

mb() {
	awk -v k="$1" 'BEGIN { printf "%.1f MB", k / 1024 }'
}

# verdict COND: pass or MISS, COND an awk expression.
verdict() {
	awk "BEGIN { r = ($1) ? \"pass\" : \"MISS\"; print r }"
}

# The peak against issue 15's target is the terminal program's and the
# commands' on SQLite. A PDF loads pango, cairo and their fonts (issue
# 18 asks for them: about 11 MB of libraries before a page), a server
# store libpq and its libraries: rows that set outside_peak count only
# in maxrss_all, printed beside it without a target.
maxrss=0 maxrss_all=0
track_rss() {
	if [ "$1" -gt "$maxrss_all" ]; then
		maxrss_all=$1
	fi
	if [ -z "${outside_peak:-}" ] && [ "$1" -gt "$maxrss" ]; then
		maxrss=$1
	fi
	return 0
}

# callgrind_ir ARGS...: the instructions the command runs, or nothing.
callgrind_ir() {
	command -v valgrind >/dev/null 2>&1 || return 0
	valgrind --tool=callgrind --callgrind-out-file=/dev/null --log-file="$work/cg.log" \
	    "$@" >/dev/null 2>&1 || { echo "bench: valgrind failed: $*" >&2; return 0; }
	sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' "$work/cg.log" | tail -n 1
}

# The floor.
r=$(timeit "$bin/floor" "$S")
set -- $r
floor=$1
floor_rss=$3
row "floor: start, SQLite file, ncurses, one line" "$(ms "$floor")" ms 1.00 "$(mb "$floor_rss")" "" ""
floor_ir=$(callgrind_ir "$bin/floor" "$S")

# first NAME DB [CACHE]: time to the first screen (the projects), then
# out; in turn with the floor, three times the runs, and the ratio over
# the floor of those same runs: the two measured one after the other
# drifted apart by as much as the target's margin on a shared machine.
# CACHE (default on) is AIREJSE_CACHE: off reads the content's YAML.
# The target is the budget issue 15 set: under 20 ms. The ratio is still
# shown; its old target (1.5x, issue 8) was bought by the stored briefs
# and the lazy libraries, which issue 15 removed on purpose.
first() {
	r=$(AIREJSE_CACHE=${3:-on} AIREJSE_TEST_KEYS='<dump>' "$bin/timeit" $((runs * 3)) \
	    "$AIREJSE" --db "$2" --vs "$bin/floor" "$S") ||
	    { echo "bench: failed: first $2" >&2; exit 1; }
	cache=${3:-on}
	set -- "$1" $r
	track_rss "$4"
	if [ "$cache" = off ]; then
		row "first screen, $1" "$(ms "$2")" ms "$(ratio "$2" "$5")" "$(mb "$4")" "" ""
	else
		row "first screen, $1" "$(ms "$2")" ms "$(ratio "$2" "$5")" "$(mb "$4")" \
		    "< 20 ms" "$(verdict "$2 < 20000")"
	fi
}
first "sample database (2 projects)" "$S"
first "1,000 projects" "$D"
first "1,000, no content cache" "$D" off
for run in "$S on sample" "$D on 1,000" "$D off 1,000, no content cache"; do
	set -- $run
	db=$1 cache=$2
	shift 2
	ir=$(AIREJSE_CACHE=$cache AIREJSE_TEST_KEYS='<dump>' callgrind_ir "$AIREJSE" --db "$db")
	if [ -n "$ir" ] && [ -n "$floor_ir" ]; then
		row "  the same in instructions ($*)" "$ir" Ir "$(ratio "$ir" "$floor_ir")" "" "" ""
	fi
done

# handoffs NAME KEYS [ARG...]: the hand-offs screen opened on the 1,000
# projects (the start and the projects screen included), with its peak
# RSS against the target; and the same in instructions.
handoffs() {
	name=$1 keys=$2
	shift 2
	r=$(AIREJSE_TEST_KEYS=$keys timeit "$AIREJSE" --db "$D" "$@")
	us=${r%% *} rss=${r##* }
	track_rss "$rss"
	row "$name" "$(ms "$us")" ms "$(ratio "$us" "$floor")" "$(mb "$rss")" \
	    "RSS < 12 MB" "$(verdict "$rss < 12 * 1024")"
	ir=$(AIREJSE_TEST_KEYS=$keys callgrind_ir "$AIREJSE" --db "$D" "$@")
	if [ -n "$ir" ] && [ -n "$floor_ir" ]; then
		row "  the same in instructions" "$ir" Ir "$(ratio "$ir" "$floor_ir")" "" "" ""
	fi
}
handoffs "hand-offs screen, every project (1,000)" H
handoffs "hand-offs screen, --role jurist (1,000)" '<dump>' --role jurist

# plain NAME TARGET_US COMMAND...: a command's wall time (TARGET_US 0: none).
plain() {
	name=$1 target=$2
	shift 2
	r=$(timeit "$@")
	set -- $r
	# pandoc's memory is not airejse's: its rows stay out of both peaks.
	[ -n "${pandoc_rows:-}" ] || track_rss "$3"
	if [ "$target" -gt 0 ]; then
		row "$name" "$(ms "$1")" ms "$(ratio "$1" "$floor")" "$(mb "$3")" \
		    "< $(ms "$target") ms" "$(verdict "$1 < $target")"
	else
		row "$name" "$(ms "$1")" ms "$(ratio "$1" "$floor")" "$(mb "$3")" "" ""
	fi
}
plain "validate (the shipped content)" 0 "$AIREJSE" validate
plain "project list (1,000 projects)" 0 "$AIREJSE" --db "$D" project list
plain "project show (project $P, $nanswers answers)" 0 "$AIREJSE" --db "$D" project show "$P"
for f in md html csv json xlsx pdf; do
	if [ "$f" = pdf ]; then
		outside_peak=1
	fi
	plain "export $P --what all --format $f" 0 \
	    "$AIREJSE" --db "$D" export "$P" --what all --format "$f" -o "$work/out.$f" --force
	outside_peak=
done
# The PDF in instructions too (its wall time swings with the machine's
# load), and its pages: what the figure is for.
ir=$(callgrind_ir "$AIREJSE" --db "$D" export "$P" --what all --format pdf -o "$work/out.pdf" --force)
if [ -n "$ir" ] && [ -n "$floor_ir" ]; then
	pages=$(pdfinfo "$work/out.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
	row "  the same in instructions (pdf, ${pages:-?} pages)" "$ir" Ir "$(ratio "$ir" "$floor_ir")" "" "" ""
fi
# docx and odt start pandoc (when it is installed): a figure of their own.
if command -v pandoc >/dev/null 2>&1; then
	pandoc_rows=1
	for f in docx odt; do
		plain "export $P --what all --format $f (pandoc)" 0 \
		    "$AIREJSE" --db "$D" export "$P" --what all --format "$f" -o "$work/out.$f" --force
	done
	pandoc_rows=
fi
# The five formats in one process, as the export dialog makes them: the
# startup is the first screen's, measured above.
r=$("$bin/inproc" export "$D" "$P" "$runs")
set -- $(echo "$r" | sed -n 's/^all //p')
row "export all 5 formats, in one process" "$(ms "$1")" ms "$(ratio "$1" "$floor")" "" \
    "< 30 ms" "$(verdict "$1 < 30000")"
pdf=$(echo "$r" | sed -n 's/^pdf //p')
row "export pdf, in one process (not in the 5)" "$(ms "$pdf")" ms "$(ratio "$pdf" "$floor")" "" "" ""
# Issue 18's budget: every format airejse makes itself (docx and odt are
# pandoc's, with rows of their own above), of one project, < 100 ms.
six=$(($1 + pdf))
row "  the 5 and the pdf, in one process" "$(ms "$six")" ms "$(ratio "$six" "$floor")" "" \
    "< 100 ms" "$(verdict "$six < 100000")"

# perkey NAME TARGET_US K PER PREFIX KEYS (TARGET_US 0: none): what one of K*PER keys (or
# searches) takes, from typing PREFIX and then KEYS K times against typing
# PREFIX alone, on the 1,000 projects; and the same in instructions.
perkey() {
	name=$1 target=$2 k=$3 per=$4 prefix=$5 keys=$6
	more=$prefix i=0
	while [ "$i" -lt "$k" ]; do
		more=$more$keys
		i=$((i + 1))
	done
	r=$(AIREJSE_TEST_KEYS=$prefix timeit "$AIREJSE" --db "$D")
	set -- $r
	base=$1
	r=$(AIREJSE_TEST_KEYS=$more timeit "$AIREJSE" --db "$D")
	set -- $r
	track_rss "$3"
	each=$(awk -v a="$1" -v b="$base" -v k="$((k * per))" \
	    'BEGIN { d = (a - b) / k; printf "%.0f", (d > 0 ? d : 0) }')
	if [ "$target" -gt 0 ]; then
		row "$name" "$(ms "$each")" ms "$(ratio "$each" "$floor")" "$(mb "$3")" \
		    "< $(ms "$target") ms" "$(verdict "$each < $target")"
	else
		row "$name" "$(ms "$each")" ms "$(ratio "$each" "$floor")" "$(mb "$3")" "" ""
	fi
	a=$(AIREJSE_TEST_KEYS=$prefix callgrind_ir "$AIREJSE" --db "$D")
	b=$(AIREJSE_TEST_KEYS=$more callgrind_ir "$AIREJSE" --db "$D")
	if [ -n "$a" ] && [ -n "$b" ] && [ -n "$floor_ir" ]; then
		ir=$(( (b - a) / (k * per) ))
		row "  the same in instructions (callgrind)" "$ir" Ir "$(ratio "$ir" "$floor_ir")" "" "" ""
	fi
}
# In the journey's map: down a step and back up, each redrawn.
perkey "keystroke -> redraw, journey (1,000 projects)" 1000 100 2 '<Enter>' 'jk'
# The search screen of the project opened first (the terminal program
# searches the open project: its steps, guidance, questions and
# answers); / and Enter search again for the same pattern.
pat='jurist|leverandør|epj|[0-9]+\.[0-9]{3} kr'
perkey "search one project in the terminal program" 0 20 1 "<Enter>/$pat<Enter>" '/<Enter>'
# All 1,000 projects, as 'airejse search' does it (tests/bench/inproc.c
# makes the same calls in one process, so the figure is the search alone:
# reading every project, working out where each stands, matching); and
# the command itself, which also starts, loads the content and prints.
r=$("$bin/inproc" search "$D" "$pat" "$runs")
set -- $(echo "$r" | sed -n 's/^search //p')
row "search all 1,000 projects, in one process" "$(ms "$1")" ms "$(ratio "$1" "$floor")" "" \
    "< 50 ms" "$(verdict "$1 < 50000")"
searched="$2 matches in $3 projects"
plain "airejse search PATTERN (1,000 projects, tsv)" 0 \
    "$AIREJSE" --db "$D" search "$pat" --format tsv

# The stores side by side (issue 19): many users saving at once, and the
# first screen and project list on 10,000 projects, on SQLite and, when
# make bench started a server (tests/tools/with-pg.sh), on PostgreSQL.
# new_db KIND NAME: an empty database of that kind, as --db takes it.
new_db() {
	if [ "$1" = sqlite ]; then
		echo "$work/$2.db"
	else
		psql -X -q "$AIREJSE_TEST_PG dbname=postgres" -c "CREATE DATABASE $2" >/dev/null &&
		    echo "$AIREJSE_TEST_PG dbname=$2"
	fi
}
# statements DB: how many statements the first screen sends to the
# server, counted in the log of the server with-pg.sh started (server.log
# in the folder of its socket), or "?" without it.
statements() {
	log=${AIREJSE_TEST_PG#host=}
	log=${log%% *}/server.log
	[ -r "$log" ] || { echo "?"; return 0; }
	psql -X -q "$1" -c "ALTER DATABASE huge SET log_statement = 'all'" >/dev/null
	n0=$(wc -l <"$log")
	AIREJSE_TEST_KEYS='<dump>' "$AIREJSE" --db "$1" >/dev/null 2>&1
	tail -n +$((n0 + 1)) "$log" | grep -c 'LOG:  \(statement\|execute\)'
	psql -X -q "$1" -c "ALTER DATABASE huge RESET log_statement" >/dev/null
}
# BENCH_CLIENTS, BENCH_SAVES and BENCH_PROJECTS make them smaller, to try.
nclients=${BENCH_CLIENTS:-50} nsaves=${BENCH_SAVES:-200} nhuge=${BENCH_PROJECTS:-10000}
kinds=sqlite
if [ -n "${AIREJSE_TEST_PG:-}" ]; then
	kinds="sqlite postgresql"
else
	echo "bench: no PostgreSQL server (run make bench, which starts one): SQLite rows only" >&2
fi
for kind in $kinds; do
	db=$(new_db "$kind" clients) || { echo "bench: cannot make a $kind database" >&2; exit 1; }
	r=$("$bin/clients" "$db" "$nclients" "$nsaves") ||
	    { echo "bench: clients failed on $kind" >&2; exit 1; }
	set -- $r
	row "$nclients clients x $nsaves saves, $kind: save p50" "$(ms "$1")" ms "" "" "" ""
	row "  save p99" "$(ms "$2")" ms "" "" "" ""
	row "  throughput" "$3" "saves/s" "" "" "" ""
	row "  answers lost (of $4 saved)" "$5" "" "" "" "0" "$(verdict "$5 == 0")"
	row "  stale saves refused, busy refused" "$6, $7" "" "" "" "" ""
done
# The 10,000 projects: made once by gen (as the 1,000), copied to the server.
huge=$bin/projects-$nhuge.db
if [ ! -s "$huge" ] || [ -n "$(find "$bin/gen" "$top/journeys" -newer "$huge" 2>/dev/null | head -n 1)" ]; then
	gdir=$work
	[ -d /dev/shm ] && [ -w /dev/shm ] && gdir=$(mktemp -d /dev/shm/airejse-bench-XXXXXX)
	echo "bench: making the database of $nhuge projects (kept until the generator or the journeys change)." >&2
	"$bin/gen" "$gdir/p.db" "$nhuge" >&2
	mv "$gdir/p.db" "$huge.new" && mv "$huge.new" "$huge"
	[ "$gdir" = "$work" ] || rmdir "$gdir"
fi
cp "$huge" "$work/huge.db"
for kind in $kinds; do
	outside_peak=
	if [ "$kind" = sqlite ]; then
		db=$work/huge.db
	else
		outside_peak=1
		db=$(new_db "$kind" huge) && "$AIREJSE" db copy "$work/huge.db" "$db" >/dev/null ||
		    { echo "bench: cannot copy the $nhuge projects to the server" >&2; exit 1; }
	fi
	r=$(AIREJSE_TEST_KEYS='<dump>' timeit "$AIREJSE" --db "$db")
	set -- $r
	track_rss "$3"
	row "first screen, $nhuge projects, $kind" "$(ms "$1")" ms "$(ratio "$1" "$floor")" \
	    "$(mb "$3")" "< 50 ms" "$(verdict "$1 < 50000")"
	ir=$(AIREJSE_TEST_KEYS='<dump>' callgrind_ir "$AIREJSE" --db "$db")
	[ -z "$ir" ] || [ -z "$floor_ir" ] ||
	    row "  the same in instructions (the program's)" "$ir" Ir "$(ratio "$ir" "$floor_ir")" \
	    "" "" ""
	[ "$kind" = sqlite ] ||
	    row "  the same in statements to the server" "$(statements "$db")" "" "" "" "" ""
	# Through PgBouncer pooling sessions (with-pg.sh starts one), as a
	# region may run its server: the session's process is started once
	# and handed on, not started for every program.
	if [ "$kind" != sqlite ] && [ -n "${AIREJSE_TEST_POOLER:-}" ]; then
		r=$(AIREJSE_TEST_KEYS='<dump>' timeit "$AIREJSE" --db "$AIREJSE_TEST_POOLER dbname=huge")
		set -- $r
		track_rss "$3"
		row "  the same through PgBouncer (sessions)" "$(ms "$1")" ms "$(ratio "$1" "$floor")" \
		    "$(mb "$3")" "< 50 ms" "$(verdict "$1 < 50000")"
	fi
	plain "project list, $nhuge projects, $kind" 0 "$AIREJSE" --db "$db" project list
done
outside_peak=

row "peak RSS (the terminal program and the commands, SQLite)" "$(mb "$maxrss")" "" \
    "$(ratio "$maxrss" "$floor_rss")" "" "< 12 MB" "$(verdict "$maxrss < 12 * 1024")"
row "  with the PDF and the server rows" "$(mb "$maxrss_all")" "" \
    "$(ratio "$maxrss_all" "$floor_rss")" "" "" ""

echo "airejse bench: median of $runs runs each, $(nproc 2>/dev/null || echo '?') CPUs; x floor = the figure over the floor's (Ir: over the floor's instructions, ${floor_ir:-n/a})"
awk -F '\t' '
	function line(a, b, c, d, e, f) { printf "%-47s %11s %7s %8s  %-22s %s\n", a, b, c, d, e, f }
	BEGIN { line("figure", "median", "x floor", "peak RSS", "target", "result")
		line("------", "------", "-------", "--------", "------", "------") }
	{ line($1, $2 " " $3, $4, $5, $6, $7) }' "$rows"
cat <<EOF
Ir rows: callgrind instruction counts, the same however busy the machine;
  x floor there is over the floor's instructions. Per key and per search:
  (with K more keys - without) / K, in wall time and in instructions.
First screen: the projects, drawn in the test mode (AIREJSE_TEST_KEYS),
  then out. Measured in turn with the floor (a run of each at a time,
  3 x $runs pairs), and x floor over the floor's median of those runs.
  "No content cache": the same with AIREJSE_CACHE=off, the content read
  from its YAML at every start, for what the cache saves.
Hand-offs: the program started with H typed on the projects screen (or
  with --role jurist), so its start and first screen are in the figure;
  the screen reads every project in one walk and keeps only what its rows
  show (a project's answers are read when its hand-off is selected).
Export "in one process": export_load and export_write for md, html, csv,
  json and xlsx of project $P one after the other, as the export dialog
  does; the rows above each start the program once per format. PDF
  (pango and cairo lay out every line) has its own row, outside the
  five and their target.
Search: the steps, guidance, questions that apply and answers of a
  project (search.c). The terminal program searches the open project;
  'airejse search' and tests/bench/inproc.c every project, read project
  after project in one walk (store_each_project) and each searched in
  turn, so only one project is held at a time. The command's row includes
  its start, the content and writing the matches.
  Pattern: $pat ($searched).
Stores: tests/bench/clients.c forks 50 processes, each with its own
  connection, saving 200 answers each to ten questions of one project as
  the program does (the revision read, then read again in the write
  transaction and written unless changed meanwhile). Latency per save
  made; a stale save is refused and told, as is one the store was too
  busy for; "lost" is saves reported made less the history's entries.
  The first screen on each store also in the program's instructions
  (on PostgreSQL without the server's, nor the wait for it) and, on the
  server, in statements sent (from its log): each is a round trip, which
  on a loaded machine costs more than its work. Straight to the server,
  a start waits for the server to start a process for the session and
  that process to read what it needs for the first time; through
  PgBouncer pooling sessions, the process of an earlier program is
  handed on (reset), as a region running a pooler would have it.
EOF
misses=$(awk -F '\t' '$7 == "MISS"' "$rows" | wc -l)
echo "targets missed: $misses"
