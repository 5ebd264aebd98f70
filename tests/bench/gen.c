/* SPDX-License-Identifier: EUPL-1.2 */
/* Makes the benchmark's database: N projects (default 1,000) across the
 * three tracks, answered part of the way through the real action layer,
 * as teams would: Danish text with æ, ø and å, amounts, dates, yes/no,
 * choices, "ved ikke" now and then, some answers changed, and the
 * hand-offs the answers raise, some of them sent, answered or closed.
 * Deterministic: the same seed gives the same database.
 *
 *   gen DB [N [SEED]]
 *
 * The content comes from AIREJSE_CONTENT (or the source tree); the
 * database is built in a temporary file beside DB and moved into place,
 * so an interrupted run leaves no half database behind. Prints a line of
 * counts. Build it where fsync is cheap (a tmpfs): each answer is its
 * own transaction, as in the program. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "airejse/action.h"
#include "airejse/content.h"
#include "airejse/handoff.h"
#include "airejse/i18n.h"
#include "airejse/progress.h"
#include "airejse/strbuf.h"
#include "airejse/xalloc.h"
#include "support.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static uint64_t rng_state;

/* splitmix64: small, fast and the same everywhere. */
static uint64_t
rnd(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* 0 .. n-1 */
static size_t
pick(size_t n)
{
	return (size_t)(rnd() % n);
}

/* True with probability pct/100. */
static int
chance(int pct)
{
	return (int)(rnd() % 100) < pct;
}

static const char *const what[] = {
	"AI-triage i akutmodtagelsen", "Tale-til-notat i ambulatoriet",
	"Automatisk indtegning af risikoorganer", "Frakturfund på røntgen",
	"Tidlig varsling af sepsis", "Prædiktion af genindlæggelser",
	"Screening for diabetisk øjensygdom", "Hudlæsioner i almen praksis",
	"Lungeknuder på CT", "Mammografiscreening med AI",
	"Planlægning af operationsgange", "Forudsigelse af udeblivelser",
	"Søvnapnø fra hjemmemålinger", "EKG-tolkning i ambulancen",
	"Patologi: tælling af mitoser", "Sprogmodel til udskrivningsbreve",
	"Tryksår: risikovurdering", "Faldrisiko på sengeafsnit",
	"Kodning af diagnoser", "Dosisplanlægning i stråleterapi"
};

static const char *const where[] = {
	"Odense", "Kolding", "Vejle", "Esbjerg", "Aabenraa", "Sønderborg",
	"Svendborg", "Nyborg", "Middelfart", "Fredericia", "Grindsted",
	"Næstved", "Århus", "Aalborg", "Hillerød", "Herlev", "Rigshospitalet"
};

static const char *const sentences[] = {
	"Lægerne bruger op til to timer om dagen på dokumentation efter samtaler med patienterne.",
	"Sygeplejerskerne på sengeafsnittet oplever, at vurderingen varierer fra vagt til vagt.",
	"Ventetiden på en beskrivelse er i dag op til fjorten dage, og patienterne bliver utrygge.",
	"Produktet foreslår et svar, som den kliniske medarbejder altid retter og godkender.",
	"Data bliver i regionens datacenter; leverandøren får kun adgang gennem en sikker forbindelse.",
	"Vi har talt med to andre regioner, som har prøvet en lignende løsning i et år.",
	"Afprøvningen sker på én afdeling først, og først derefter på resten af sygehuset.",
	"Ledelsen har givet grønt lys, men finansieringen af driften er endnu ikke på plads.",
	"Det kræver en integration til EPJ og til billedarkivet, som IT-arkitekten skal se på.",
	"Vi forventer færre fejl, kortere forløb og mere tid til patienten.",
	"Løsningen skal kunne bruges på dansk og forstå faglige forkortelser.",
	"Der er brug for en jurist, før vi deler data med leverandøren.",
	"Målgruppen er voksne over 18 år, som er henvist fra egen læge.",
	"Klinikerne vil gerne være med i udviklingen og teste brugerfladen tidligt.",
	"Overlæge Søren Ærø og afdelingssygeplejerske Åse Østergård er tovholdere."
};

static const char *const phrases[] = {
	"Voksne patienter i medicinsk ambulatorium", "Børn og unge med astma",
	"Overlæger på onkologisk afdeling", "Sygeplejersker i akutmodtagelsen",
	"Radiologer og radiografer", "Patienter over 65 år med fald",
	"Kvinder i screeningsprogrammet", "Lægesekretærer på ortopædkirurgisk afdeling",
	"Scribe ApS", "Nordisk Billeddiagnostik A/S", "Sundhedsdata Øst",
	"Praktiserende læger i Syddanmark", "Fysioterapeuter på genoptræningen"
};

static const char *const first[] = {
	"anne", "jens", "mette", "søren", "åse", "bjørn", "lærke", "ole", "birgit", "karen"
};
static const char *const last[] = {
	"hansen", "jensen", "nielsen", "madsen", "østergaard", "kjær", "holm", "møller"
};

/* ASCII only in the address: the e-mail check wants what mail servers take. */
static void
ascii_name(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		if (!strncmp(s, "æ", 2))
			sb_add(sb, "ae"), s++;
		else if (!strncmp(s, "ø", 2))
			sb_add(sb, "oe"), s++;
		else if (!strncmp(s, "å", 2))
			sb_add(sb, "aa"), s++;
		else
			sb_addc(sb, *s);
	}
}

/* A value of q's type, as a user would type it. Caller frees. */
static char *
make_value(const struct question *q)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i, n;
	double lo, hi;

	switch (q->type) {
	case Q_TEXT:
		return xstrdup(phrases[pick(N_OF(phrases))]);
	case Q_LONGTEXT:
		for (i = 0, n = 1 + pick(4); i < n; i++)
			sb_addf(&sb, "%s%s", i ? " " : "", sentences[pick(N_OF(sentences))]);
		return sb_detach(&sb);
	case Q_YESNO:
		return xstrdup(chance(55) ? "ja" : "nej");
	case Q_CHOICE:
		return xstrdup(q->options[pick(q->noptions)].id);
	case Q_MULTI:
		for (i = 0; i < q->noptions; i++)
			if (chance(40) || (i + 1 == q->noptions && sb.len == 0))
				sb_addf(&sb, "%s%s", sb.len ? "," : "", q->options[i].id);
		return sb_detach(&sb);
	case Q_NUMBER:
		lo = q->has_min ? q->min : 0;
		hi = q->has_max ? q->max : lo + 500;
		sb_addf(&sb, "%.1f", lo + (hi - lo) * (double)pick(1000) / 1000.0);
		/* Danish decimal comma, as people type it. */
		for (i = 0; i < sb.len; i++)
			if (sb.s[i] == '.')
				sb.s[i] = ',';
		return sb_detach(&sb);
	case Q_AMOUNT:
		switch (pick(3)) {
		case 0:
			return xasprintf("%zu,%zu mio. kr.", 1 + pick(20), pick(10));
		case 1:
			return xasprintf("%zu.000 kr.", 50 + pick(950));
		default:
			return xasprintf("%zu", 10000 + pick(5000000));
		}
	case Q_DATE:
		if (chance(50))
			return xasprintf("%zu.%zu.%zu", 1 + pick(28), 1 + pick(12), 2025 + pick(3));
		return xasprintf("%zu-%02zu-%02zu", 2025 + pick(3), 1 + pick(12), 1 + pick(28));
	case Q_EMAIL:
		ascii_name(&sb, first[pick(N_OF(first))]);
		sb_addc(&sb, '.');
		ascii_name(&sb, last[pick(N_OF(last))]);
		sb_add(&sb, "@rsyd.dk");
		return sb_detach(&sb);
	case Q_URL:
		return xasprintf("https://leverandoer%zu.example.dk/produkt/%zu", pick(40), pick(1000));
	default:
		break;
	}
	return xstrdup("ved ikke");
}

static const char *const *tracks_for(size_t *n)
{
	static const char *const combos[][2] = {
		{ "ny-ide", NULL }, { "faerdigt-produkt", NULL },
		{ "faerdigt-produkt", "rsd-indkoeb" }, { "rsd-indkoeb", NULL },
		{ "ny-ide", "rsd-indkoeb" }
	};
	static const int weight[] = { 30, 20, 30, 10, 10 };
	int r = (int)pick(100);
	size_t i;

	for (i = 0; i < N_OF(weight) - 1 && r >= weight[i]; i++)
		r -= weight[i];
	*n = combos[i][1] ? 2 : 1;
	return combos[i];
}

struct counts {
	size_t answers, dontknow, changes, refused, handoffs_moved;
};

static int64_t now;

static void
tick(void)
{
	char buf[32];

	now += 60 + (int64_t)pick(3600);
	snprintf(buf, sizeof(buf), "%lld", (long long)now);
	setenv("AIREJSE_NOW", buf, 1);
}

static void
die(const char *what_failed, char *cause)
{
	fprintf(stderr, "gen: %s: %s\n", what_failed, cause ? cause : "?");
	exit(1);
}

/* Answers up to target questions of project id that apply and have no
 * answer, in the order of the tracks; conditional questions appear as
 * the answers call for them, so it goes round until none is left. */
static void
answer_project(struct action *a, int64_t id, size_t target, struct counts *c)
{
	size_t done = 0;
	int rounds;

	for (rounds = 0; rounds < 10 && done < target; rounds++) {
		struct snapshot *s = NULL;
		const struct progress *pr;
		size_t tr, k, i, before = done;
		char *cause = NULL;

		if (action_snapshot(a, id, &s, &cause) != 0)
			die("snapshot", cause);
		pr = s->progress;
		for (tr = 0; tr < pr->ntracks && done < target; tr++) {
			const struct track *t = pr->tracks[tr].track;

			for (k = 0; k < t->nsteps && done < target; k++) {
				const struct step *st = track_step_at(t, k);

				for (i = 0; i < st->nquestions && done < target; i++) {
					const struct question *q = st->questions[i];
					const struct answer *old = progress_answer(pr, q);
					char *v;
					int rc;

					if (!progress_applies(pr, q) || (old && old->kind != ANSWER_NONE))
						continue;
					v = chance(6) ? xstrdup("ved ikke") : make_value(q);
					tick();
					rc = action_answer(a, id, q->id, v, ACTION_ANY_REVISION, NULL, &cause);
					if (rc == 0) {
						done++;
						c->answers++;
						c->dontknow += strcmp(v, "ved ikke") == 0;
						/* Now and then a second thought. */
						if (chance(8)) {
							free(v);
							v = make_value(q);
							tick();
							if (action_answer(a, id, q->id, v, ACTION_ANY_REVISION,
							    NULL, &cause) == 0)
								c->changes++;
							else
								xfree(cause);
						}
					} else if (rc == EX_DATAERR) {
						/* It stopped applying, or a bound we did not meet. */
						c->refused++;
						xfree(cause);
					} else {
						die(q->id, cause);
					}
					free(v);
				}
			}
		}
		snapshot_free(s);
		if (done == before)
			break;
	}
}

/* Moves some of the project's open hand-offs on, as people answer them. */
static void
move_handoffs(struct action *a, int64_t id, struct counts *c)
{
	static const char *const notes[] = {
		"Sendt til juristen på mail", "Drøftet på møde med IT-arkitekten",
		"Afventer svar fra indkøb", "Svar modtaget – se bilag", "Lukket efter afklaring på styregruppemøde"
	};
	struct snapshot *s = NULL;
	char *cause = NULL;
	size_t i;

	if (action_snapshot(a, id, &s, &cause) != 0)
		die("snapshot", cause);
	for (i = 0; i < s->nhandoffs; i++) {
		const struct handoff *h = &s->handoffs[i];
		struct handoff_edit e = { 0 };
		char due[16];
		int steps = (int)pick(4), k;

		if (h->state != HANDOFF_RAISED)
			continue;
		for (k = 1; k <= steps; k++) {
			e.set_state = true;
			e.state = k == 1 ? HANDOFF_SENT : k == 2 ? HANDOFF_ANSWERED : HANDOFF_CLOSED;
			/* A generated workshop: its hand-offs are answered outside it. */
			e.unanswered_ok = true;
			e.note = notes[pick(N_OF(notes))];
			snprintf(due, sizeof(due), "%zu.%zu.2027", 1 + pick(28), 1 + pick(12));
			e.due = k == 1 ? due : NULL;
			tick();
			if (action_handoff(a, id, h->rule, &e, &cause) != 0)
				die(h->rule, cause);
			c->handoffs_moved++;
		}
	}
	snapshot_free(s);
}

int
main(int argc, char **argv)
{
	struct bench b;
	struct action *a = &b.act;
	struct counts c = { 0 };
	char *tmp;
	size_t n = argc > 2 ? strtoul(argv[2], NULL, 10) : 1000, i;
	int64_t id;
	char *cause = NULL;

	if (argc < 2 || argc > 4 || n == 0) {
		fprintf(stderr, "usage: gen DB [N [SEED]]\n");
		return EX_USAGE;
	}
	rng_state = argc > 3 ? strtoull(argv[3], NULL, 10) : 20261123;
	setenv("TZ", "UTC", 1);
	i18n_init(LANG_DA, NULL, NULL);
	/* Made under another name and moved into place when whole. */
	tmp = xasprintf("%s.tmp-%ld", argv[1], (long)getpid());
	bench_open(&b, tmp, 0);
	now = 1735689600;	/* 2025-01-01 */
	for (i = 0; i < n; i++) {
		static const char *const users[] = { "anne", "jens", "mette", "søren", "åse" };
		size_t nt, target;
		const char *const *tracks = tracks_for(&nt);
		char *name = xasprintf("%s – %s %zu", what[pick(N_OF(what))],
		    where[pick(N_OF(where))], i + 1);

		a->user = users[pick(N_OF(users))];
		a->source = chance(70) ? SOURCE_TUI : SOURCE_CLI;
		tick();
		if (action_project_new(a, name, (char *const *)tracks, nt, &id, &cause) != 0)
			die(name, cause);
		free(name);
		/* From just started to all but done: a spread of progress. */
		target = pick(100) < 10 ? 0 : 1 + pick(110);
		answer_project(a, id, target, &c);
		if (chance(60))
			move_handoffs(a, id, &c);
	}
	/* The last connection takes the journal files with it. */
	bench_close(&b);
	if (rename(tmp, argv[1]) != 0) {
		perror(argv[1]);
		return 1;
	}
	printf("gen: %zu projects, %zu answers (%zu \"ved ikke\", %zu changed), %zu refused, %zu hand-off changes\n",
	    n, c.answers, c.dontknow, c.changes, c.refused, c.handoffs_moved);
	free(tmp);
	return 0;
}
