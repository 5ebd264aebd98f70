# SPDX-License-Identifier: EUPL-1.2
# The Danish texts of the content are spelt with æ, ø and å: no ae, oe or
# aa stand-ins in common words ("udbudsgraense", "Faerdigt", "loesning").
# Identifiers may be ASCII, so only the texts are checked: the `da:` value
# of every bilingual text, and the `law:` of legal dates.
. "$TOP/tests/cli/lib.sh"

# Prints file:line:text for every Danish text in the YAML files given.
danish_texts() {
	awk '
	function indent(s) { match(s, /^ */); return RLENGTH }
	FNR == 1 { inblock = 0 }
	{
		line = $0
		if (inblock) {
			if (line ~ /^[ \t]*$/) next
			if (indent(line) > blockind) { print FILENAME ":" FNR ":" line; next }
			inblock = 0
		}
		if (line ~ /^[ \t]*#/) next
		if (match(line, /^ *(- )?(da|law): */)) {
			val = substr(line, RSTART + RLENGTH)
			ind = indent(line)
			if (line ~ /^ *- /) ind += 2
			if (val ~ /^[>|][-+0-9]*[ \t]*$/) { inblock = 1; blockind = ind; next }
			print FILENAME ":" FNR ":" val
			next
		}
		s = line
		while (match(s, /[{,] *da: */)) {
			s = substr(s, RSTART + RLENGTH)
			v = s
			sub(/, *en: .*/, "", v)
			sub(/}.*/, "", v)
			print FILENAME ":" FNR ":" v
		}
	}' "$@"
}

# ASCII spellings of æ, ø, å in common words of the content's domain.
bad='graense|faerdig|vaerdi|vaere|saerlig|saet|maerk|kraev|aendr|laeg|faelles|aeldre|naevn|haend|traen|taenk|gaeld|paavirk'
bad="$bad|loesning|koeb|foer\\b|foers|stoer|soeg|proev|oekonom|foelg|loeb|hoej|moede|noedv|oensk|doed|behoev|afproev|koer\\b"
bad="$bad|\\bpaa\\b|\\bfaa\\b|\\bmaa\\b|\\bsaa\\b|\\bnaar\\b|\\baar\\b|\\baaben\\b|\\baabne|maal|haand|raad|\\bgaa\\b|tilgaeng|omraade|forstaa|maaned"

# The pattern itself must catch the examples it exists for.
for w in "Faerdigt produkt" "over udbudsgraensen" "en god loesning" "kontraktvaerdi" \
    "indkoeb" "paa plads" "CE-maerket" "hoejrisiko"; do
	printf '%s\n' "$w" | grep -qiE "$bad" || fail "the spelling pattern misses '$w'"
done
for w in "Færdigt produkt" "dataanvendelse" "datoer" "risikoen" "Aabenraa" "registrerede"; do
	printf '%s\n' "$w" | grep -qiE "$bad" && fail "the spelling pattern flags the correct '$w'"
done

files=$(ls "$TOP"/journeys/*.yaml "$TOP"/checklists/*.yaml 2>/dev/null)
[ -n "$files" ] || fail "no content files under $TOP/journeys"
# shellcheck disable=SC2086
danish_texts $files > danish.txt
n=$(wc -l < danish.txt)
[ "$n" -ge 100 ] || fail "found only $n Danish text lines; the extraction is broken"

# Check the text only, not the file:line: prefix (file names are ASCII ids),
# nor the placeholders ({udbudsgraense}, {date:ID}), which are ids.
sed 's/^[^:]*:[0-9]*://; s/{[a-z]*:*[a-z0-9_-]*}//g' danish.txt > text.txt
hits=$(grep -niE "$bad" text.txt | cut -d: -f1 | while read -r i; do
	printf '  %s\n' "$(sed -n "${i}p" danish.txt)"
done)
[ -z "$hits" ] || fail "Danish texts spelt with ae/oe/aa instead of æ/ø/å:
$hits"

exit 0
