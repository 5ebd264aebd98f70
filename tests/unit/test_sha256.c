/* SPDX-License-Identifier: EUPL-1.2 */
/* SHA-256 against the published test vectors (FIPS 180-4 examples and
 * NIST's), and the base64 form a Content-Security-Policy takes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "airejse/sha256.h"
#include "airejse/xalloc.h"
#include "testutil.h"

static void
hex_is(const char *in, size_t n, const char *want)
{
	uint8_t d[SHA256_SIZE];
	char got[2 * SHA256_SIZE + 1];
	size_t i;

	sha256(in, n, d);
	for (i = 0; i < SHA256_SIZE; i++)
		snprintf(got + 2 * i, 3, "%02x", d[i]);
	ck_assert_msg(strcmp(got, want) == 0, "sha256 of %zu bytes: %s, expected %s", n, got, want);
}

START_TEST(vectors)
{
	char *million = xmalloc(1000000);

	hex_is("", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	hex_is("abc", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	/* Two blocks: the padding does not fit after 56 bytes. */
	hex_is("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56,
	    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	hex_is("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
	    112, "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
	memset(million, 'a', 1000000);
	hex_is(million, 1000000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(million);
	/* 55 and 64 bytes: one block of padding, and a full block then one. */
	hex_is("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 55,
	    "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
	hex_is("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 64,
	    "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}
END_TEST

START_TEST(base64)
{
	char *b = sha256_base64("abc", 3);

	ck_assert_str_eq(b, "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
	free(b);
	b = sha256_base64("", 0);
	ck_assert_str_eq(b, "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
	free(b);
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("sha256");
	TCase *tc = tcase_create("sha256");

	tcase_add_test(tc, vectors);
	tcase_add_test(tc, base64);
	suite_add_tcase(s, tc);
	return s;
}
