# SPDX-License-Identifier: EUPL-1.2
# Every hand-off rule and checklist item can do its job in every track it
# is meant for. A track can only react to, and store, answers to the
# questions its steps ask (`airejse answer` refuses any other), so:
#
# A hand-off rule is meant for every track, unless its `when` rules a
# track out with track(...). In each track it is meant for
#   - it can be raised: its condition does not rest only on questions the
#     track never asks;
#   - every question its condition names is asked by the track (else that
#     part of the rule is dead there);
#   - every question it asks the role is asked by the track (else the
#     role's answer could not be saved).
# A checklist item applies in a track when the track asks one of its
# questions and its `when` can hold there. Where it applies, its `done`
# condition can hold; an item that names a step of a track applies there.
# The hand-off packet's context questions are asked by every track.
#
# Items that never apply in a track (the in-house exemption in a track
# for buying a product, say) are listed in reach.txt, but are no error.
# The checker is run first on a copy of the content with known gaps, to
# show that it finds them; last, a project of each track gives the answers
# the rules rest on and sees the hand-offs raised.
. "$TOP/tests/cli/lib.sh"

# reach DIR: prints one line per finding for the content in DIR:
#   FAIL track: what is wrong   or   note track: what never applies
reach() {
	run 0 "$AIREJSE" --lang da --content "$1" journeys --format json
	printf '%s\n' "$out" > journeys.json

	# The questions each track asks, from the JSON: "A <TAB> track <TAB>
	# question" (the same small tokenizer as t-content-actions.sh).
	awk '
	{ buf = buf $0 "\n" }
	function scalar(v,    k) {
		k = (type[depth] == "{") ? curkey[depth] : curkey[depth - 1] "[]"
		if (depth == 3 && k == "id") track = v
		if (depth == 8 && k == "questions[]") printf "A\t%s\t%s\n", track, v
	}
	END {
		n = length(buf); depth = 0; i = 1
		while (i <= n) {
			c = substr(buf, i, 1)
			if (c == "\"") {
				s = ""; i++
				while (i <= n) {
					c = substr(buf, i, 1)
					if (c == "\\") { s = s substr(buf, i, 2); i += 2; continue }
					if (c == "\"") break
					s = s c; i++
				}
				i++
				j = i
				while (substr(buf, j, 1) ~ /[ \t\n\r]/) j++
				if (type[depth] == "{" && substr(buf, j, 1) == ":") {
					curkey[depth] = s; i = j + 1; continue
				}
				scalar(s); continue
			}
			if (c == "{" || c == "[") { depth++; type[depth] = c; curkey[depth] = ""; i++; continue }
			if (c == "}" || c == "]") { depth--; i++; continue }
			i++
		}
	}' journeys.json > asked.tsv

	# The rules, items, bank questions and packet context, from the YAML:
	#   R <TAB> rule <TAB> when <TAB> questions <TAB> file:line
	#   I <TAB> checklist/item <TAB> when <TAB> done <TAB> questions <TAB> steps <TAB> file:line
	#   Q <TAB> bank question       P <TAB> packet context question
	# Block style as the content is written (see airejse-content(5)):
	# lists as [a, b] or one "- a" a line; conditions may be folded.
	awk '
	function indent(s) { match(s, /^ */); return RLENGTH }
	function trim(s) { gsub(/^[ \t]+|[ \t]+$/, "", s); return s }
	function flow(v,    a, n, i, r) {
		gsub(/^\[|\][ \t]*$/, "", v); n = split(v, a, ","); r = ""
		for (i = 1; i <= n; i++) if (trim(a[i]) != "") r = r (r == "" ? "" : " ") trim(a[i])
		return r
	}
	function flush() {
		if (kind == "R")
			printf "R\t%s\t%s\t%s\t%s\n", eid, f["when"], f["questions"], where
		else if (kind == "I")
			printf "I\t%s/%s\t%s\t%s\t%s\t%s\t%s\n", cid, eid, f["when"], f["done"],
			    f["questions"], f["steps"], where
		kind = ""; field = ""; split("", f)
	}
	FNR == 1 { flush(); top = ""; ctx = -1; cid = ""; inctx = 0 }
	/^[ \t]*(#.*)?$/ { next }
	{
		line = $0; sub(/[ \t]+$/, "", line); ind = indent(line); s = substr(line, ind + 1)
		if (ind == 0) {
			flush(); ctx = -1; inctx = 0
			top = s; sub(/:.*/, "", top)
			if (top == "handoffs") { ctx = 0; dash = -1 }
			next
		}
		if (top == "questions" && ind == 2 && s ~ /^- id: /) print "Q\t" trim(substr(s, 7))
		if (top == "checklist" && ind == 2 && s ~ /^id: /) cid = trim(substr(s, 5))
		if (top == "packet") {
			if (ind == 2) {
				inctx = (s ~ /^context:/)
				if (inctx && s ~ /\[/) { n = split(flow(substr(s, index(s, "["))), a, " "); for (i = 1; i <= n; i++) print "P\t" a[i] }
			} else if (inctx && s ~ /^- /) print "P\t" trim(substr(s, 3))
			next
		}
		if (s ~ /^items:$/) { flush(); ctx = ind; dash = -1; next }
		if (ctx < 0) next
		if (s ~ /^- id: / && ind >= ctx && (dash < 0 || ind == dash)) {
			flush(); dash = ind; kind = (top == "handoffs") ? "R" : "I"
			eid = trim(substr(s, 7)); where = FILENAME ":" FNR
			next
		}
		if (ind <= ctx || ind < dash) { flush(); ctx = -1; next }
		if (kind == "") next
		if (ind == dash + 2 && match(s, /^[a-z_]+:/)) {
			field = substr(s, 1, RLENGTH - 1); v = trim(substr(s, RLENGTH + 1))
			fold = (v ~ /^[>|]/)
			if (fold) v = ""
			else if (v ~ /^\[/) v = flow(v)
			f[field] = v
			next
		}
		if (ind > dash + 2 && (field == "questions" || field == "steps") && s ~ /^- /)
			f[field] = f[field] (f[field] == "" ? "" : " ") trim(substr(s, 3))
		else if (ind > dash + 2 && (field == "when" || field == "done"))
			f[field] = f[field] (f[field] == "" ? "" : " ") s
	}
	END { flush() }' "$1"/journeys/*.yaml "$1"/checklists/*.yaml > content.tsv

	awk -F'\t' '
	# --- Conditions (airejse-content(5), CONDITIONS), evaluated for a
	# project that follows only track TRK. track(...) is known; with
	# UNASKED set, an atom on a question TRK never asks is false (it can
	# never have an answer); every other atom may go either way ("?").
	# RV is the value (T, F or ?), RN the questions named by the part of
	# the condition that is not settled already.
	function lex(e,    n, c, j) {
		n = 0; split("", tok)
		while (e != "") {
			c = substr(e, 1, 1)
			if (c ~ /[ \t]/) { e = substr(e, 2); continue }
			if (c == "(" || c == ")") { tok[++n] = c; e = substr(e, 2); continue }
			if (c == "\047" || c == "\"") {
				j = index(substr(e, 2), c)
				if (j == 0) return -1
				tok[++n] = "\047"; e = substr(e, j + 2); continue
			}
			if (match(e, /^(==|!=|<=|>=|<|>)/) || match(e, /^[A-Za-z0-9_.+-]+/)) {
				tok[++n] = substr(e, 1, RLENGTH); e = substr(e, RLENGTH + 1); continue
			}
			return -1
		}
		tok[n + 1] = ""
		return n
	}
	function isop(t) { return t ~ /^(==|!=|<|<=|>|>=|includes)$/ }
	function atom(names,    a, n, i, v, nm) {
		n = split(names, a, " "); v = "?"; nm = ""
		for (i = 1; i <= n; i++) if (a[i] in isq) {
			nm = nm " " a[i]
			if (UNASKED && !((TRK SUBSEP a[i]) in ask)) v = "F"
		}
		RV = v; RN = (v == "?") ? nm : ""
	}
	function p_primary(    t, a) {
		t = tok[pos]
		if (t == "(") {
			pos++; p_or()
			if (tok[pos] != ")") perr = 1
			pos++; return
		}
		if (t ~ /^(answered|unknown|track)$/ && tok[pos + 1] == "(") {
			a = tok[pos + 2]
			if (tok[pos + 3] != ")") perr = 1
			pos += 4
			if (t == "track") { RV = (a == TRK) ? "T" : "F"; RN = ""; return }
			atom(a); return
		}
		if (t == "" || t == ")" || t ~ /^(and|or|not)$/ || isop(t)) {
			perr = 1; pos++; RV = "?"; RN = ""; return
		}
		pos++
		if (isop(tok[pos])) { a = tok[pos + 1]; pos += 2; atom(t " " a); return }
		atom(t)
	}
	function p_not() {
		if (tok[pos] != "not") { p_primary(); return }
		pos++; p_not()
		RV = (RV == "T") ? "F" : (RV == "F") ? "T" : "?"
	}
	function p_and(    v, n) {
		p_not(); v = RV; n = RN
		while (tok[pos] == "and") {
			pos++; p_not(); n = n RN
			v = (v == "F" || RV == "F") ? "F" : (v == "T" && RV == "T") ? "T" : "?"
		}
		RV = v; RN = (v == "?") ? n : ""
	}
	function p_or(    v, n) {
		p_and(); v = RV; n = RN
		while (tok[pos] == "or") {
			pos++; p_and(); n = n RN
			v = (v == "T" || RV == "T") ? "T" : (v == "F" && RV == "F") ? "F" : "?"
		}
		RV = v; RN = (v == "?") ? n : ""
	}
	function ev(e, trk, unasked, what) {
		TRK = trk; UNASKED = unasked; perr = 0; RN = ""
		if (e == "") { RV = "T"; return }
		if (lex(e) < 0) perr = 1
		else { pos = 1; p_or(); if (tok[pos] != "") perr = 1 }
		if (perr) { printf "FAIL %s: cannot read the condition of %s: %s\n", trk, what, e; RV = "?"; RN = "" }
	}
	# unasked(LIST, T): the questions of LIST that track T never asks,
	# each once.
	function unasked(list, t,    a, n, i, r, seen) {
		n = split(list, a, " "); r = ""; split("", seen)
		for (i = 1; i <= n; i++)
			if ((a[i] in isq) && !((t SUBSEP a[i]) in ask) && !(a[i] in seen)) {
				seen[a[i]] = 1; r = r (r == "" ? "" : " ") a[i]
			}
		return r
	}
	function asksany(list, t,    a, n, i) {
		n = split(list, a, " ")
		for (i = 1; i <= n; i++) if ((t SUBSEP a[i]) in ask) return 1
		return 0
	}
	$1 == "A" { ask[$2 SUBSEP $3] = 1; isq[$3] = 1; if (!($2 in istrack)) { istrack[$2] = 1; trk[++nt] = $2 }; next }
	$1 == "Q" { isq[$2] = 1; next }
	$1 == "P" { ctxq = ctxq " " $2; next }
	$1 == "R" { nr++; rid[nr] = $2; rwhen[nr] = $3; rqs[nr] = $4; next }
	$1 == "I" { ni++; iid[ni] = $2; iwhen[ni] = $3; idone[ni] = $4; iqs[ni] = $5; isteps[ni] = $6; next }
	END {
		if (nt < 3 || nr < 20 || ni < 50 || ctxq == "") {
			printf "FAIL: read %d tracks, %d hand-off rules, %d checklist items and context \"%s\"; the reader of the content is out of step with its layout\n", nt, nr, ni, ctxq
			exit
		}
		for (k = 1; k <= nt; k++) {
			t = trk[k]
			if ((m = unasked(ctxq, t)) != "")
				printf "FAIL %s: the hand-off packet gives as context %s, which the track never asks\n", t, m
			for (r = 1; r <= nr; r++) {
				ev(rwhen[r], t, 0, "hand-off " rid[r])
				if (RV == "F") { printf "note %s: hand-off %s is for other tracks\n", t, rid[r]; continue }
				live = unasked(RN, t)
				ev(rwhen[r], t, 1, "hand-off " rid[r])
				if (RV == "F")
					printf "FAIL %s: hand-off %s can never be raised: its condition rests on %s, which the track never asks\n", t, rid[r], live
				else if (live != "")
					printf "FAIL %s: hand-off %s reacts to %s, which the track never asks\n", t, rid[r], live
				if ((m = unasked(rqs[r], t)) != "")
					printf "FAIL %s: hand-off %s asks the role %s, which the track never asks\n", t, rid[r], m
			}
			for (i = 1; i <= ni; i++) {
				named = (" " isteps[i]) ~ (" " t "/")
				ev(iwhen[i], t, 1, "item " iid[i])
				if (RV == "F" || !asksany(iqs[i], t)) {
					if (named)
						printf "FAIL %s: checklist item %s names a step of the track but never applies there (questions %s)\n", t, iid[i], iqs[i]
					else
						printf "note %s: checklist item %s never applies (questions %s)\n", t, iid[i], iqs[i]
					continue
				}
				if (idone[i] == "") continue
				ev(idone[i], t, 0, "item " iid[i]); live = unasked(RN, t)
				ev(idone[i], t, 1, "item " iid[i])
				if (RV == "F")
					printf "FAIL %s: checklist item %s can never be done: its done condition rests on %s, which the track never asks\n", t, iid[i], live
			}
		}
	}' asked.tsv content.tsv
}

# 1. The checker finds what it is meant to find: a copy of the content with
# a rule for every track that rests on a question only rsd-indkoeb asks, a
# rule limited to that track, a rule for the other tracks that can never be
# raised in them, and an item that can never be done outside rsd-indkoeb.
mkdir probe
cp -R "$TOP/journeys" "$TOP/checklists" probe/
cat >> probe/journeys/handoffs.yaml <<'EOF'

  - id: probe-alle
    role: kliniker
    when: unknown(strategigruppe_prioriteret) or unknown(klinisk_behov)
    reason: {da: Prøve., en: Probe.}
    questions: [klinisk_behov, strategigruppe_prioriteret]
  - id: probe-rsd
    role: kliniker
    when: track(rsd-indkoeb) and (unknown(strategigruppe_prioriteret) or answered(strategigruppe_prioriteret))
    reason: {da: Prøve., en: Probe.}
    questions: [strategigruppe_prioriteret]
  - id: probe-aldrig
    role: kliniker
    when: not track(rsd-indkoeb) and strategigruppe_prioriteret == nej
    reason: {da: Prøve., en: Probe.}
    questions: [klinisk_behov]
EOF
cat > probe/checklists/zz-probe.yaml <<'EOF'
format: 1
checklist:
  id: probe
  title: {da: Prøve, en: Probe}
  summary: {da: Prøve., en: Probe.}
  source: probe.txt
  sections:
    - id: s
      title: {da: Prøve, en: Probe}
      items:
        - id: aldrig-faerdig
          title: {da: Prøve, en: Probe}
          questions: [klinisk_behov, strategigruppe_prioriteret]
          steps: [ny-ide/undren]
          done: >-
            answered(klinisk_behov) and
            strategigruppe_prioriteret == ja
EOF
reach probe > probe.txt
p=$(cat probe.txt)
contains "$p" "FAIL ny-ide: hand-off probe-alle reacts to strategigruppe_prioriteret, which the track never asks"
contains "$p" "FAIL faerdigt-produkt: hand-off probe-alle asks the role strategigruppe_prioriteret, which the track never asks"
contains "$p" "FAIL ny-ide: hand-off probe-aldrig can never be raised: its condition rests on strategigruppe_prioriteret, which the track never asks"
contains "$p" "FAIL faerdigt-produkt: hand-off probe-aldrig can never be raised"
contains "$p" "note rsd-indkoeb: hand-off probe-aldrig is for other tracks"
contains "$p" "note ny-ide: hand-off probe-rsd is for other tracks"
contains "$p" "FAIL ny-ide: checklist item probe/aldrig-faerdig can never be done: its done condition rests on strategigruppe_prioriteret"
lacks "$p" "FAIL rsd-indkoeb: hand-off probe"
lacks "$p" "FAIL ny-ide: hand-off probe-rsd"
lacks "$p" "FAIL rsd-indkoeb: checklist item probe/"
lacks "$p" "cannot read"
lacks "$p" "out of step"

# 2. The shipped content.
reach "$TOP" > reach.txt
fails=$(grep '^FAIL' reach.txt)
[ -z "$fails" ] || fail "hand-offs and checklist items that cannot do their job in a track (all findings in reach.txt):
$fails"

# 3. End to end, in a project of each track on its own: the answers these
# rules and items rest on can be given, and they raise the hand-offs.
export AIREJSE_CONTENT="$TOP" AIREJSE_DB="$PWD/r.db" AIREJSE_NOW=2026-11-23T10:00:00Z
A() { "$AIREJSE" --lang en "$@"; }
n=0
for t in ny-ide faerdigt-produkt rsd-indkoeb; do
	run 0 A project new --journey "$t" --name "Spor $t"
	n=$((n + 1))
	run 0 A answer $n persondata ja
	run 0 A answer $n persondata_typer helbredsoplysninger,billeder
	run 0 A answer $n ce_maerket nej
	run 0 A answer $n medicinsk_udstyr ja
	run 0 A answer $n aftale_foer_validering ja
	while read -r q v; do
		run 0 A answer $n "$q" "$v"
	done <<-EOF
	patientgruppe Voksne med mistanke om prostatakræft
	lovgivning_mdr_ivdr mdr
	risikoklasse klasse-iia
	finansiering_etablering 350000
	finansiering_afklaret nej
	aftale_dato 2026-10-15
	markedsdialog_form moeder
	markedsdialog_ligebehandling ja
	retrospektiv_resultat Sensitivitet 0,91 på 400 lokale skanninger.
	lokal_ydeevne_ok nej
	kontraktperiode_aar 4
	kontrakt_opdateringer ved ikke
	kontraktvaerdi 900000
	evaluering_anbefaling koeb
	EOF
	run 0 A answer $n risikoklasse "ved ikke"
	run 0 A handoffs $n
	for h in dpo-foelsomme-oplysninger innovation-finansiering kliniker-lokal-ydeevne \
	    it-ved-ikke indkoeb-under-taerskel mdr-klassifikation; do
		contains "$out" "$h"
	done
done
# A don't-know on whether the region makes the product itself (asked only
# in Ny idé) brings the MDR team the in-house conditions.
run 0 A answer 1 egenudviklet "ved ikke"
contains "$out" "mdr-in-house"
exit 0
