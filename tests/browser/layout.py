# SPDX-License-Identifier: EUPL-1.2
"""What a person checks before printing, automated: the AI Act checklist
as HTML rendered in headless Chromium at the width an A4 page prints
(print media, 718 CSS pixels: 210 mm less Chromium's default margins)
must keep every box inside the page, and its legal-dates block must
fit on one page; the rendering is kept as a PNG. Then airejse's own PDF
of it: A4 pages, page 1 rendered to PNG (pdftoppm), and no word past
the page's margins (pdftotext -bbox).

Run by tests/browser/t-layout.sh with Debian's python3; $AIREJSE is the
program, the database is the export fixture's."""

import os
import re
import subprocess
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

AIREJSE = os.environ["AIREJSE"]
CWD = os.getcwd()
# A4 at 96 CSS pixels an inch, less Chromium's default print margins
# (0.4 in a side): the width the page's content has on paper.
PRINT_W = 718
PAGE_H = 1047
# airejse's PDF: A4 in points and its side margins (export-pdf.c).
PDF_W, PDF_H, PDF_MARGIN = 595.276, 841.890, 56.7


def fail(msg):
    print("FAIL: " + msg, file=sys.stderr)
    sys.exit(1)


def airejse(*args):
    p = subprocess.run([AIREJSE, "--db", "export.db"] + list(args),
                       capture_output=True, text=True)
    if p.returncode != 0:
        fail("airejse %s: exit %d\n%s" % (" ".join(args), p.returncode, p.stderr))


def browser():
    o = webdriver.ChromeOptions()
    o.binary_location = "/usr/bin/chromium"
    profile = tempfile.mkdtemp(prefix="profile-", dir=CWD)
    for a in ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
              "--disable-background-networking", "--disable-component-update",
              "--disable-sync", "--disable-dev-shm-usage", "--lang=da",
              "--user-data-dir=" + profile, "--hide-scrollbars",
              "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND"]:
        o.add_argument(a)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)


# Every box that reaches past the page's width, and how far.
OVERFLOW_JS = """
const w = arguments[0], out = [];
for (const e of document.body.querySelectorAll('*')) {
  const r = e.getBoundingClientRect();
  if (r.width > 0 && (r.right > w + 0.5 || r.left < -0.5))
    out.push(e.tagName.toLowerCase() + '.' + e.className + ' [' +
             Math.round(r.left) + '..' + Math.round(r.right) + '] ' +
             (e.textContent || '').trim().slice(0, 50));
}
return [document.documentElement.scrollWidth, out];
"""

# The legal-dates block (the facts list after the checklist's heading
# and summary; the cover, the counts and the legend come before it) and
# its narrowest value.
FACTS_JS = """
const dl = document.querySelector('h2 + p + dl.facts');
if (!dl) return null;
let narrow = 1e9;
for (const dd of dl.querySelectorAll('dd'))
  narrow = Math.min(narrow, dd.getBoundingClientRect().width);
return [dl.getBoundingClientRect().height, narrow, dl.querySelectorAll('dt').length];
"""


def check_html():
    airejse("export", "1", "--what", "ai-act", "-o", "ai-act.html")
    d = browser()
    try:
        d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": PRINT_W, "height": PAGE_H, "deviceScaleFactor": 1, "mobile": False})
        d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        d.get("file://" + os.path.join(CWD, "ai-act.html"))
        width, over = d.execute_script(OVERFLOW_JS, PRINT_W)
        facts = d.execute_script(FACTS_JS)
        d.save_screenshot("ai-act-html.png")
    finally:
        d.quit()
    if os.path.getsize("ai-act-html.png") < 1000:
        fail("the page did not render to a PNG")
    if width > PRINT_W or over:
        fail("the AI Act checklist is wider than an A4 page (%d of %d px):\n  %s" % (
            width, PRINT_W, "\n  ".join(over[:10])))
    if facts is None:
        fail("no legal-dates block (dl.facts) in the AI Act checklist")
    height, narrow, n = facts
    if n < 5:
        fail("the legal-dates block has %d dates, expected at least 5" % n)
    if height > PAGE_H:
        fail("the legal-dates block is %d px high, more than a page (%d)" % (height, PAGE_H))
    # A value squeezed into a sliver is as bad as one past the margin.
    if narrow < PRINT_W / 3:
        fail("a legal date's text is squeezed into %d px of %d" % (narrow, PRINT_W))


def check_pdf():
    airejse("export", "1", "--what", "ai-act", "-o", "ai-act.pdf")
    info = subprocess.run(["pdfinfo", "ai-act.pdf"], capture_output=True, text=True).stdout
    if not re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info):
        fail("the PDF is not A4:\n" + info)
    subprocess.run(["pdftoppm", "-png", "-r", "72", "-f", "1", "-l", "1", "ai-act.pdf",
                    "ai-act-pdf"], check=True)
    png = [f for f in os.listdir(".") if f.startswith("ai-act-pdf") and f.endswith(".png")]
    if not png:
        fail("pdftoppm made no PNG of page 1")
    with open(png[0], "rb") as f:
        head = f.read(24)
    w, h = int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
    if abs(w - 595) > 1 or abs(h - 842) > 1:
        fail("page 1 renders as %dx%d, not A4 at 72 dpi (595x842)" % (w, h))
    box = subprocess.run(["pdftotext", "-bbox", "ai-act.pdf", "-"], capture_output=True,
                         text=True, check=True).stdout
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                       r'yMax="([\d.]+)">([^<]*)</word>', box)
    if len(words) < 200:
        fail("only %d words in the PDF" % len(words))
    # A point of slack for glyphs' side bearings.
    past = [w for w in words if float(w[0]) < PDF_MARGIN - 1 or
            float(w[2]) > PDF_W - PDF_MARGIN + 1 or float(w[3]) > PDF_H]
    if past:
        fail("%d words past the PDF's margins, first: %s" % (len(past), past[:5]))


check_html()
check_pdf()
