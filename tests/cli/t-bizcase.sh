# SPDX-License-Identifier: EUPL-1.2
# The business case in figures, end to end: answers typed as a user
# types them, the site's settings, and the same figures in every format.
# The project is the one tests/unit/test_bizcase.c works out by hand
# (total cost of ownership 1.175.000 kr., net 509.000 kr., NPV at 3,5 %
# 425.686 kr., paid back in year 3), then with the site's own settings.
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/pinned.sh"

A() { "$AIREJSE" --db bc.db "$@"; }
run 0 A project new --journey faerdigt-produkt --name "Tale til notat – Åbenrå"

# Missing answers are named by their text, never guessed.
run 0 A answer 1 driftsomkostning_aar "120.000 kr."
run 0 A answer 1 opgave_timer_aar "ved ikke"
run 0 A export 1 --what business-case --format md -o -
contains "$out" "»Hvor meget koster etableringen (kr.)?« (ikke besvaret)"
contains "$out" "»Hvor mange timer om året bruger personalet i dag på den opgave, produktet skal lette?« (besvaret »ved ikke«)"
contains "$out" "| I alt | – | 600.000 kr. | – | – | – | – | – |"
lacks "$out" "Tjent hjem:** År"

run 0 A answer 1 finansiering_etablering "350.000 kr."
run 0 A answer 1 personaletid_drift_timer_aar 100
run 0 A answer 1 opgave_timer_aar 1.760
run 0 A answer 1 forventet_tidsbesparelse "30 %"
run 0 A answer 1 opgave_personalegruppe laege
run 0 A answer 1 anden_gevinst_aar "20.000 kr."
run 0 A answer 1 business_case_beslutning indkoeb
run 0 A answer 1 alternativ_etablering "1,2 mio. kr."
run 0 A answer 1 alternativ_drift_aar "50.000 kr."

run 0 A export 1 --what business-case --format md -o -
md=$out
lacks "$md" "Det mangler for at regne tallene ud"
contains "$md" "**Den beslutning, der søges:** Godkend indkøbet"
contains "$md" "**Samlede ejeromkostninger over 5 år:** 1.175.000 kr."
contains "$md" "**Gevinst over 5 år:** 1.684.000 kr."
contains "$md" "**Netto over 5 år:** 509.000 kr."
contains "$md" "**Nettonutidsværdi ved 3,5 % om året:** 425.686 kr."
contains "$md" "**Tjent hjem:** År 3"
contains "$md" "| År 0 | 350.000 kr. | 0 kr. | 0 kr. | 0 kr. | -350.000 kr. | -350.000 kr. | -350.000 kr. |"
contains "$md" "| År 2 | 0 kr. | 120.000 kr. | 45.000 kr. | 336.800 kr. | 171.800 kr. | -6.400 kr. | 160.377 kr. |"
contains "$md" "| I alt | 350.000 kr. | 600.000 kr. | 225.000 kr. | 1.684.000 kr. | 509.000 kr. | – | 425.686 kr. |"
contains "$md" "600 kr. i timen for Læger (programmets standard"
# The other way: building for 1,2 mio. kr. and 50.000 kr. a year.
contains "$md" "| Byg produktet (udvikl det selv) | 1.200.000 kr. | 50.000 kr. | 1.675.000 kr. | 9.000 kr. |"

# The same figures in every format.
run 0 A export 1 --what business-case --format html -o -
contains "$out" "<td>425.686 kr.</td>"
contains "$out" "<th scope=\"row\">År 3</th><td>0 kr.</td><td>120.000 kr.</td><td>45.000 kr.</td><td>336.800 kr.</td><td>171.800 kr.</td><td>165.400 kr.</td><td>154.954 kr.</td>"
run 0 A export 1 --what business-case --format csv -o -
contains "$out" "Business case;Sammendrag;npv;Nettonutidsværdi ved 3,5 % om året;;;;425.686 kr.;"
contains "$out" "Business case;År for år;year-3/cumulative;År 3: Akkumuleret;;;;165.400 kr.;"
run 0 A export 1 --what business-case --format json -o -
echo "$out" > bc.json
/usr/bin/python3 - <<'EOF' || fail "the JSON figures are not the hand-worked ones"
import json
f = json.load(open("bc.json"))["checklists"][0]["figures"]
t = f["totals"]
assert f["complete"] and f["route"] == "buy" and f["horizon_years"] == 5
assert f["discount_rate_percent"] == 3.5 and f["hourly_rate_task"] == 600
assert (t["total_cost_of_ownership"], t["net"], t["net_present_value"], t["payback_year"]) == \
    (1175000, 509000, 425686, 3), t
assert [y["cumulative"] for y in f["years"]] == [-350000, -178200, -6400, 165400, 337200, 509000]
assert f["sources"]["benefit"] == ["opgave_timer_aar", "forventet_tidsbesparelse",
    "opgave_personalegruppe", "anden_gevinst_aar"], f["sources"]
assert f["missing"] == [] and f["alternatives"]["other_way"]["net"] == 9000
EOF
run 0 A export 1 --what business-case --format xlsx -o bc.xlsx
# The NPV is a number cell.
unzip -p bc.xlsx 'xl/worksheets/sheet*.xml' | grep -q '<v>425686</v>' ||
	fail "the NPV is not a number cell in the xlsx"
if command -v pdftotext >/dev/null 2>&1; then
	run 0 A export 1 --what business-case --format pdf -o bc.pdf
	pdftotext bc.pdf bc.txt
	contains "$(cat bc.txt)" "425.686 kr."
fi

# The site's settings: a dearer doctor, ten years, 5 % a year. 528 h ×
# 700 kr. + 20.000 kr. = 389.600 kr. a year.
cat > config.yaml <<'EOF'
hourly_rates:
  laege: 700
horizon_years: 10
discount_rate: 5
EOF
run 0 A export 1 --what business-case --format md -o -
contains "$out" "**Gevinst over 10 år:** 3.896.000 kr."
contains "$out" "Nettonutidsværdi ved 5 % om året:"
contains "$out" "700 kr. i timen for Læger (regionens indstilling hourly\\_rates: laege)"
contains "$out" "10 års drift efter etableringen (regionens indstilling horizon\\_years)"
run 0 A --lang en export 1 --what business-case --format md -o -
contains "$out" "**Net present value at 5% a year:**"
contains "$out" "DKK 3,896,000"

# A wrong setting is refused where it is written.
printf 'discount_rate: 3.125\n' > config.yaml
run 78 A export 1 --what business-case --format md -o -
contains "$err" "config.yaml:1:16"
contains "$err" "discount_rate"
exit 0
