#!/bin/sh
# Startup time of the terminal program on the sample database: the
# projects screen drawn, the first project's journey opened, and out, in
# its test mode (a virtual screen, so no terminal is needed). Prints the
# mean over runs in milliseconds.
#   bench.sh PROGRAM DATABASE [RUNS]
prog=$1 db=$2 runs=${3:-20}
i=0
start=$(date +%s%N)
while [ "$i" -lt "$runs" ]; do
	AIREJSE_TEST_KEYS='<Enter>' "$prog" --db "$db" >/dev/null 2>&1 ||
		{ echo "bench: $prog failed on $db" >&2; exit 1; }
	i=$((i + 1))
done
end=$(date +%s%N)
echo "startup: $(( (end - start) / runs / 1000000 )) ms (mean of $runs runs: projects, then a journey)"
