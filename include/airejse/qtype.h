/* SPDX-License-Identifier: EUPL-1.2 */
/* The types of question: what an answer is, for the content, the
 * answers and the conditions alike. */
#ifndef AIREJSE_QTYPE_H
#define AIREJSE_QTYPE_H

enum qtype {
	Q_TEXT,
	Q_LONGTEXT,
	Q_YESNO,
	Q_CHOICE,
	Q_MULTI,
	Q_NUMBER,
	Q_AMOUNT,	/* whole Danish kroner */
	Q_DATE,
	Q_EMAIL,
	Q_URL,
	Q__COUNT
};

/* The name content files use ("yesno"), or "?". */
const char *qtype_name(enum qtype t);
/* The type named s: 0 and *out, or -1. */
int qtype_parse(const char *s, enum qtype *out);

#endif
