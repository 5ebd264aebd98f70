#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Loops of calls between source files: file a uses a function or datum
# that file b defines (nm over the objects), and b, directly or through
# others, uses one of a's. Such a group can only be read, tested and
# changed as a whole. Prints each group with the calls that make it and
# fails, except for the known groups below while they are being taken
# apart.
#
#   sh tests/tools/circles.sh build/*.o      (make check passes the objects)
#   CIRCLES_ALL=1 sh tests/tools/circles.sh build/*.o   (print every group)
set -eu

# Known groups, one a line: the file names (without .c, shell patterns)
# a group found may be made of. Remove a line when its group is gone.
known=''

[ $# -gt 0 ] || { echo "usage: circles.sh OBJECT..." >&2; exit 2; }

# "file symbol" for what each object defines and uses.
for o in "$@"; do
	f=$(basename "$o" .o)
	nm -g --defined-only "$o" | awk -v f="$f" 'NF == 3 { print "D", f, $3 }'
	nm -u "$o" | awk -v f="$f" '{ print "U", f, $NF }'
done | awk '
$1 == "D" { def[$3] = $2; next }
{ use[++nu] = $2; sym[nu] = $3 }
END {
	for (i = 1; i <= nu; i++) {
		if (!(sym[i] in def) || def[sym[i]] == use[i])
			continue
		a = use[i]; b = def[sym[i]]
		if (!((a, b) in via))
			via[a, b] = sym[i]
		r[a, b] = 1; node[a]; node[b]
	}
	# Who reaches whom (Warshall); a group is the files that reach each
	# other.
	for (k in node) for (i in node) if ((i, k) in r) for (j in node) if ((k, j) in r) r[i, j] = 1
	for (i in node) {
		if (i in seen)
			continue
		g = i
		for (j in node)
			if (j != i && ((i, j) in r) && ((j, i) in r)) { g = g " " j; seen[j] }
		if (g == i)
			continue
		n = split(g, m, " ")
		line = "group"
		for (x = 1; x <= n; x++) line = line " " m[x]
		print line
		for (x = 1; x <= n; x++) for (y = 1; y <= n; y++)
			if ((m[x], m[y]) in via)
				print "call", m[x], m[y], via[m[x], m[y]]
	}
}' | {
	status=0
	show=
	used=
	groups=
	while read -r kind rest; do
		if [ "$kind" = call ]; then
			[ -n "$show" ] && printf '%s\n' "$rest" |
			    awk '{ printf "    %s.c -> %s.c (%s)\n", $1, $2, $3 }'
			continue
		fi
		members=$(printf '%s\n' "$rest" | tr ' ' '\n' | sort | tr '\n' ' ')
		# Allowed when each member matches a pattern of one known line.
		show=
		allowed=
		n=0
		set -f
		while IFS= read -r pats; do
			[ -n "$pats" ] || continue
			n=$((n + 1))
			all=1
			for m in $members; do
				hit=
				for p in $pats; do
					case $m in $p) hit=1; break ;; esac
				done
				[ -n "$hit" ] || { all=; break; }
			done
			if [ -n "$all" ]; then
				allowed=$n
				break
			fi
		done <<EOF
$known
EOF
		set +f
		if [ -n "$allowed" ]; then
			used="$used $allowed "
			if [ -n "${CIRCLES_ALL:-}" ]; then
				echo "known circle: $members"
				show=1
			fi
		else
			echo "circle: $members"
			echo "  each of these files reaches the others by calls:"
			show=1
			status=1
		fi
	done
	# A known group that is gone: say so, so the list shrinks.
	n=0
	while IFS= read -r pats; do
		[ -n "$pats" ] || continue
		n=$((n + 1))
		case $used in
		*" $n "*) ;;
		*) echo "circles.sh: the known circle '$pats' is gone: remove its line from tests/tools/circles.sh"
		   status=1 ;;
		esac
	done <<EOF
$known
EOF
	exit $status
}
