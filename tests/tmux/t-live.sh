# SPDX-License-Identifier: EUPL-1.2
# Screens follow other users' changes: with a screen open, another
# process (the command line) answers a question; the screen shows it
# without a key pressed, says who changed which project, and keeps the
# selected project and question. An answer being typed survives the
# reload, and saving it is then a conflict showing both values. While
# nothing changes the program sleeps.
. "$TOP/tests/tmux/lib.sh"
AIREJSE_DB=$(store_db t)
export AIREJSE_CONTENT="$TOP/tests/tui/content" AIREJSE_DB
# Made in the same second, on purpose (on a busy machine two real
# starts could fall in two seconds and swap the list's order).
AIREJSE_NOW=2026-12-01T10:00:00Z "$AIREJSE" project new --journey demo --name "Klinik Øst" >/dev/null
AIREJSE_NOW=2026-12-01T10:00:00Z "$AIREJSE" project new --journey demo --name "Røntgen Vest" >/dev/null
env_cmd="env AIREJSE_CONTENT='$AIREJSE_CONTENT' AIREJSE_DB='$AIREJSE_DB'"

# The row the terminal's cursor is on: the selected one.
cursor_line() {
	screen | sed -n "$(($(tm display -p -t t '#{cursor_y}') + 1))p"
}
# wait_gone_text TEXT: polls until TEXT is no longer on the screen.
wait_gone_text() {
	i=0
	while [ $i -lt 100 ]; do
		screen | grep -qF -- "$1" || return 0
		sleep 0.1
		i=$((i + 1))
	done
	screen
	fail "'$1' stayed on the screen"
}
# The CPU time the program used so far, in clock ticks.
cpu_ticks() {
	awk '{ print $14 + $15 }' "/proc/$(tm display -p -t t '#{pane_pid}')/stat"
}

start 100x30 "exec $env_cmd '$AIREJSE' --lang da --user Mette"
wait_for "Projekter: 2 projekter"
# Both were made in the same second: Klinik Øst is listed first.
keys j
wait_for "Næste"
cursor_line | grep -qF "Røntgen Vest" || fail "j did not select Røntgen Vest: $(cursor_line)"
# Idle: the look at the database each second costs next to nothing.
c0=$(cpu_ticks)
sleep 3
c1=$(cpu_ticks)
[ $((c1 - c0)) -le 3 ] || fail "the idle program used $((c1 - c0)) ticks of CPU in 3 s"
# Another process answers in Røntgen Vest, which moves to the top of
# the list (the latest changed first): it stays selected, by what it is.
"$AIREJSE" --user Jens answer 2 titel "Fra Jens" >/dev/null
wait_for "Opdateret: Jens ændrede \"Røntgen Vest\"."
screen | grep -qF "1/11 besvaret" || fail "the list does not show the new answer"
screen | sed -n 2p | grep -qF "Røntgen Vest" || fail "Røntgen Vest did not move to the top"
cursor_line | grep -qF "Røntgen Vest" || fail "the selection moved: $(cursor_line)"
keys q
wait_gone

# The journey, in English: the second question selected.
start 100x30 "exec $env_cmd '$AIREJSE' --lang en --user Mette"
wait_for "Projects: 2 projects"
keys Enter
wait_for "Next:"
keys Tab j
wait_for "> Questions"
cursor_line | grep -qF "2. Describe the need." || fail "j did not select question 2: $(cursor_line)"
"$AIREJSE" --user Jens answer 2 titel "Nyt navn fra Jens" >/dev/null
wait_for "Nyt navn fra Jens"
wait_for "Updated: Jens changed \"Røntgen Vest\"."
screen | grep -qF "1/5 answered" || fail "the step's count did not follow"
cursor_line | grep -qF "2. Describe the need." || fail "the selection moved: $(cursor_line)"

# An answer being typed when another's arrives: kept, then a conflict.
keys k Enter
wait_for "Question 1 of 5"
keys C-u "Mit udkast æøå"
wait_for "Mit udkast æøå"
"$AIREJSE" --user Jens answer 2 titel "Jens igen" >/dev/null
wait_for "Updated: Jens changed"
screen | grep -qF "Question 1 of 5" || fail "the reload closed the dialog"
screen | grep -qF "Mit udkast æøå" || fail "the reload lost the text typed"
keys Enter
wait_for "Conflict"
wait_for "Keep theirs (Jens, cli): Jens igen"
wait_for "Use mine: Mit udkast æøå"
"$AIREJSE" --lang en project show 2 | grep -qF "titel: Jens igen" ||
    fail "the stale save was not refused: $("$AIREJSE" --lang en project show 2 | grep titel)"
# Mine, chosen knowingly, over the revision now stored.
keys Down Enter
wait_for "Mit udkast æøå"
wait_gone_text "Conflict"
"$AIREJSE" --lang en project show 2 | grep -qF "titel: Mit udkast æøå" ||
    fail "mine was not saved after the conflict"
keys Q
wait_gone

# The search follows too: another's answer that matches appears in the
# results, and the match selected stays selected. In Danish, the field
# labels line up whatever their letters.
start 100x30 "exec $env_cmd '$AIREJSE' --lang da --user Mette"
wait_for "Projekter: 2 projekter"
keys Enter
wait_for "Næste"
keys /
wait_for "Søg"
keys "udkast|Beskriv behovet" Enter
wait_for "Søgning \"udkast|Beskriv behovet\": 3 resultater"
keys j
"$AIREJSE" --user Jens answer 2 beskrivelse "Et udkast fra Jens" >/dev/null
wait_for "Søgning \"udkast|Beskriv behovet\": 4 resultater"
screen | grep -qF " spørgsmål  Beskriv behovet." ||
    fail "the labels are not in one column: $(screen)"
screen | grep -qF " svar       Et udkast fra Jens" ||
    fail "the labels are not in one column: $(screen)"
cursor_line | grep -qF "Mit udkast æøå" || fail "the selection moved: $(cursor_line)"
keys Q
wait_gone

# A dialog acts on the project it was opened for: another user archives
# it while its rename dialog is open; the reload moves the selection to
# the other project, which Enter must not rename.
start 100x30 "exec $env_cmd '$AIREJSE' --lang da --user Mette"
wait_for "Projekter: 2 projekter"
cursor_line | grep -qF "Røntgen Vest" || fail "Røntgen Vest is not selected: $(cursor_line)"
keys r
wait_for "Omdøb projekt"
keys C-u "Nyt navn"
"$AIREJSE" --user Jens project delete "Røntgen Vest" 2>/dev/null
wait_for "Projekter: 1 projekt"
keys Enter
wait_for "arkiveret"
"$AIREJSE" project list --format tsv | grep -qF "Klinik Øst" ||
    fail "the other project was renamed: $("$AIREJSE" project list --format tsv)"
keys Q
wait_gone
exit 0
