# The shipped content says what the law requires, for the right products
# (issue 14): a value exactly at the EU tender threshold needs a tender,
# a purchase waits for the tender, registration in the EU database is
# asked only of Annex III systems, a region must make a FRIA for an Annex
# III system, an unsettled device status reads "to be decided" rather
# than "not relevant", and a product without a CE mark reaches neither
# patients nor a purchase until it has a route to lawful use.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP" AIREJSE_DB="$PWD/r.db" AIREJSE_NOW=2026-12-04T10:00:00Z
export AIREJSE_CONFIG="$PWD/config.yaml"
# The threshold for 2026-27 (journeys/dates.yaml, udbud-taerskel-2026-2027).
printf 'udbudsgraense: 1611360\n' > config.yaml
A() { "$AIREJSE" --lang en "$@"; }

# status P TRACK STEP: the step's status, from the JSON (which, unlike the
# text and TSV, also lists the steps that do not apply).
status() {
	run 0 A project show "$1" --format json
	printf '%s\n' "$out" | awk -v t="\"$2\"," -v s="\"$3\"," '
		/"track": / { tr = $2 }
		/"step": / { st = $2 }
		/"status": / && tr == t && st == s { sub(/^ *"status": "/, ""); sub(/",?$/, ""); print; exit }'
}
is() {
	got=$(status "$1" "$2" "$3")
	[ "$got" = "$4" ] || fail "$2/$3 of project $1 is '$got', expected '$4'"
}
isnt() {
	got=$(status "$1" "$2" "$3")
	[ -n "$got" ] || fail "no step $2/$3 in project $1"
	[ "$got" != "$4" ] || fail "$2/$3 of project $1 is '$4'"
}
# item P CHECKLIST ITEM: the item's row of the CSV export (first question).
item() {
	run 0 A export "$1" --what "$2" --format csv
	printf '%s\n' "$out" | awk -F';' -v i="$3" '$3 == i { print; exit }'
}
# state P CHECKLIST ITEM STATE
state() {
	got=$(item "$1" "$2" "$3" | awk -F';' '{ print $5 }')
	[ "$got" = "$4" ] || fail "$2 item $3 of project $1 is '$got', expected '$4'"
}
# applies P CHECKLIST ITEM: the item is not "Not applicable".
applies() {
	got=$(item "$1" "$2" "$3" | awk -F';' '{ print $5 }')
	[ -n "$got" ] || fail "no $2 item $3 in project $1"
	[ "$got" != "Not applicable" ] || fail "$2 item $3 of project $1 is not applicable"
}
raised() {
	run 0 A handoffs "$1" --format tsv
	printf '%s\n' "$out" | awk -F'\t' -v r="$2" '$3 == r && ($5 == "raised" || $5 == "sent") { f = 1 } END { exit !f }' ||
		fail "project $1 has no open hand-off $2"
}
quiet() {
	run 0 A handoffs "$1" --format tsv
	printf '%s\n' "$out" | awk -F'\t' -v r="$2" '$3 == r && ($5 == "raised" || $5 == "sent") { f = 1 } END { exit f }' ||
		fail "project $1 has an open hand-off $2"
}

# --- The tender threshold: "equal to or greater than" (udbudsloven § 6) --
run 0 A project new --journey faerdigt-produkt --name "Tærskel"
run 0 A answer 1 kontraktvaerdi 1611360
isnt 1 faerdigt-produkt foretag-udbud not-applicable
raised 1 indkoeb-udbud
applies 1 indkoeb udbud
run 0 A answer 1 kontraktvaerdi 1611359
is 1 faerdigt-produkt foretag-udbud not-applicable
quiet 1 indkoeb-udbud
state 1 indkoeb udbud "Not applicable"
# Below the threshold the guide does not say that no tender is needed.
run 0 A export 1 --what business-case --format md
lacks "$out" "no tender is required"
contains "$out" "cross-border interest"

exit 0
