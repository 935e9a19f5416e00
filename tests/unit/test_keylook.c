/* test_keylook.c - what key input looks like: secrets stay secrets */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "keys/keylook.h"
#include "keys/keys.h"
#include "tap.h"
#include "base/util.h"

/*
 * The random bytes are a fixed stream (ChaCha20 of a counter), so that a
 * failure is the same on every run; the counts are well beyond what an
 * honest false-positive rate of about 2^-40 would ever show.
 */
static void
stream(unsigned char *b, size_t n, unsigned long i)
{
	unsigned char seed[randombytes_SEEDBYTES] = { 0 };

	memcpy(seed, &i, sizeof(i));
	seed[sizeof(seed) - 1] = 0x6b;
	randombytes_buf_deterministic(b, n, seed);
}

static const size_t lens[] = { 32, 48, 64 };

/* How many of count random secrets of n bytes, after prefix, are not
 * KL_SECRET. */
static unsigned long
refused(size_t n, const unsigned char *prefix, size_t plen,
    unsigned long count, unsigned long salt)
{
	unsigned char b[64];
	struct keylook l;
	unsigned long i, bad = 0;

	for (i = 0; i < count; i++) {
		stream(b, n, salt + i);
		if (plen > 0)
			memcpy(b, prefix, plen);
		keylook(b, n, &l);
		bad += l.kind != KL_SECRET;
	}
	return bad;
}

static void
test_random(void)
{
	size_t i;

	for (i = 0; i < 3; i++)
		ok(refused(lens[i], NULL, 0, 100000, i << 24) == 0,
		    "100000 random %zu-byte secrets are all secrets", lens[i]);
}

/* Random secrets that begin like something else are still secrets. */
static void
test_prefixes(void)
{
	static const struct {
		const char *b;
		size_t n;
		const char *what;
	} pre[] = {
		{ "\xff\xfe", 2, "a UTF-16LE byte order mark" },
		{ "\xfe\xff", 2, "a UTF-16BE byte order mark" },
		{ "\xff\xfe\0\0", 4, "a UTF-32LE byte order mark" },
		{ "\0\0\xfe\xff", 4, "a UTF-32BE byte order mark" },
		{ "\xef\xbb\xbf", 3, "a UTF-8 byte order mark" },
		{ "{", 1, "'{'" },
		{ "[{", 2, "'[{'" },
		{ "<html>", 6, "'<html>'" },
		{ "ssh-ed25519 ", 12, "'ssh-ed25519 '" },
		{ "a\0b\0c\0", 6, "ASCII with NUL bytes" },
	};
	unsigned char der[2] = { 0x30, 0 };
	size_t i, k;

	for (k = 0; k < 3; k++) {
		der[1] = (unsigned char)(lens[k] - 2);
		ok(refused(lens[k], der, 2, 100000, 1ul << 40 | k << 24) == 0,
		    "100000 random %zu-byte secrets that start like a DER "
		    "SEQUENCE of their length are secrets", lens[k]);
		for (i = 0; i < sizeof(pre) / sizeof(pre[0]); i++)
			ok(refused(lens[k], (const unsigned char *)pre[i].b,
			    pre[i].n, 5000, 2ul << 40 | k << 32 | i << 24) == 0,
			    "5000 random %zu-byte secrets after %s are secrets",
			    lens[k], pre[i].what);
	}
}

/* Base64, base64url and hex text of random bytes (openssl rand -base64,
 * -hex), in every spelling, is a text secret. */
static void
test_text_secrets(void)
{
	unsigned char b[64];
	char t[200];
	struct keylook l;
	unsigned long i, bad[5] = { 0 };
	size_t k, j;

	for (k = 0; k < 3; k++)
		for (i = 0; i < 5000; i++) {
			stream(b, lens[k], 3ul << 40 | k << 24 | i);
			sodium_bin2base64(t, sizeof(t), b, lens[k],
			    sodium_base64_VARIANT_ORIGINAL);
			keylook((unsigned char *)t, strlen(t), &l);
			bad[0] += l.kind != KL_SECRET;
			strcat(t, "\n");
			keylook((unsigned char *)t, strlen(t), &l);
			bad[1] += l.kind != KL_SECRET;
			sodium_bin2base64(t, sizeof(t), b, lens[k],
			    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
			keylook((unsigned char *)t, strlen(t), &l);
			bad[2] += l.kind != KL_SECRET;
			sodium_bin2hex(t, sizeof(t), b, lens[k]);
			keylook((unsigned char *)t, strlen(t), &l);
			bad[3] += l.kind != KL_SECRET;
			for (j = 0; t[j] != '\0'; j++)
				if (t[j] >= 'a' && t[j] <= 'f')
					t[j] = (char)(t[j] - 'a' + 'A');
			keylook((unsigned char *)t, strlen(t), &l);
			bad[4] += l.kind != KL_SECRET;
		}
	ok(bad[0] == 0 && bad[1] == 0, "15000 base64 texts of random bytes, "
	    "with and without a newline, are secrets");
	ok(bad[2] == 0, "15000 base64url texts of random bytes are secrets");
	ok(bad[3] == 0 && bad[4] == 0, "15000 hex texts of random bytes, lower "
	    "and upper case, are secrets");
}

/* Through the loader: detected raw secrets, marked as guessed. */
static void
test_load(void)
{
	unsigned char b[64];
	struct keyset *ks;
	unsigned long i, bad = 0, guessed = 0;

	for (i = 0; i < 2000; i++) {
		stream(b, lens[i % 3], 4ul << 40 | i);
		ks = NULL;
		if (keys_load_mem(b, lens[i % 3], "t", KF_AUTO, &ks) != JW_OK ||
		    ks->n != 1 || ks->keys[0]->kty != KTY_OCT ||
		    ks->keys[0]->secret_len != lens[i % 3])
			bad++;
		else
			guessed += ks->keys[0]->guessed;
		keyset_free(ks);
		jw_clear_error();
	}
	ok(bad == 0 && guessed == 2000, "2000 random secrets load as raw "
	    "secrets, each marked as detected (%lu refused)", bad);
	stream(b, 32, 5ul << 40);
	ok(keys_load_mem(b, 32, "t", KF_RAW, &ks) == JW_OK &&
	    !ks->keys[0]->guessed, "--key-format raw: not a guess");
	keyset_free(ks);
}

/* The other side: what the classifier must recognise. */
static void
test_kinds(void)
{
	/* an Ed25519 SPKI (RFC 8410), public key all 0x11 */
	static const unsigned char spki[44] = { 0x30, 0x2a, 0x30, 0x05, 0x06,
	    0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00, 0x11, 0x11, 0x11, 0x11,
	    0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11,
	    0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11,
	    0x11, 0x11, 0x11, 0x11, 0x11, 0x11 };
	static const char jwk[] = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\"}";
	unsigned char w[256];
	char t[128];
	struct keylook l;
	size_t i, n = strlen(jwk);

	keylook(spki, sizeof(spki), &l);
	ok(l.kind == KL_DER, "an Ed25519 SPKI is DER");
	keylook((const unsigned char *)"\x30\x03\x02\x01\x00", 5, &l);
	ok(l.kind == KL_SECRET, "a SEQUENCE holding one INTEGER is no key");
	sodium_bin2base64(t, sizeof(t), spki, sizeof(spki),
	    sodium_base64_VARIANT_ORIGINAL);
	keylook((unsigned char *)t, strlen(t), &l);
	ok(l.kind == KL_TEXT_DER && strcmp(l.what, "base64 text of a DER key "
	    "without PEM armour") == 0, "its base64: %s", l.what);
	sodium_bin2hex(t, sizeof(t), spki, sizeof(spki));
	keylook((unsigned char *)t, strlen(t), &l);
	ok(l.kind == KL_TEXT_DER && strncmp(l.what, "hex ", 4) == 0,
	    "its hex: %s", l.what);
	for (i = 0; i < n; i++) {
		w[2 * i] = (unsigned char)jwk[i];
		w[2 * i + 1] = 0;
	}
	keylook(w, 2 * n, &l);
	ok(l.kind == KL_WIDE && strcmp(l.what, "a JWK or JWKS in UTF-16LE") ==
	    0 && strcmp(l.how, "convert it to UTF-8 (iconv -f UTF-16LE -t "
	    "UTF-8)") == 0, "a UTF-16LE JWK: %s: %s", l.what, l.how);
	/* a lone surrogate is not UTF-16 text */
	w[0] = 0x00;
	w[1] = 0xd8;
	keylook(w, 2 * n, &l);
	ok(l.kind == KL_SECRET, "UTF-16 with a lone surrogate is not text");
	keylook((const unsigned char *)"\xef\xbb\xbf{}", 5, &l);
	ok(l.kind == KL_BOM, "a JSON object behind a UTF-8 BOM: %s", l.what);
	keylook((const unsigned char *)"<3 my cat's name", 16, &l);
	ok(l.kind == KL_SECRET, "text starting with '<' but no tag is text");
	keylook((const unsigned char *)"ssh-keys-are-not-secrets-0123456789",
	    35, &l);
	ok(l.kind == KL_SECRET, "text starting with 'ssh-' but no key is text");
	keylook((const unsigned char *)"[1,2,3]", 7, &l);
	ok(l.kind == KL_SECRET, "a JSON array of numbers is not a JWK array");
}

/*
 * A SEQUENCE whose length fills the input but holds nothing: the
 * classifier reads no byte past the end (ASan and valgrind see the exact
 * allocation).  Found by fuzz_keys.
 */
static void
test_empty_sequences(void)
{
	static const struct {
		const char *b;
		size_t n;
	} in[] = { { "\x30\x81\x00", 3 }, { "\x30\x82\x00\x00", 4 },
	    { "\x30\x01\x30", 3 }, { "\x30\x81\x01\x30", 4 } };
	struct keylook l;
	unsigned char *b;
	size_t i, bad = 0;

	for (i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
		b = xmalloc(in[i].n);
		memcpy(b, in[i].b, in[i].n);
		keylook(b, in[i].n, &l);
		bad += l.kind != KL_SECRET;
		free(b);
	}
	ok(bad == 0, "empty and truncated SEQUENCEs are secrets, read within "
	    "their bytes");
}

int
main(void)
{
	if (sodium_init() < 0)
		return 1;
	test_random();
	test_prefixes();
	test_text_secrets();
	test_load();
	test_kinds();
	test_empty_sequences();
	return tap_done();
}
