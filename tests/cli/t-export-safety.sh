# SPDX-License-Identifier: EUPL-1.2
# export: nothing in a project lets data execute. HTML is escaped and has
# no scripts or outside resources; CSV cells that a spreadsheet would run
# are neutralised; Markdown shows tags as text.
. "$TOP/tests/cli/lib.sh"
AIREJSE_CONTENT=$TOP AIREJSE_LOCALEDIR=$TOP/locale AIREJSE_NOW=2026-11-23T10:00:00Z
export AIREJSE_CONTENT AIREJSE_LOCALEDIR AIREJSE_NOW

A() { "$AIREJSE" --db s.db "$@"; }

run 0 A project new --journey faerdigt-produkt --name '<script>alert("navn")</script> & co'
run 0 A answer 1 klinisk_behov "<script>alert('svar')</script>"
run 0 A answer 1 formaal '<img src=x onerror=alert(1)> "citat" & <a href="javascript:x">'
run 0 A answer 1 patientgruppe '=HYPERLINK("http://evil.example";"klik")'
run 0 A answer 1 brugere_og_sted '+45 12 34 56 78'
run 0 A answer 1 leverandoer '@SUM(A1:A9)'
run 0 A answer 1 eksisterende_produkter -- '-1+2'

run 0 A export 1 --format html -o all.html
html=$(cat all.html)
lacks "$html" "<script"
lacks "$html" "<img"
lacks "$html" "<a "
lacks "$html" "<link"
lacks "$html" "<iframe"
lacks "$html" "url("
lacks "$html" "@import"
contains "$html" "&lt;script&gt;alert(&quot;navn&quot;)&lt;/script&gt; &amp; co"
contains "$html" "&lt;script&gt;alert(&#39;svar&#39;)&lt;/script&gt;"
contains "$html" "&lt;img src=x onerror=alert(1)&gt; &quot;citat&quot; &amp; &lt;a href=&quot;javascript:x&quot;&gt;"
contains "$html" "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
contains "$html" "@media print"
# Only the page's own tags.
for tag in $(grep -o '<[a-zA-Z!][a-zA-Z0-9]*' all.html | sort -u); do
	case " <!DOCTYPE <body <br <dd <div <dl <dt <h1 <h2 <h3 <head <html <li <meta <p <span <style <table <tbody <td <th <thead <title <tr <ul " in
	*" $tag "*) ;;
	*) fail "unexpected tag in the HTML: $tag" ;;
	esac
done

run 0 A export 1 --what business-case --format csv -o bc.csv
csv=$(cat bc.csv)
contains "$csv" ";\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"klik\"\")\";"
contains "$csv" ";\"'+45 12 34 56 78\";"
contains "$csv" ";\"'@SUM(A1:A9)\";"
lacks "$csv" ";=HYPERLINK"
lacks "$csv" ";+45"
lacks "$csv" ";@SUM"
run 0 A export 1 --what indkoeb --format csv -o tjek.csv
contains "$(cat tjek.csv)" ";\"'-1+2\";"
# Project names are data too: the first column of every row.
contains "$(cat tjek.csv)" "Indkøbstjekliste;"

run 0 A export 1 --what business-case --format md
contains "$out" "\\<script\\>alert('svar')\\</script\\>"
contains "$out" "# Business case – \\<script\\>alert(\"navn\")\\</script\\> \\& co"

# In xlsx, text is a string cell, never a formula.
run 0 A export 1 --what business-case --format xlsx -o bc.xlsx
lacks "$(unzip -p bc.xlsx 'xl/worksheets/sheet1.xml')" "<f>"
contains "$(unzip -p bc.xlsx xl/sharedStrings.xml)" '<t>=HYPERLINK("http://evil.example";"klik")</t>'
exit 0
