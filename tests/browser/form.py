# SPDX-License-Identifier: EUPL-1.2
"""The hand-off packet as a form, in a real browser (headless Chromium
through Selenium), as a person would use it: open the page from a file,
fill in every kind of field, see a wrong value flagged before saving,
reload and find what was typed, save with the keyboard, and import the
saved file. The page must ask nothing of the network, every field must
have a name a screen reader reads, and it must print without its
buttons. Last, the page's reader and airejse's own must agree on a few
thousand inputs.

Run by tests/browser/t-form.sh (which makes the database) with Debian's
python3; $AIREJSE is the program, $VALUEREAD the reader's test tool."""

import json
import os
import random
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

AIREJSE = os.environ["AIREJSE"]
VALUEREAD = os.environ["VALUEREAD"]
CWD = os.getcwd()


def fail(msg):
    print("FAIL: " + msg, file=sys.stderr)
    sys.exit(1)


def airejse(*args, status=0):
    p = subprocess.run([AIREJSE, "--db", "export.db"] + list(args),
                       capture_output=True, text=True)
    if p.returncode != status:
        fail("airejse %s: exit %d, expected %d\nstdout: %s\nstderr: %s" % (
            " ".join(args), p.returncode, status, p.stdout, p.stderr))
    return p


def browser(download_dir):
    o = webdriver.ChromeOptions()
    o.binary_location = "/usr/bin/chromium"
    profile = tempfile.mkdtemp(prefix="profile-", dir=CWD)
    for a in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
              "--no-first-run", "--disable-background-networking",
              "--disable-component-update", "--disable-sync",
              "--disable-dev-shm-usage", "--lang=da",
              "--user-data-dir=" + profile,
              # Should the page ask for anything, it finds nothing.
              "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND"]:
        o.add_argument(a)
    o.add_experimental_option("prefs", {
        "download.default_directory": download_dir,
        "download.prompt_for_download": False,
        "profile.default_content_setting_values.automatic_downloads": 1,
    })
    o.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
    d.execute_cdp_cmd("Page.setDownloadBehavior",
                      {"behavior": "allow", "downloadPath": download_dir})
    return d


def requests_made(d):
    """Every URL the page asked for, from the DevTools log."""
    urls = []
    for e in d.get_log("performance"):
        m = json.loads(e["message"])["message"]
        if m["method"] == "Network.requestWillBeSent":
            urls.append(m["params"]["request"]["url"])
    return urls


def no_network(d, page):
    """Nothing but the page itself, the saved files (blob:) and the
    browser's own pages (its new tab) was asked for."""
    urls = requests_made(d)
    if page not in urls:
        fail("the DevTools log did not see the page itself: %r" % urls)
    for u in urls:
        if u != page and u.split(":")[0] not in ("blob", "data", "chrome", "about",
                                                 "chrome-untrusted"):
            fail("the page asked for " + u)


def no_errors(d):
    for e in d.get_log("browser"):
        if e["level"] == "SEVERE":
            fail("the browser reported: " + e["message"])


def box(d, pi, q):
    return d.find_element(By.ID, "a-%d-%s-box" % (pi, q))


def field(d, pi, q):
    return d.find_element(By.ID, "a-%d-%s" % (pi, q))


def error_text(d, pi, q):
    e = d.find_element(By.ID, "a-%d-%s-error" % (pi, q))
    return e.text if e.is_displayed() else ""


def radio(d, pi, q, value):
    for r in box(d, pi, q).find_elements(By.CSS_SELECTOR, "input[type=radio],input[type=checkbox]"):
        if r.get_attribute("value") == value:
            return r
    fail("no choice %s for %s" % (value, q))


def packet_index(d, role):
    data = json.loads(d.find_element(By.ID, "airejse-data").get_attribute("textContent"))
    for p in data["packets"]:
        if p["role"] == role:
            return p["index"]
    fail("no packet for " + role)


def wait_file(path, timeout=20):
    end = time.time() + timeout
    while time.time() < end:
        if os.path.exists(path) and not os.path.exists(path + ".crdownload"):
            with open(path, encoding="utf-8") as f:
                text = f.read()
            if text.endswith("\n"):
                return json.loads(text)
        time.sleep(0.1)
    fail("no file %s was saved" % path)


def cli_message(question, value):
    """What 'airejse answer' says of value, after the question's name."""
    p = airejse("answer", "1", question, value, status=65)
    msg = p.stderr.strip()
    return msg[msg.index('": ') + 3:]


def fill_and_save(d, page, downloads):
    jur = packet_index(d, "jurist")
    ind = packet_index(d, "indkoebskonsulent")
    inn = packet_index(d, "innovationskonsulent")

    # A wrong number is flagged as the person leaves the field, in the
    # program's words.
    f = field(d, ind, "kontraktperiode_aar")
    f.send_keys("mange")
    f.send_keys(Keys.TAB)
    want = cli_message("kontraktperiode_aar", "mange")
    got = error_text(d, ind, "kontraktperiode_aar")
    if got != want:
        fail("the page says %r of 'mange', airejse says %r" % (got, want))
    if f.get_attribute("aria-invalid") != "true":
        fail("a wrong value is not marked invalid for a screen reader")
    # Saving is refused, and says why; no file is written.
    d.find_element(By.ID, "respondent-%d" % ind).send_keys("Mette Madsen")
    d.find_element(By.CSS_SELECTOR, "#form-%d button" % ind).click()
    status = d.find_element(By.ID, "status-%d" % ind).text
    if "rettes" not in status:
        fail("saving with a wrong answer said: " + status)
    if d.switch_to.active_element != f:
        fail("the first wrong answer does not get the focus")
    # Amounts as the program reads them: 0,5 kr. is not whole kroner.
    a = field(d, inn, "finansiering_etablering")
    a.send_keys("12,50 kr.")
    a.send_keys(Keys.TAB)
    want = cli_message("finansiering_etablering", "12,50 kr.")
    if error_text(d, inn, "finansiering_etablering") != want:
        fail("amount: %r, expected %r" % (error_text(d, inn, "finansiering_etablering"), want))
    a.clear()
    a.send_keys("2,4 mio. kr.")
    a.send_keys(Keys.TAB)
    if error_text(d, inn, "finansiering_etablering") != "":
        fail("2,4 mio. kr. is an amount, the page says: " + error_text(d, inn, "finansiering_etablering"))
    read = d.find_element(By.ID, "a-%d-finansiering_etablering-read" % inn).text
    if "2.400.000 kr." not in read:
        fail("the page does not say how it read the amount: " + read)
    # Corrected, the error goes.
    f.clear()
    f.send_keys("4")
    if error_text(d, ind, "kontraktperiode_aar") != "":
        fail("a corrected value is still flagged")

    # Every other kind of field: radio buttons, a date, check boxes, a
    # line and a text area with Danish letters, "ved ikke".
    radio(d, ind, "udbudsform", "ved ikke").click()
    radio(d, ind, "kravspecifikation_godkendt", "ja").send_keys(Keys.SPACE)
    date = field(d, ind, "udbud_dato")
    d.execute_script("arguments[0].focus()", date)
    date.send_keys("03012027")
    if date.get_attribute("value") != "2027-03-01":
        # The order of a date field's parts follows the browser's
        # language; set it as a picker would.
        d.execute_script("arguments[0].value='2027-03-01';"
                         "arguments[0].dispatchEvent(new Event('input',{bubbles:true}));"
                         "arguments[0].dispatchEvent(new Event('change',{bubbles:true}))", date)
    radio(d, inn, "finansieringskilder", "fond").click()
    radio(d, inn, "finansieringskilder", "regional-pulje").click()
    radio(d, inn, "finansiering_afklaret", "nej").click()
    d.find_element(By.ID, "respondent-%d" % inn).send_keys("Ida Innovation")
    field(d, jur, "retsgrundlag").send_keys("Sundhedsloven § 42 d;\nGDPR art. 6(1)(e) og 9(2)(h) — ærø, Øster, Åby")
    field(d, jur, "leverandoer").send_keys("Scribe ApS – Århus")
    radio(d, jur, "persondata_formaal", "ja").click()
    radio(d, jur, "data_placering", "leverandoer-eu").click()
    # "Ved ikke" on a field that is not a choice, then back.
    dk = d.find_element(By.ID, "a-%d-leverandoer-dk" % jur)
    dk.click()
    if field(d, jur, "leverandoer").is_enabled():
        fail("the field stays open beside its 'ved ikke'")
    dk.click()
    d.find_element(By.ID, "respondent-%d" % jur).send_keys("Søren Ærø")

    # Reloaded, the page keeps what was typed.
    d.refresh()
    if field(d, jur, "leverandoer").get_attribute("value") != "Scribe ApS – Århus":
        fail("the reload lost the text")
    if not radio(d, inn, "finansieringskilder", "fond").is_selected():
        fail("the reload lost a check box")
    if d.find_element(By.ID, "respondent-%d" % jur).get_attribute("value") != "Søren Ærø":
        fail("the reload lost the name")
    if field(d, ind, "udbud_dato").get_attribute("value") != "2027-03-01":
        fail("the reload lost the date")

    # Saved with the keyboard alone: Tab to the button, Enter.
    field(d, jur, "leverandoer").click()
    for _ in range(40):
        el = d.switch_to.active_element
        if el.tag_name == "button":
            break
        el.send_keys(Keys.TAB)
    else:
        fail("Tab never reaches the save button")
    d.switch_to.active_element.send_keys(Keys.ENTER)
    jurist = wait_file(os.path.join(downloads, "airejse-1-jurist-svar.json"))
    d.find_element(By.CSS_SELECTOR, "#form-%d button" % ind).click()
    indkoeb = wait_file(os.path.join(downloads, "airejse-1-indkoebskonsulent-svar.json"))
    d.find_element(By.CSS_SELECTOR, "#form-%d button" % inn).click()
    innov = wait_file(os.path.join(downloads, "airejse-1-innovationskonsulent-svar.json"))
    return jurist, indkoeb, innov


def check_files(jurist, indkoeb, innov):
    if jurist["schema"] != "airejse-handoff-answers" or jurist["role"] != "jurist":
        fail("not an answer file: %r" % jurist)
    if jurist["respondent"] != "Søren Ærø" or jurist["project"]["id"] != 1:
        fail("the answer file lost who or which project: %r" % jurist)
    got = {a["question"]: a["answer"] for a in jurist["answers"]}
    if got["leverandoer"] != "Scribe ApS – Århus" or got["persondata_formaal"] != "ja":
        fail("the jurist's answers: %r" % got)
    if "\n" not in got["retsgrundlag"] or got["databehandleraftale"] is not None:
        fail("the jurist's answers: %r" % got)
    got = {a["question"]: a["answer"] for a in indkoeb["answers"]}
    if got != {"udbudsform": "ved ikke", "udbud_dato": "2027-03-01",
               "kravspecifikation_godkendt": "ja", "kontraktperiode_aar": "4"}:
        fail("the procurement answers: %r" % got)
    got = {a["question"]: a["answer"] for a in innov["answers"]}
    if got["finansieringskilder"] != "regional-pulje,fond" and \
            got["finansieringskilder"] != "fond,regional-pulje":
        fail("the check boxes: %r" % got)
    if got["finansiering_etablering"] != "2,4 mio. kr.":
        fail("the amount as typed: %r" % got)


def imports(paths):
    for name in paths:
        airejse("--user", "lead", "import", name)
    out = airejse("history", "1", "finansiering_etablering", "--format", "tsv").stdout
    if "2400000" not in out:
        fail("the imported amount is not 2400000: " + out)
    out = airejse("history", "1", "leverandoer", "--format", "tsv").stdout
    if "Scribe ApS – Århus" not in out:
        fail("the imported text: " + out)
    out = airejse("history", "1", "udbud_dato", "--format", "tsv").stdout
    if "2027-03-01" not in out:
        fail("the imported date: " + out)


def accessible(d):
    """Every field, check box and radio button has a name a screen
    reader reads, from the page's accessibility tree."""
    tree = d.execute_cdp_cmd("Accessibility.getFullAXTree", {})
    roles = {"textbox", "radio", "checkbox", "button", "combobox", "spinbutton", "group"}
    seen = 0
    for n in tree["nodes"]:
        role = n.get("role", {}).get("value")
        if role not in roles or n.get("ignored"):
            continue
        seen += 1
        name = n.get("name", {}).get("value", "")
        if not name.strip():
            fail("a %s without a name for screen readers: %r" % (role, n))
    if seen < 30:
        fail("only %d fields in the accessibility tree" % seen)


def prints(d):
    d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    for b in d.find_elements(By.TAG_NAME, "button"):
        if b.is_displayed():
            fail("the save button is printed")
    if d.find_elements(By.TAG_NAME, "textarea")[0].is_displayed():
        fail("a text area is printed as a box that cuts its text")
    d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    pdf = d.execute_cdp_cmd("Page.printToPDF", {})
    if len(pdf.get("data", "")) < 1000:
        fail("the page does not print")


def hostile(d, downloads):
    """A project whose name and answers are HTML and script: shown as
    text, never run."""
    name = 'X </script><script>window.pwned=1</script>'
    airejse("project", "new", "--journey", "faerdigt-produkt", "--name", name)
    airejse("answer", "3", "klinisk_behov", '<img src=x onerror="window.pwned=2"> </script>')
    airejse("answer", "3", "persondata", "ja")
    airejse("export", "3", "--what", "handoff", "--format", "html", "-o", "hostile.html")
    page = "file://" + os.path.join(CWD, "hostile.html")
    d.get(page)
    if d.execute_script("return window.pwned") is not None:
        fail("a script in a project's name or answer ran")
    if len(d.find_elements(By.TAG_NAME, "script")) != 2:
        fail("the page has other scripts than its own")
    if name not in d.find_element(By.TAG_NAME, "h1").text:
        fail("the name is not shown as text")
    if d.find_elements(By.TAG_NAME, "img"):
        fail("an answer became an image")
    no_network(d, page)
    no_errors(d)


def cases():
    """Inputs for both readers: each kind of question, both languages."""
    rnd = random.Random(16)
    fixed = ["1.200", "1 200", "1\u00a0200", "12.345.678", "1,5", "1.5", "1,200",
             "1,200.5", "30 %", "30%", "ca. 450", "cirka 450", "about 450", "~450",
             "2,4 mill. kr.", "2,4 mio.", "450 t. kr.", "1,2 mia. kr.", "kr. 2.400.000",
             "DKK 2.400.000", "2.400.000,-", "100 EUR", "12,50 kr.", "-5", "\u22125",
             "0,5", ",5", ".5", "1.2.3", "1..2", "01.200", "1.2345", "9" * 41, "9" * 70,
             "ved ikke", "VED IKKE", "?", "", "  ", "abc", "1e5", "0x10", "+7", "1 mio",
             "2 mio. kr.", "3 t", "3t", "5 k", "1 mn", "2 bn", "7 tusind", "½",
             "1.3.2027", "01-03-2027", "1/3-2027", "2027-03-01", "1. marts 2027",
             "1 mar 2027", "March 1, 2027", "31.2.2027", "29.2.2028", "29.2.2027",
             "1.3.27", "3/13/2027", "13/3/2027", "1. 3. 2027", "32.1.2027", "1.13.2027",
             "1899-12-31", "2200-01-01", "1st March 2027", "marts 1 2027",
             "navn@rsyd.dk", "a@b", "a@b.c", "a@b.dk.", "a b@c.dk", "fornavn.efternavn@ouh.dk",
             "https://www.rsyd.dk", "http://x", "ftp://x.dk", "https://a:99999/x",
             "https://rsyd.dk/a b", "Århus", "linje\nto", "tab\there", "\u0007bell"]
    alphabet = list("0123456789.,  -+%~") + ["\u00a0", "kr.", "mio.", "ca. ", "t.", "mia.",
                                              "DKK ", ",-", "EUR", "k", "m", "/", "marts",
                                              "mar", "March ", "1.", "2027"]
    out = list(fixed)
    for _ in range(2500):
        out.append("".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 7))))
    return out


QUESTIONS = [
    {"type": "number", "percent": False, "hasMin": False, "hasMax": False},
    {"type": "number", "percent": True, "hasMin": True, "min": 0, "hasMax": True, "max": 100},
    {"type": "number", "percent": False, "hasMin": True, "min": 1, "hasMax": True, "max": 30},
    {"type": "amount", "percent": False, "hasMin": False, "hasMax": False},
    {"type": "amount", "percent": False, "hasMin": True, "min": -1000, "hasMax": False},
    {"type": "date", "percent": False, "hasMin": False, "hasMax": False},
    {"type": "email", "percent": False, "hasMin": False, "hasMax": False},
    {"type": "url", "percent": False, "hasMin": False, "hasMax": False},
    {"type": "text", "percent": False, "hasMin": False, "hasMax": False, "maxlen": 10},
    {"type": "longtext", "percent": False, "hasMin": False, "hasMax": False, "maxlen": 0},
]


def same_reader(d):
    inputs = cases()
    lines, jobs = [], []
    for q in QUESTIONS:
        q.setdefault("maxlen", 0)
        for lang in ("da", "en"):
            for s in inputs:
                if q["type"] in ("date", "email", "url", "text", "longtext") and lang == "en" \
                        and not s.startswith("1"):
                    continue
                lines.append("\t".join([q["type"], "1" if q["percent"] else "0",
                                        str(q.get("min", "-")) if q["hasMin"] else "-",
                                        str(q.get("max", "-")) if q["hasMax"] else "-",
                                        str(q["maxlen"]), lang,
                                        json.dumps(s, ensure_ascii=False)[1:-1]]))
                jobs.append((q, lang, s))
    c = subprocess.run([VALUEREAD], input="\n".join(lines) + "\n", capture_output=True,
                       text=True)
    if c.returncode != 0:
        fail("valueread: " + c.stderr)
    want = c.stdout.splitlines()
    got = d.execute_script("""
        var M = JSON.parse(document.getElementById('airejse-data').textContent).messages;
        return arguments[0].map(function (j) {
            var q = Object.assign({ex: ['x', 'y'], low: 'l', high: 'h'}, j[0]);
            if (!q.maxlen) q.maxlen = q.type === 'longtext' ? 20000 : 200;
            var r = AIREJSE.readValue(q, j[2], j[1], M);
            return r.kind === 'value' ? 'value\\t' + JSON.stringify(r.canon) : r.kind;
        });""", jobs)
    bad = 0
    for (q, lang, s), w, g in zip(jobs, want, got):
        # The canonical text as JSON: both sides escape alike but for
        # the characters JSON may leave as they are.
        if w.startswith("value\t") and g.startswith("value\t"):
            w = "value\t" + json.loads(w[6:])
            g = "value\t" + json.loads(g[6:])
        if w != g:
            bad += 1
            if bad <= 10:
                print("reader differs: %s %s %r: airejse %r, page %r" % (
                    q["type"], lang, s, w, g), file=sys.stderr)
    if bad:
        fail("the page and airejse read %d of %d inputs differently" % (bad, len(jobs)))
    print("readers agree on %d inputs" % len(jobs))


def main():
    downloads = tempfile.mkdtemp(prefix="downloads-", dir=CWD)
    airejse("export", "1", "--what", "handoff", "--format", "html", "-o", "packet.html")
    page = "file://" + os.path.join(CWD, "packet.html")
    d = browser(downloads)
    try:
        d.get(page)
        WebDriverWait(d, 10).until(lambda x: x.execute_script(
            "return document.documentElement.classList.contains('js')"))
        accessible(d)
        files = fill_and_save(d, page, downloads)
        check_files(*files)
        no_network(d, page)
        no_errors(d)
        prints(d)
        same_reader(d)
        hostile(d, downloads)
    finally:
        d.quit()
    imports([os.path.join(downloads, "airejse-1-%s-svar.json" % r)
             for r in ("jurist", "indkoebskonsulent", "innovationskonsulent")])


main()
