/* test_b64url.c - the table-driven encoder agrees with libsodium's */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "base/b64url.h"
#include "base/util.h"
#include "tap.h"

int
main(void)
{
	unsigned char in[300];
	char a[420], b[420];
	size_t n;
	int same = 1;

	if (sodium_init() < 0)
		return 1;
	for (n = 0; n <= sizeof(in); n++) {
		randombytes_buf(in, n);
		memset(a, '*', sizeof(a));
		memset(b, '#', sizeof(b));
		b64url_encode_to(a, in, n);
		b64url_encode_public_to(b, in, n);
		if (strcmp(a, b) != 0 || strlen(b) != b64url_encoded_len(n))
			same = 0;
	}
	ok(same, "b64url_encode_public_to = b64url_encode_to, 0 to 300 bytes");
	same = 1;
	for (n = 0; n <= sizeof(in); n++) {
		unsigned char *p = NULL, *q = NULL;
		size_t pl = 0, ql = 0;

		randombytes_buf(in, n);
		b64url_encode_to(a, in, n);
		if (b64url_decode(a, strlen(a), 0, &p, &pl, NULL) != 0 ||
		    b64url_decode(a, strlen(a), 1, &q, &ql, NULL) != 0 ||
		    pl != n || ql != n || memcmp(p, in, n) != 0 ||
		    memcmp(q, in, n) != 0)
			same = 0;
		free(p);
		secret_free(q);
	}
	ok(same, "public and secret decoding give the bytes back, 0 to 300");
	{
		static const char *const bad[] = { "AB", "ABC", "A", "AAAAB",
		    "QUJ", "QR" };
		unsigned char *p;
		size_t pl, at, i, j;
		int refused = 1;

		for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
			for (j = 0; j < 2; j++) {
				p = NULL;
				at = 0;
				if (b64url_decode(bad[i], strlen(bad[i]), (int)j,
				    &p, &pl, &at) == 0 || at != strlen(bad[i]))
					refused = 0;
			}
		ok(refused, "non-zero unused bits and 4k+1 lengths are refused "
		    "by both decoders, at the end");
	}
	memset(in, 0xff, 3);
	b64url_encode_public_to(b, in, 3);
	ok(strcmp(b, "____") == 0, "all ones: '_'");
	in[0] = 0xfb;
	in[1] = 0xef;
	b64url_encode_public_to(b, in, 2);
	ok(strcmp(b, "--8") == 0, "0xfbef: '-', no padding");
	return tap_done();
}
