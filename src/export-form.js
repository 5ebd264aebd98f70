/* SPDX-License-Identifier: EUPL-1.2 */
/* The hand-off packet as a form (airejse export --what handoff --format
 * html): checks each answer as it is typed with the rules of airejse's
 * own reader (src/value.c, ported line by line: what this page accepts,
 * 'airejse import' accepts, read the same way), keeps what was typed
 * across reloads (localStorage, keyed by the packet's id), and saves the
 * answers as an answer file (JSON) for 'airejse import'. No network:
 * the page's Content-Security-Policy forbids it, and nothing here asks. */
"use strict";

var AIREJSE = (function () {

/* Text */

var SPACE_TRIM = /^[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+|[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+$/g;

/* utf8_trim: the spaces of Unicode's Zs and the ASCII blanks. */
function trim(s) {
	return s.replace(SPACE_TRIM, "");
}

/* utf8_fold: case-folded NFC (for the words and marks around numbers,
 * where lower case is what folding gives). */
function fold(s) {
	return s.normalize("NFC").toLowerCase();
}

/* A string of whole code points (UTF-8 can hold it). */
function wellFormed(s) {
	return !/[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/.test(s);
}

function utf8Length(s) {
	return new TextEncoder().encode(s).length;
}

function isDigit(c) {
	return c >= "0" && c <= "9";
}

/* is_letter: ASCII letters and anything beyond ASCII. */
function isLetter(c) {
	return c !== undefined && c !== "" && (/[A-Za-z]/.test(c) || c.charCodeAt(0) >= 0x80);
}

/* plain_copy: folded, every space one ASCII space, U+2212 as '-', trimmed. */
function plainCopy(s) {
	var f = fold(s), out = "", i, c, cp;

	for (i = 0; i < f.length; i++) {
		c = f[i];
		cp = c.charCodeAt(0);
		if (c === " " || c === "\t" || cp === 0xa0 || (cp >= 0x2000 && cp <= 0x200a) ||
		    cp === 0x202f || cp === 0x205f || cp === 0x3000) {
			if (out.length > 0 && out[out.length - 1] !== " ")
				out += " ";
		} else if (cp === 0x2212) {
			out += "-";
		} else {
			out += c;
		}
	}
	return trim(out);
}

var DONTKNOW = ["ved ikke", "vedikke", "ved ik", "?", "don't know", "dont know",
    "don\u2019t know", "do not know", "unknown", "ukendt"];

function isDontKnow(s) {
	return DONTKNOW.indexOf(fold(trim(s))) >= 0;
}

/* Decimal numbers, kept as digits (struct dec). */

var DEC_INPUT_DIGITS = 64, DEC_SIGNIFICANT = 40, RUNS_MAX = 32;
var AMOUNT_MAX = 999999999999999;

function splitRuns(s) {
	var r = { s: s, start: [], len: [], sep: [""], n: 0, lead: "", neg: false };
	var i = 0, digits = 0, start;

	if (s[i] === "-" || s[i] === "+")
		r.neg = s[i++] === "-";
	if (s[i] === "." || s[i] === ",")
		r.lead = s[i++];
	for (;;) {
		start = i;
		while (i < s.length && isDigit(s[i]))
			i++;
		if (i === start || r.n === RUNS_MAX)
			return null;
		r.start[r.n] = start;
		r.len[r.n++] = i - start;
		digits += i - start;
		if (i >= s.length)
			break;
		if ((s[i] !== "." && s[i] !== "," && s[i] !== " ") || r.lead)
			return null;
		r.sep[r.n] = s[i++];
	}
	return digits <= DEC_INPUT_DIGITS ? r : null;
}

function readAs(r, g, dm, maxfrac) {
	var nint = r.n, k, kind = "", frac = false, v = { neg: r.neg, d: "", point: 0 };

	if (r.lead) {
		if (r.lead !== dm || r.n !== 1)
			return null;
		nint = 0;
		frac = true;
	} else if (r.n > 1 && r.sep[r.n - 1] === dm) {
		nint = r.n - 1;
		frac = true;
	}
	for (k = 1; k < nint; k++) {
		if ((r.sep[k] !== g && r.sep[k] !== " ") || (kind && r.sep[k] !== kind))
			return null;
		kind = r.sep[k];
		if (r.len[k] !== 3)
			return null;
	}
	if (nint > 1 && (r.len[0] > 3 || r.s[r.start[0]] === "0"))
		return null;
	if (frac && maxfrac >= 0 && r.len[r.n - 1] > maxfrac)
		return null;
	for (k = 0; k < r.n; k++) {
		if (k === nint)
			v.point = v.d.length;
		v.d += r.s.substr(r.start[k], r.len[k]);
	}
	if (!frac)
		v.point = v.d.length;
	return v;
}

/* The number written the lang way, else the other way (.other). */
function readDecimal(s, lang, maxfrac) {
	var g = lang === "en" ? "," : ".", dm = lang === "en" ? "." : ",";
	var r = splitRuns(s), v;

	if (r === null)
		return null;
	if ((v = readAs(r, g, dm, maxfrac)) !== null) {
		v.other = false;
		return v;
	}
	if ((v = readAs(r, dm, g, maxfrac)) !== null)
		v.other = true;
	return v;
}

function decShift(v, k) {
	v.point += k;
	while (v.point > v.d.length)
		v.d += "0";
}

function decWhole(v) {
	return /^0*$/.test(v.d.substr(v.point));
}

/* dec_canon: the canonical text and its significant digits. */
function decCanon(v) {
	var out = "", i = 0, end = v.d.length, s = 0;

	if (v.neg && /[1-9]/.test(v.d))
		out += "-";
	while (i < v.point - 1 && v.d[i] === "0")
		i++;
	if (v.point === 0) {
		out += "0";
	} else {
		out += v.d.substring(i, v.point);
		s = v.point - i;
		if (s === 1 && v.d[i] === "0")
			s = 0;
	}
	while (end > v.point && v.d[end - 1] === "0")
		end--;
	if (end > v.point) {
		out += "." + v.d.substring(v.point, end);
		s += end - v.point;
	}
	return { text: out, sig: s };
}

/* The words around a number. */
var AF_APPROX = 1, AF_DKK = 2, AF_FOREIGN = 4, AF_PERCENT = 8, AF_AMOUNT = 16;

var FOREIGN = [["svenske kroner", AF_FOREIGN, 0], ["norske kroner", AF_FOREIGN, 0],
    ["islandske kroner", AF_FOREIGN, 0], ["swedish kronor", AF_FOREIGN, 0],
    ["norwegian kroner", AF_FOREIGN, 0], ["euros", AF_FOREIGN, 0],
    ["euro", AF_FOREIGN, 0], ["eur", AF_FOREIGN, 0], ["\u20ac", AF_FOREIGN, 0],
    ["us$", AF_FOREIGN, 0], ["usd", AF_FOREIGN, 0], ["$", AF_FOREIGN, 0],
    ["dollars", AF_FOREIGN, 0], ["dollar", AF_FOREIGN, 0],
    ["pounds", AF_FOREIGN, 0], ["pund", AF_FOREIGN, 0], ["gbp", AF_FOREIGN, 0],
    ["\u00a3", AF_FOREIGN, 0], ["sek", AF_FOREIGN, 0], ["nok", AF_FOREIGN, 0],
    ["isk", AF_FOREIGN, 0], ["chf", AF_FOREIGN, 0], ["jpy", AF_FOREIGN, 0],
    ["\u00a5", AF_FOREIGN, 0]];

var PREFIXES = [["approximately", AF_APPROX, 0], ["approx.", AF_APPROX, 0],
    ["approx", AF_APPROX, 0], ["omkring", AF_APPROX, 0],
    ["roughly", AF_APPROX, 0], ["around", AF_APPROX, 0],
    ["about", AF_APPROX, 0], ["cirka", AF_APPROX, 0],
    ["circa", AF_APPROX, 0], ["ca.", AF_APPROX, 0], ["ca", AF_APPROX, 0],
    ["~", AF_APPROX, 0], ["\u2248", AF_APPROX, 0]].concat(FOREIGN,
    [["kroner", AF_DKK, 0], ["dkr.", AF_DKK, 0], ["dkr", AF_DKK, 0],
    ["dkk", AF_DKK, 0], ["kr.", AF_DKK, 0], ["kr", AF_DKK, 0]]);

var SUFFIXES = FOREIGN.concat([[",-", AF_DKK, 0], [".-", AF_DKK, 0],
    ["t.kr.", AF_DKK | AF_AMOUNT, 3], ["t.kr", AF_DKK | AF_AMOUNT, 3],
    ["tkr.", AF_DKK | AF_AMOUNT, 3], ["tkr", AF_DKK | AF_AMOUNT, 3],
    ["mkr.", AF_DKK | AF_AMOUNT, 6], ["mkr", AF_DKK | AF_AMOUNT, 6],
    ["kroner", AF_DKK, 0], ["krone", AF_DKK, 0], ["dkr.", AF_DKK, 0],
    ["dkr", AF_DKK, 0], ["dkk", AF_DKK, 0], ["kr.", AF_DKK, 0], ["kr", AF_DKK, 0],
    ["milliarder", 0, 9], ["milliard", 0, 9], ["billion", 0, 9],
    ["millioner", 0, 6], ["millions", 0, 6], ["million", 0, 6],
    ["mill.", 0, 6], ["mill", 0, 6], ["mio.", 0, 6], ["mio", 0, 6],
    ["mia.", 0, 9], ["mia", 0, 9], ["mrd.", 0, 9], ["mrd", 0, 9],
    ["tusinde", 0, 3], ["tusind", 0, 3], ["thousand", 0, 3],
    ["mn", AF_AMOUNT, 6], ["bn", AF_AMOUNT, 9], ["t.", AF_AMOUNT, 3],
    ["t", AF_AMOUNT, 3], ["k", AF_AMOUNT, 3], ["m", AF_AMOUNT, 6],
    ["per cent", AF_PERCENT, 0], ["procent", AF_PERCENT, 0],
    ["percent", AF_PERCENT, 0], ["pct.", AF_PERCENT, 0], ["pct", AF_PERCENT, 0],
    ["%", AF_PERCENT, 0]]);

function shapeAdd(sh, a) {
	sh.flags |= a[1];
	if (a[2] > 0) {
		sh.exp = a[2];
		sh.nmult++;
	}
}

/* strip_affixes: the number left once the words are taken off its ends. */
function stripAffixes(s, sh) {
	var b = 0, e = s.length, again = true, i, w;

	sh.flags = 0;
	sh.exp = 0;
	sh.nmult = 0;
	while (again) {
		again = false;
		for (i = 0; i < PREFIXES.length && !again; i++) {
			w = PREFIXES[i][0];
			if (e - b < w.length || s.substr(b, w.length) !== w)
				continue;
			if (isLetter(w[w.length - 1]) && b + w.length < e && isLetter(s[b + w.length]))
				continue;
			shapeAdd(sh, PREFIXES[i]);
			b += w.length;
			while (b < e && s[b] === " ")
				b++;
			again = true;
		}
	}
	again = true;
	while (again) {
		again = false;
		for (i = 0; i < SUFFIXES.length && !again; i++) {
			w = SUFFIXES[i][0];
			if (e - b < w.length || s.substring(e - w.length, e) !== w)
				continue;
			if (isLetter(w[0]) && e - w.length > b && isLetter(s[e - w.length - 1]))
				continue;
			shapeAdd(sh, SUFFIXES[i]);
			e -= w.length;
			while (e > b && s[e - 1] === " ")
				e--;
			again = true;
		}
	}
	return s.substring(b, e);
}

/* Formatting, as value_format shows a stored value. */

function groupDigits(digits, sep) {
	var out = "", i, n = digits.length;

	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 === 0)
			out += sep;
		out += digits[i];
	}
	return out;
}

function formatNumberText(num, lang) {
	var out = "", p = num, dot;

	if (p[0] === "-") {
		out += "-";
		p = p.substr(1);
	}
	dot = p.indexOf(".");
	out += groupDigits(dot >= 0 ? p.substr(0, dot) : p, lang === "en" ? "," : ".");
	if (dot >= 0)
		out += (lang === "en" ? "." : ",") + p.substr(dot + 1);
	return out;
}

function formatKroner(num, lang) {
	var n = formatNumberText(num, lang);

	return lang === "en" ? "DKK " + n : n + " kr.";
}

function isPercent(q) {
	return q.type === "number" && q.percent;
}

function formatQuantity(q, canon, lang) {
	var approx = canon[0] === "~", num = approx ? canon.substr(1) : canon, n;

	if (q.type === "amount") {
		n = formatKroner(num, lang);
	} else {
		n = formatNumberText(num, lang);
		if (isPercent(q))
			n += lang === "en" ? "%" : " %";
	}
	if (!approx)
		return n;
	return (lang === "en" ? "about " : "ca. ") + n;
}

/* read_qty: a number or an amount as value_read reads it. */
function readQty(q, input, lang) {
	var amount = q.type === "amount", sh = {}, s = plainCopy(input), num, v, c, d;
	var x = { err: "not", approx: false, other: false };

	num = stripAffixes(s, sh);
	x.approx = (sh.flags & AF_APPROX) !== 0;
	if (sh.flags & AF_FOREIGN) {
		x.err = amount ? "foreign" : "currency";
		return x;
	}
	if (!amount && (sh.flags & AF_DKK)) {
		x.err = "currency";
		return x;
	}
	if (sh.nmult > 1 || (!amount && (sh.flags & AF_AMOUNT)) ||
	    (amount && (sh.flags & AF_PERCENT)))
		return x;
	if ((sh.flags & AF_PERCENT) && !isPercent(q)) {
		x.err = "percent";
		return x;
	}
	/* Øre have two digits: "250,000 kr." groups thousands. */
	if ((v = readDecimal(num, lang, amount && sh.exp === 0 ? 2 : -1)) === null)
		return x;
	x.other = v.other;
	decShift(v, sh.exp);
	c = decCanon(v);
	if (c.sig > DEC_SIGNIFICANT) {
		x.err = "digits";
		return x;
	}
	if (amount && !decWhole(v)) {
		x.err = "ore";
		x.shown = formatKroner(c.text, lang);
		return x;
	}
	d = parseFloat(c.text);
	if (amount && !q.hasMin && d < 0) {
		x.err = "negative";
		return x;
	}
	if (amount && (d > AMOUNT_MAX || d < -AMOUNT_MAX)) {
		x.err = d < 0 ? "below" : "above";
		return x;
	}
	if (q.hasMin && d < q.min) {
		x.err = "below";
		return x;
	}
	if (q.hasMax && d > q.max) {
		x.err = "above";
		return x;
	}
	x.err = "";
	x.canon = (x.approx ? "~" : "") + c.text;
	return x;
}

/* Dates. */

var YEAR_MIN = 1900, YEAR_MAX = 2199;

function leap(y) {
	return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysIn(y, m) {
	var d = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

	return m === 2 && leap(y) ? 29 : d[m - 1];
}

var MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli",
    "august", "september", "oktober", "november", "december",
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep",
    "okt", "nov", "dec",
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sept",
    "oct", "nov", "dec"];

function monthNamed(w) {
	var i = MONTHS.indexOf(w);

	return i < 0 ? 0 : (i % 12) + 1;
}

/* digits_of: all of s is 1..max digits: their value, else -1. */
function digitsOf(s, max) {
	var i = 0, v = 0;

	while (i < s.length && isDigit(s[i])) {
		if (i < max)
			v = v * 10 + (s.charCodeAt(i) - 48);
		i++;
	}
	return { v: i === 0 || i > max || i !== s.length ? -1 : v, n: i };
}

function dayWord(w) {
	var ord = ["st", "nd", "rd", "th"], i;

	if (w.length > 0 && w[w.length - 1] === ".")
		w = w.substr(0, w.length - 1);
	for (i = 0; i < ord.length; i++)
		if (w.length > 2 && w.substr(w.length - 2) === ord[i] && isDigit(w[w.length - 3]))
			w = w.substr(0, w.length - 2);
	return digitsOf(w, 2).v;
}

function monthWord(w) {
	if (w.length > 0 && w[w.length - 1] === ".")
		w = w.substr(0, w.length - 1);
	return monthNamed(w);
}

function readNamedDate(s, dt) {
	var w = s.replace(/,/g, " ").split(" ").filter(function (t) { return t !== ""; });
	var year;

	if (w.length !== 3)
		return false;
	if ((dt.m = monthWord(w[1])) !== 0)
		dt.d = dayWord(w[0]);
	else if ((dt.m = monthWord(w[0])) !== 0)
		dt.d = dayWord(w[1]);
	else
		return false;
	year = digitsOf(w[2], 4);
	if (dt.d < 0 || year.v < 0)
		return false;
	if (year.n < 4)
		dt.err = "short-year";
	dt.y = year.v;
	return true;
}

function readNumericDate(s, dt) {
	var v = [0, 0, 0], n = [0, 0, 0], sep = ["", ""], i = 0, k;

	for (k = 0; k < 3; k++) {
		while (i < s.length && isDigit(s[i]) && n[k] < 5) {
			v[k] = v[k] * 10 + (s.charCodeAt(i++) - 48);
			n[k]++;
		}
		if (n[k] === 0 || n[k] > 4)
			return false;
		if (k === 2)
			break;
		sep[k] = i < s.length ? s[i++] : "";
		if (sep[k] !== "-" && sep[k] !== "." && sep[k] !== "/")
			return false;
		if (s[i] === " " && sep[k] === ".")
			i++;
	}
	if (i !== s.length)
		return false;
	/* The same mark twice, or the Danish 1/3-2027. */
	if (sep[0] !== sep[1] && !(sep[0] === "/" && sep[1] === "-"))
		return false;
	if (n[0] === 4 && n[1] <= 2 && n[2] <= 2) {
		dt.y = v[0];
		dt.m = v[1];
		dt.d = v[2];
	} else if (n[0] <= 2 && n[1] <= 2) {
		dt.d = v[0];
		dt.m = v[1];
		dt.y = v[2];
		if (n[2] === 3)
			return false;
		if (n[2] <= 2) {
			dt.err = "short-year";
		} else if (sep[0] === "/" && dt.m > 12 && dt.d >= 1 && dt.d <= 12) {
			/* 3/13/2027 can only be month first. */
			dt.m = v[0];
			dt.d = v[1];
			dt.swapped = true;
		}
	} else {
		return false;
	}
	return true;
}

function readDate(input) {
	var s = plainCopy(input), dt = { y: 0, m: 0, d: 0, err: "", swapped: false }, ok;

	ok = isDigit(s[0]) && readNumericDate(s, dt);
	if (!ok) {
		dt = { y: 0, m: 0, d: 0, err: "", swapped: false };
		ok = readNamedDate(s, dt);
	}
	if (!ok)
		return { err: "not" };
	if (dt.err === "short-year")
		return dt;
	if (dt.y < YEAR_MIN || dt.y > YEAR_MAX)
		dt.err = "year";
	else if (dt.m < 1 || dt.m > 12)
		dt.err = "month";
	else if (dt.d < 1 || dt.d > daysIn(dt.y, dt.m))
		dt.err = "day";
	return dt;
}

function pad(n, w) {
	var s = String(n);

	while (s.length < w)
		s = "0" + s;
	return s;
}

function isoOf(dt) {
	return pad(dt.y, 4) + "-" + pad(dt.m, 2) + "-" + pad(dt.d, 2);
}

var MONTH_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
    "Oct", "Nov", "Dec"];

function formatDate(iso, lang) {
	var y = +iso.substr(0, 4), m = +iso.substr(5, 2), d = +iso.substr(8, 2);

	if (lang === "en")
		return d + " " + MONTH_EN[m - 1] + " " + pad(y, 4);
	return pad(d, 2) + "." + pad(m, 2) + "." + pad(y, 4);
}

/* E-mail and web addresses: value.c's patterns. PCRE's \s also takes
 * U+0085, which JavaScript's does not: added, so that no address this
 * page takes is refused at import. */
var NS = "\\s\\u0085";
var EMAIL = new RegExp("^[^" + NS + "@<>()\\[\\],;:\"]+@[^" + NS + "@<>()\\[\\],;:\"._-][^" + NS +
    "@<>()\\[\\],;:\"]*(?<![.-])(?:\\.[^" + NS + "@<>()\\[\\],;:\".-][^" + NS +
    "@<>()\\[\\],;:\".]*)*\\.[^" + NS + "@<>()\\[\\],;:\".0-9-]{2,}$", "iu");
var URL_RE = new RegExp("^https?://[^" + NS + "/?#@:]+(?::[0-9]{1,5})?(?:[/?#][^" + NS +
    "]*)?$", "iu");

/* Messages: the program's own, in the packet's language (printf
 * formats with %s, %d and %zu, perhaps numbered as %1$s). */
function fmt(template) {
	var args = Array.prototype.slice.call(arguments, 1), next = 0;

	return template.replace(/%(?:(\d+)\$)?(?:l{0,2}|z)([sduf%])/g, function (all, pos, conv) {
		if (conv === "%")
			return "%";
		return String(pos ? args[+pos - 1] : args[next++]);
	});
}

/* quoted: the input trimmed and cut at 40 characters. */
function quoted(s) {
	var t = trim(s), cps = Array.from(t);

	return cps.length > 40 ? cps.slice(0, 40).join("") + "\u2026" : t;
}

/* Reads what the person gave for question q: {kind: "value", canon,
 * note?}, {kind: "dontknow"}, {kind: "none"} or {kind: "error", why}. */
function readValue(q, input, lang, M) {
	var x, dt, in_, t, max, i, c, out, n;

	if (!wellFormed(input))
		return { kind: "error", why: M.utf8 };
	if (trim(input) === "")
		return { kind: "none" };
	if (isDontKnow(input))
		return { kind: "dontknow" };
	in_ = quoted(input);
	switch (q.type) {
	case "text":
	case "longtext":
		out = "";
		for (i = 0; i < input.length; i++) {
			c = input[i];
			if (c === "\r" && input[i + 1] === "\n")
				continue;
			if (c === "\n" || c === "\t" || c === "\r") {
				if (q.type !== "longtext")
					return { kind: "error", why: M.lines };
				out += c === "\r" ? "\n" : c;
				continue;
			}
			if (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)
				return { kind: "error", why: M.control };
			out += c;
		}
		t = trim(out).normalize("NFC");
		n = Array.from(t).length;
		max = q.maxlen;
		if (n > max)
			return { kind: "error", why: fmt(M.too_long, n, max) };
		return { kind: "value", canon: t };
	case "number":
	case "amount":
		x = readQty(q, input, lang);
		if (x.err === "") {
			return { kind: "value", canon: x.canon, shown: formatQuantity(q, x.canon, lang),
			    note: x.other ? fmt(lang === "en" ? M.read_en : M.read_da, in_,
				formatQuantity(q, x.canon, lang)) : null };
		}
		switch (x.err) {
		case "foreign":
			return { kind: "error", why: fmt(M.foreign, in_, q.ex[0], q.ex[1]) };
		case "percent":
			return { kind: "error", why: fmt(M.percent, in_, q.ex[0], q.ex[1]) };
		case "currency":
			return { kind: "error", why: fmt(M.currency, in_, q.ex[0], q.ex[1]) };
		case "ore":
			return { kind: "error", why: fmt(M.ore, in_, x.shown, q.ex[0], q.ex[1]) };
		case "negative":
			return { kind: "error", why: fmt(M.negative, in_, q.ex[0], q.ex[1]) };
		case "digits":
			return { kind: "error", why: fmt(M.digits, in_, DEC_SIGNIFICANT, q.ex[0], q.ex[1]) };
		case "below":
			return { kind: "error", why: fmt(M.below, in_, q.low, q.ex[0], q.ex[1]) };
		case "above":
			return { kind: "error", why: fmt(M.above, in_, q.high, q.ex[0], q.ex[1]) };
		default:
			return { kind: "error", why: fmt(q.type === "amount" ? M.not_amount :
			    M.not_number, in_, q.ex[0], q.ex[1]) };
		}
	case "date":
		dt = readDate(input);
		switch (dt.err) {
		case "":
			t = isoOf(dt);
			return { kind: "value", canon: t, shown: formatDate(t, lang),
			    note: dt.swapped ? fmt(M.swapped, in_, formatDate(t, lang), dt.d) : null };
		case "short-year":
			return { kind: "error", why: fmt(M.short_year, in_, q.ex[0], q.ex[1]) };
		case "year":
			return { kind: "error", why: fmt(M.year, in_, YEAR_MIN, YEAR_MAX, q.ex[0], q.ex[1]) };
		case "month":
			return { kind: "error", why: fmt(M.month, in_, dt.m, q.ex[0], q.ex[1]) };
		case "day":
			return { kind: "error", why: fmt(M.day, in_, M.months[dt.m - 1], dt.y,
			    daysIn(dt.y, dt.m), q.ex[0], q.ex[1]) };
		default:
			return { kind: "error", why: fmt(M.not_date, in_, q.ex[0], q.ex[1]) };
		}
	case "email":
	case "url":
		t = trim(input);
		if (utf8Length(t) > (q.type === "email" ? 254 : 2048) ||
		    !(q.type === "email" ? EMAIL : URL_RE).test(t))
			return { kind: "error", why: fmt(q.type === "email" ? M.not_email : M.not_url,
			    quoted(t), q.ex[0], q.ex[1]) };
		return { kind: "value", canon: t };
	default:
		return { kind: "error", why: "?" };
	}
}

/* The page */

function $(id) {
	return document.getElementById(id);
}

/* Every packet of the page, read from its data island. */
function packets() {
	var data = JSON.parse($("airejse-data").textContent);

	return data;
}

function storageKey(p) {
	return "airejse-packet-" + p.packet;
}

function load(p) {
	try {
		return JSON.parse(window.localStorage.getItem(storageKey(p)) || "null");
	} catch (e) {
		return null;
	}
}

function store(p, state) {
	try {
		window.localStorage.setItem(storageKey(p), JSON.stringify(state));
	} catch (e) {
		/* A browser that keeps nothing for a file: the page still works. */
	}
}

/* What the person gave for question q of packet p, from the fields. */
function given(p, q) {
	var base = "a-" + p.index + "-" + q.id, dk = $(base + "-dk"), els, out = [], i;

	if (q.type === "yesno" || q.type === "choice") {
		els = document.getElementsByName(base);
		for (i = 0; i < els.length; i++)
			if (els[i].checked)
				return { raw: els[i].value, dontknow: els[i].value === "ved ikke" };
		return { raw: "", dontknow: false };
	}
	if (q.type === "multi") {
		els = document.getElementsByName(base);
		for (i = 0; i < els.length; i++)
			if (els[i].checked)
				out.push(els[i].value);
		return { raw: out.join(","), picked: out, dontknow: dk !== null && dk.checked };
	}
	return { raw: $(base).value, dontknow: dk !== null && dk.checked };
}

/* Checks question q's fields and shows what was found; returns the
 * reading (readValue's). */
function check(p, q, data, show) {
	var base = "a-" + p.index + "-" + q.id, g = given(p, q), r, field = $(base);
	var err = $(base + "-error"), read = $(base + "-read"), box = $(base + "-box");

	if (g.dontknow)
		r = { kind: "dontknow" };
	else if (q.type === "yesno" || q.type === "choice" || q.type === "multi")
		r = g.raw === "" ? { kind: "none" } : { kind: "value", canon: g.raw };
	else
		r = readValue(q, g.raw, data.language, data.messages);
	if (field && field.tagName !== "FIELDSET")
		field.disabled = g.dontknow;
	if (r.kind === "error" && (show || err.textContent !== "")) {
		err.textContent = r.why;
		err.hidden = false;
		box.classList.add("invalid");
		if (field)
			field.setAttribute("aria-invalid", "true");
	} else if (r.kind !== "error") {
		err.textContent = "";
		err.hidden = true;
		box.classList.remove("invalid");
		if (field)
			field.removeAttribute("aria-invalid");
	}
	if (read) {
		read.textContent = r.kind === "value" && r.shown ? fmt(data.messages.read_as, r.shown) +
		    (r.note ? " (" + r.note + ")" : "") : "";
		read.hidden = read.textContent === "";
	}
	if (q.type === "longtext" && $(base + "-print"))
		$(base + "-print").textContent = g.raw;
	return r;
}

/* Saves what was typed in packet p, for a reload. */
function remember(p) {
	var state = { respondent: $("respondent-" + p.index).value, answers: {} }, i, q, g;

	for (i = 0; i < p.questions.length; i++) {
		q = p.questions[i];
		g = given(p, q);
		state.answers[q.id] = { raw: g.raw, dontknow: g.dontknow };
	}
	store(p, state);
}

function restore(p) {
	var state = load(p), i, q, s, base, els, k, parts;

	if (state === null)
		return;
	$("respondent-" + p.index).value = state.respondent || "";
	for (i = 0; i < p.questions.length; i++) {
		q = p.questions[i];
		s = state.answers && state.answers[q.id];
		if (!s)
			continue;
		base = "a-" + p.index + "-" + q.id;
		if (q.type === "yesno" || q.type === "choice" || q.type === "multi") {
			els = document.getElementsByName(base);
			parts = s.raw.split(",");
			for (k = 0; k < els.length; k++)
				els[k].checked = q.type === "multi" ? parts.indexOf(els[k].value) >= 0 :
				    els[k].value === s.raw;
		} else {
			$(base).value = s.raw;
		}
		if ($(base + "-dk"))
			$(base + "-dk").checked = !!s.dontknow;
	}
}

function iso(t) {
	return t.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/* The answer file 'airejse import' reads (see airejse(1)). */
function answerFile(p, data, answers) {
	return {
		schema: "airejse-handoff-answers",
		schema_version: 1,
		generator: "airejse form",
		packet: p.packet,
		exported: data.exported,
		saved: iso(new Date()),
		language: data.language,
		project: data.project,
		role: p.role,
		respondent: trim($("respondent-" + p.index).value),
		handoffs: p.handoffs,
		answers: answers
	};
}

function download(name, text) {
	var blob = new Blob([text], { type: "application/json" });
	var a = document.createElement("a"), url = URL.createObjectURL(blob);

	a.href = url;
	a.download = name;
	document.body.appendChild(a);
	a.click();
	document.body.removeChild(a);
	setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
}

function save(p, data) {
	var status = $("status-" + p.index), answers = [], bad = [], i, q, r, who;
	var M = data.messages, name = $("respondent-" + p.index);

	for (i = 0; i < p.questions.length; i++) {
		q = p.questions[i];
		r = check(p, q, data, true);
		if (r.kind === "error")
			bad.push(q);
		answers.push({ question: q.id, revision: q.revision,
		    answer: r.kind === "value" ? given(p, q).raw.replace(/\r\n/g, "\n") :
			r.kind === "dontknow" ? "ved ikke" : null });
	}
	who = trim(name.value);
	$("respondent-" + p.index + "-error").hidden = who !== "";
	if (who === "")
		name.setAttribute("aria-invalid", "true");
	else
		name.removeAttribute("aria-invalid");
	if (bad.length > 0 || who === "") {
		status.textContent = who === "" && bad.length === 0 ? M.need_name :
		    fmt(bad.length === 1 ? M.fix_one : M.fix_many, bad.length);
		status.className = "status invalid";
		if (bad.length > 0)
			$("a-" + p.index + "-" + bad[0].id + "-box").querySelector("input, textarea").focus();
		else
			name.focus();
		return;
	}
	download(p.file, JSON.stringify(answerFile(p, data, answers), null, 2) + "\n");
	status.textContent = fmt(M.saved, p.file);
	status.className = "status";
}

/* Checks the question whose field changed, and keeps what was typed. */
function edited(p, data, ev, show) {
	var box = ev.target.closest(".question"), k;

	for (k = 0; box && k < p.questions.length; k++)
		if (box.id === "a-" + p.index + "-" + p.questions[k].id + "-box")
			check(p, p.questions[k], data, show);
	remember(p);
}

function start() {
	var data = packets(), i;

	document.documentElement.classList.add("js");
	for (i = 0; i < data.packets.length; i++)
		(function (p) {
			var form = $("form-" + p.index), j;

			restore(p);
			for (j = 0; j < p.questions.length; j++)
				check(p, p.questions[j], data, false);
			/* While typing, an error already shown is checked again;
			 * leaving the field (change) shows a new one. */
			form.addEventListener("input", function (ev) { edited(p, data, ev, false); });
			form.addEventListener("change", function (ev) { edited(p, data, ev, true); });
			form.addEventListener("submit", function (ev) {
				ev.preventDefault();
				save(p, data);
			});
		})(data.packets[i]);
}

if (typeof document !== "undefined") {
	if (document.readyState === "loading")
		document.addEventListener("DOMContentLoaded", start);
	else
		start();
}

return { readValue: readValue, readQty: readQty, readDate: readDate, isDontKnow: isDontKnow };
})();
