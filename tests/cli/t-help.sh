# SPDX-License-Identifier: EUPL-1.2
# Help comes from the command table, and the manual must agree with it:
# every command's --help lists each option the table gives it (with its
# one-letter form), each such option appears in that command's entry of
# airejse(1), and every option the manual's synopsis line of a command
# shows is one the command takes. Adding an option to the table without
# the manual, or the reverse, fails here.
. "$TOP/tests/cli/lib.sh"
man="$TOP/man/airejse.1"

# The options of a help text, one a line: "--name" for each line under
# "Options:" and its "(also --alias)"; "-x" for a one-letter form, and
# "letter x --name" to pair them.
help_options() {
	awk '/^Options:/ { on = 1; next } /^$/ { on = 0 } on {
		for (i = 1; i <= NF; i++)
			if ($i ~ /^--[a-z-]+$/) { print $i; break }
		if ($1 ~ /^-[a-z],$/) {
			print substr($1, 1, 2)
			print "letter " substr($1, 2, 1) " " $2
		}
		if (match($0, /\(also --[a-z-]+\)/))
			print substr($0, RSTART + 6, RLENGTH - 7)
	}'
}

# The manual's entries of section sh, as "NAME<TAB>head|body<TAB>--option":
# an entry (an .It of the section's list) is named by the words after
# ".Nm Cm"; its head is the .It line, or .It Xo to .Xc.
man_options() {
	awk -v sh="$1" -v OFS='\t' '
	/^\.Sh / { on = ($2 == sh); depth = 0; next }
	!on { next }
	/^\.Bl/ { depth++ }
	/^\.El/ { depth--; next }
	/^\.It / && depth == 1 { name = ""; head = 1 }
	/^\.Xc/ { head = 0; next }
	{
		n = split($0, w, " ")
		for (i = 1; i <= n; i++) {
			if (w[i] == "Cm" && (w[i - 1] == "Nm" || w[i - 1] == ".Nm") && name == "") {
				for (j = i + 1; j <= n && w[j] !~ /^[A-Z][a-z]+$/; j++)
					name = name (name == "" ? "" : " ") w[j]
			}
			if (w[i] == "Fl" || w[i] == ".Fl")
				for (j = i + 1; j <= n && w[j] !~ /^[A-Z][a-z]+$/; j++) {
					if (w[j] ~ /^-[a-z-]+$/)
						print (sh == "COMMANDS" ? name : "-"), (head ? "head" : "body"), "-" w[j]
					else if (w[j] ~ /^[a-z]$/)
						print (sh == "COMMANDS" ? name : "-"), (head ? "head" : "body"), "-" w[j]
				}
		}
		if ($0 !~ /^\.It Xo/ && $0 ~ /^\.It /)
			head = 0
	}' "$man"
}

man_options COMMANDS >man-commands.txt
man_options OPTIONS >man-globals.txt
[ -s man-commands.txt ] || fail "no options found in airejse(1)'s COMMANDS"

# The global options, in airejse --help and in OPTIONS.
run 0 "$AIREJSE" --lang en --help
printf '%s\n' "$out" | help_options >globals.txt
grep -q -- '^--db$' globals.txt || fail "airejse --help lists no --db: $out"
for o in $(grep -- '^--' globals.txt); do
	grep -q "	$o\$" man-globals.txt || fail "airejse --help lists $o, airejse(1)'s OPTIONS does not"
done
for o in $(awk -F'\t' '$2 == "head" { print $3 }' man-globals.txt | grep -- '^--'); do
	grep -qx -- "$o" globals.txt || fail "airejse(1)'s OPTIONS has $o, airejse --help does not"
done

# Every command, and each command of a group.
commands=$(printf '%s\n' "$out" | awk '/^Commands:/ { on = 1; next } /^$/ { on = 0 } on { print $1 }')
[ -n "$commands" ] || fail "airejse --help lists no commands"
paths=
for c in $commands; do
	run 0 "$AIREJSE" --lang en "$c" --help
	subs=$(printf '%s\n' "$out" | awk -v c="$c" '$1 == "usage:" && $3 == c && NF > 3 && $4 ~ /^[a-z]+$/ { print $4 }')
	if printf '%s\n' "$out" | grep -q '^Options:\|^Operands:' || [ -z "$subs" ]; then
		paths="$paths|$c"
	else
		for s in $subs; do paths="$paths|$c $s"; done
	fi
done

checked=0
IFS='|'
for p in $paths; do
	[ -n "$p" ] || continue
	unset IFS
	# shellcheck disable=SC2086
	run 0 "$AIREJSE" --lang en $p --help
	contains "$out" "usage: airejse $p"
	printf '%s\n' "$out" | help_options >opts.txt
	for o in $(grep -- '^--' opts.txt); do
		awk -F'\t' -v p="$p" -v o="$o" '$1 == p && $3 == o { f = 1 } END { exit !f }' man-commands.txt ||
			fail "'airejse $p --help' lists $o, airejse(1)'s entry for '$p' does not"
		checked=$((checked + 1))
	done
	grep '^letter' opts.txt | while read -r _ l long; do
		grep -q "^\.Fl $l Pq Fl -${long#--}" "$man" ||
			fail "'airejse $p --help' gives -$l for $long, airejse(1) does not"
	done || exit 1
	for o in $(awk -F'\t' -v p="$p" '$1 == p && $2 == "head" { print $3 }' man-commands.txt); do
		grep -qx -- "$o" opts.txt || grep -qx -- "$o" globals.txt ||
			fail "airejse(1) shows $o for '$p', which 'airejse $p --help' does not list"
	done
	IFS='|'
done
unset IFS
[ "$checked" -ge 20 ] || fail "only $checked options checked: is the help still parsed?"

# In Danish, the words a user replaces are Danish in the usage line, the
# options and the operands alike, and the columns line up whatever the
# letters (SPØRGSMÅL: nine columns, eleven bytes).
run 0 $AIREJSE --lang da --help
contains "$out" "--db FIL "
contains "$out" "--content MAPPE  læs rejserne fra MAPPE"
lacks "$out" "--db FILE"
run 0 $AIREJSE --lang da import --help
contains "$out" "brug: airejse import FIL [--name NAVN]"
contains "$out" "--reject SPØRGSMÅL      udelad filens svar på SPØRGSMÅL"
contains "$out" "  -n, --name NAVN             navnet"
run 0 $AIREJSE --lang da answer --help
contains "$out" "  SPØRGSMÅL  "
contains "$out" "  VÆRDI      "
# English stays English; an empty usage (db init) prints no catalogue header.
run 0 $AIREJSE --lang en import --help
contains "$out" "usage: airejse import FILE [--name NAME]"
run 0 $AIREJSE --lang da db init --help
lacks "$out" "Content-Type"
exit 0
