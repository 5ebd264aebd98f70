#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <jansson.h>
#include <pcre2.h>
#include <yaml.h>

#include "airejse/i18n.h"
#include "airejse/lazylib.h"

#ifndef JANSSON_SONAME
#define JANSSON_SONAME "libjansson.so"
#endif
#ifndef YAML_SONAME
#define YAML_SONAME "libyaml.so"
#endif
#ifndef PCRE2_SONAME
#define PCRE2_SONAME "libpcre2-8.so"
#endif

static struct {
	const char	*soname;
	const char	*package;	/* Debian's */
	void		*handle;
} libs[LAZY__COUNT] = {
	[LAZY_JANSSON] = { JANSSON_SONAME, "libjansson4", NULL },
	[LAZY_YAML] = { YAML_SONAME, "libyaml-0-2", NULL },
	[LAZY_PCRE2] = { PCRE2_SONAME, "libpcre2-8-0", NULL },
};

bool
lazylib_loaded(enum lazylib lib)
{
	return libs[lib].handle != NULL;
}

static void
unavailable(enum lazylib lib, const char *why)
{
	fprintf(stderr, _("airejse: cannot load %s (%s); install it (Debian: %s)\n"),
	    libs[lib].soname, why, libs[lib].package);
	exit(EX_UNAVAILABLE);
}

/* The address of function name of lib, opening lib on first use. */
static void *
lazy_sym(enum lazylib lib, const char *name)
{
	void *sym;

	if (libs[lib].handle == NULL &&
	    (libs[lib].handle = dlopen(libs[lib].soname, RTLD_NOW | RTLD_LOCAL)) == NULL)
		unavailable(lib, dlerror());
	if ((sym = dlsym(libs[lib].handle, name)) == NULL)
		unavailable(lib, dlerror());
	return sym;
}

/* Each function: a pointer found on its first call. (memcpy, as ISO C
 * has no conversion from void * to a function pointer.) */
#define FN(lib, name)							\
	static __typeof__(name) *fn;					\
									\
	if (fn == NULL) {						\
		void *sym = lazy_sym(lib, #name);			\
									\
		memcpy(&fn, &sym, sizeof(fn));				\
	}

#define LAZY(lib, ret, name, params, args)				\
	ret name params { FN(lib, name) return fn args; }
#define LAZY_VOID(lib, name, params, args)				\
	void name params { FN(lib, name) fn args; }

/* libjansson */
LAZY(LAZY_JANSSON, json_t *, json_object, (void), ())
LAZY(LAZY_JANSSON, json_t *, json_array, (void), ())
LAZY(LAZY_JANSSON, json_t *, json_string, (const char *s), (s))
LAZY(LAZY_JANSSON, json_t *, json_stringn, (const char *s, size_t n), (s, n))
LAZY(LAZY_JANSSON, json_t *, json_integer, (json_int_t v), (v))
LAZY(LAZY_JANSSON, json_t *, json_true, (void), ())
LAZY(LAZY_JANSSON, json_t *, json_false, (void), ())
LAZY(LAZY_JANSSON, json_t *, json_null, (void), ())
LAZY_VOID(LAZY_JANSSON, json_delete, (json_t *j), (j))
LAZY(LAZY_JANSSON, int, json_object_set_new, (json_t *o, const char *k, json_t *v), (o, k, v))
LAZY(LAZY_JANSSON, json_t *, json_object_get, (const json_t *o, const char *k), (o, k))
LAZY(LAZY_JANSSON, int, json_object_del, (json_t *o, const char *k), (o, k))
LAZY(LAZY_JANSSON, int, json_array_append_new, (json_t *a, json_t *v), (a, v))
LAZY(LAZY_JANSSON, json_t *, json_array_get, (const json_t *a, size_t i), (a, i))
LAZY(LAZY_JANSSON, size_t, json_array_size, (const json_t *a), (a))
LAZY(LAZY_JANSSON, const char *, json_string_value, (const json_t *j), (j))
LAZY(LAZY_JANSSON, json_int_t, json_integer_value, (const json_t *j), (j))
LAZY(LAZY_JANSSON, char *, json_dumps, (const json_t *j, size_t flags), (j, flags))
LAZY(LAZY_JANSSON, int, json_dumpf, (const json_t *j, FILE *f, size_t flags), (j, f, flags))
LAZY(LAZY_JANSSON, json_t *, json_load_file,
    (const char *path, size_t flags, json_error_t *error), (path, flags, error))

/* libyaml */
LAZY(LAZY_YAML, int, yaml_parser_initialize, (yaml_parser_t *p), (p))
LAZY_VOID(LAZY_YAML, yaml_parser_delete, (yaml_parser_t *p), (p))
LAZY_VOID(LAZY_YAML, yaml_parser_set_input_string,
    (yaml_parser_t *p, const unsigned char *in, size_t n), (p, in, n))
LAZY(LAZY_YAML, int, yaml_parser_load, (yaml_parser_t *p, yaml_document_t *d), (p, d))
LAZY_VOID(LAZY_YAML, yaml_document_delete, (yaml_document_t *d), (d))
LAZY(LAZY_YAML, yaml_node_t *, yaml_document_get_node, (yaml_document_t *d, int i), (d, i))
LAZY(LAZY_YAML, yaml_node_t *, yaml_document_get_root_node, (yaml_document_t *d), (d))

/* libpcre2-8: the names the pcre2_* macros stand for. */
LAZY(LAZY_PCRE2, pcre2_code *, pcre2_compile_8,
    (PCRE2_SPTR p, PCRE2_SIZE n, uint32_t o, int *e, PCRE2_SIZE *off, pcre2_compile_context *c),
    (p, n, o, e, off, c))
LAZY_VOID(LAZY_PCRE2, pcre2_code_free_8, (pcre2_code *c), (c))
LAZY(LAZY_PCRE2, int, pcre2_jit_compile_8, (pcre2_code *c, uint32_t o), (c, o))
LAZY(LAZY_PCRE2, int, pcre2_match_8,
    (const pcre2_code *c, PCRE2_SPTR s, PCRE2_SIZE n, PCRE2_SIZE at, uint32_t o,
    pcre2_match_data *md, pcre2_match_context *mc), (c, s, n, at, o, md, mc))
LAZY(LAZY_PCRE2, pcre2_match_data *, pcre2_match_data_create_from_pattern_8,
    (const pcre2_code *c, pcre2_general_context *g), (c, g))
LAZY_VOID(LAZY_PCRE2, pcre2_match_data_free_8, (pcre2_match_data *md), (md))
LAZY(LAZY_PCRE2, PCRE2_SIZE *, pcre2_get_ovector_pointer_8, (pcre2_match_data *md), (md))
LAZY(LAZY_PCRE2, int, pcre2_get_error_message_8, (int e, PCRE2_UCHAR *buf, PCRE2_SIZE n),
    (e, buf, n))
LAZY(LAZY_PCRE2, pcre2_match_context *, pcre2_match_context_create_8,
    (pcre2_general_context *g), (g))
LAZY_VOID(LAZY_PCRE2, pcre2_match_context_free_8, (pcre2_match_context *mc), (mc))
LAZY(LAZY_PCRE2, int, pcre2_set_match_limit_8, (pcre2_match_context *mc, uint32_t v), (mc, v))
LAZY(LAZY_PCRE2, int, pcre2_set_depth_limit_8, (pcre2_match_context *mc, uint32_t v), (mc, v))
