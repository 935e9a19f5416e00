/*
 * test_roca.c - the ROCA fingerprint of RSA moduli (CVE-2017-15361)
 *
 * The ROCA moduli were made by tests/helpers/rocakey.py as Infineon's
 * RSALib made its primes, p = k * M + (65537^a mod M); the others are the
 * moduli of the fixture keys and random numbers, which must not match.
 */
#include <stdint.h>
#include <string.h>

#include <sodium.h>

#include "keys/keys.h"
#include "tap.h"

/* rocakey.py --modulus 512 jwtool-roca-512 (M: the primes to 167) */
static const char roca512[] =
	"eee6e1eb5b3ee0c9469fbce4ddc760bf7897896505fe24e173032a852e49e762"
	"4997ac4f00339ea4699e1faef7773c84ea4f42fd618d421a98863a9da7f8edb5";

/* rocakey.py --modulus 1024 jwtool-roca-1024 (M: the primes to 353) */
static const char roca1024[] =
	"c67499f8a059876d9e5c0a01748f935890fbbc31a95da1f87f0fb48e34ef1c08"
	"a1640669af5c799f7f6e15e90e6eb7109011428083b3008baf0850fe963018d9"
	"f2e75cb0cb82dc1c3b0bc9e98370a3396d8c54cbabe0c6742e14bbad5d12492e"
	"719511f483d996e84cdcb8de9e1e7831d97d65fb71149d6f55540c0a4127e68b";

/* tests/fixtures/keys/roca2048.pem: rocakey.py 2048 jwtool-roca-2048
 * (M: the primes to 701) */
static const char roca2048[] =
	"bd9ea9c1ec7c14990eb11ec72280ab40d538fab52680ec897db6579d58cb28a1"
	"80b76cdc3e32a5d69b1a62ea47ecd0605b541146c7a2382ab72b671b3c442226"
	"54093f5837c7455cffc923541e13931f252314f1fd13e3f82a19abb78b8efb3e"
	"4d75c29bffb1918f8681f72462b6c56a708de377de1ab6da4be7f209e6398a93"
	"8f9d06ff134d8d745ede10ba16e90c335cf084d67ca3cf893d007e0a4fff3b67"
	"920a90cbacabe680026e3d7ea8aea60ef6576559b324b9698c2218ceb1f67606"
	"b18fe443d11699db52ec8be1abddd75d6414f596af552794a5638f01595c6f98"
	"b96b58fc87d87d1e8359a9f62abaaa83f9b6d9b588764a3f6205416a10973aff";

/* tests/fixtures/keys/rsa2048.pem (openssl genpkey) */
static const char fixture2048[] =
	"d444bd3cddfbc9561fa2a566e1f860455988fec29fe3c6955b08bc0998ee2ceb"
	"ab32e7546c7dc8e5b138324125e17c2cf9b820146ca5199a0658d4a5857d2f0d"
	"8efecbe4dec4f0a0d431dc2da5a816ce5040bd84ed1ea53d6c54967b6060deca"
	"5fc7172059f6c352bb24601e4da8b919b0a2e32779f6172bb2c7edd5646c74a7"
	"bd578d60104f330f563865776f06f561a32e9181d77fb994438b122b02cfc5cc"
	"76ac3a6316d3a85a12a444429946ae8ac32a40fa4c43147d6c542b6358473dfa"
	"ee915c3bdc1da086857decafec34b34d6d86dc76fa261e49d19c448a83c4ea44"
	"0b8252eee0b630b9e327d540ef50ea91d6aa8580d26363d2b16115055d837d89";

/* tests/fixtures/keys/rsa1024.pem (openssl genpkey) */
static const char fixture1024[] =
	"b0134ea225ae43885a223b1e55442f7334e1338182aa4d987ba6fcc16801f339"
	"1aaf7d7f1901c2ee55566897c7c2939c6452c680215a0ad8ffdaa529b34f4337"
	"2b216fe945a7f73634207aee6e0cd33d02256c314f0ecd3ffef4bdcfa99e1775"
	"3da2e377f82171e9da3102c322bca06722f17a4696201c88ed5086ccf4fddbf1";
/* The primes the test looks at. */
static const unsigned primes[] = {
	3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67,
	71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113, 127, 131, 137, 139,
	149, 151, 157, 163, 167
};
#define NPRIMES (sizeof(primes) / sizeof(primes[0]))

/* Big-endian numbers of a fixed size, room for 4096 bits and a carry. */
#define L 520

static size_t
from_hex(const char *h, unsigned char *b)
{
	size_t n = strlen(h) / 2, i;
	unsigned v;

	for (i = 0; i < n; i++) {
		sscanf(h + 2 * i, "%2x", &v);
		b[i] = (unsigned char)v;
	}
	return n;
}

/* a (L bytes) = a * m */
static void
mul_small(unsigned char *a, unsigned m)
{
	unsigned long c = 0;
	size_t i;

	for (i = L; i-- > 0;) {
		c += (unsigned long)a[i] * m;
		a[i] = (unsigned char)c;
		c >>= 8;
	}
}

/* a (L bytes) += b (L bytes) */
static void
add(unsigned char *a, const unsigned char *b)
{
	unsigned c = 0;
	size_t i;

	for (i = L; i-- > 0;) {
		c += (unsigned)a[i] + b[i];
		a[i] = (unsigned char)c;
		c >>= 8;
	}
}

/* a (L bytes) modulo r, a byte at a time. */
static unsigned
mod_small(const unsigned char *a, unsigned r)
{
	unsigned x = 0;
	size_t i;

	for (i = 0; i < L; i++)
		x = (x * 256 + a[i]) % r;
	return x;
}

/* Whether x is a power of 65537 modulo r. */
static int
is_power(unsigned x, unsigned r)
{
	unsigned y = 1;

	do {
		if (y == x)
			return 1;
		y = y * (65537 % r) % r;
	} while (y != 1);
	return 0;
}

/* hex as an L-byte number. */
static void
load(const char *hex, unsigned char *a)
{
	unsigned char b[L];
	size_t n = from_hex(hex, b);

	memset(a, 0, L);
	memcpy(a + L - n, b, n);
}

/* key_rsa_roca on a without its leading zero bytes, and with 0 to 3 of
 * them (the function reads a head of len % 4 bytes, then words) */
static int
roca(const unsigned char *a)
{
	size_t z = 0;
	int r, pad;

	while (z < L && a[z] == 0)
		z++;
	r = key_rsa_roca(a + z, L - z);
	for (pad = 1; pad <= 3 && z >= (size_t)pad; pad++)
		if (key_rsa_roca(a + z - pad, L - z + (size_t)pad) != r)
			return -1;
	return r;
}

/*
 * n + j * (M / r), M the product of the primes: for j from 1 to r - 1 its
 * residue modulo r takes every value but n's, and modulo the other primes
 * it is n's.  1 when key_rsa_roca says of each what the residue says.
 */
static int
each_residue(const unsigned char *n, size_t which)
{
	unsigned char step[L], c[L];
	unsigned j, r = primes[which];
	size_t i;

	memset(step, 0, L);
	step[L - 1] = 1;
	for (i = 0; i < NPRIMES; i++)
		if (i != which)
			mul_small(step, primes[i]);
	memcpy(c, n, L);
	for (j = 1; j < r; j++) {
		add(c, step);
		if (roca(c) != is_power(mod_small(c, r), r))
			return 0;
	}
	return 1;
}

int
main(void)
{
	static const char *const rocas[] = { roca512, roca1024, roca2048 };
	static const char *const names[] = { "512", "1024", "2048" };
	unsigned char n[L], m[L], seed[randombytes_SEEDBYTES] = { 0 };
	size_t i, matched;
	int all;

	if (sodium_init() < 0)
		return 1;
	for (i = 0; i < 3; i++) {
		load(rocas[i], n);
		ok(roca(n) == 1, "a %s-bit RSALib-style modulus has the "
		    "fingerprint", names[i]);
	}
	load(fixture2048, n);
	ok(roca(n) == 0, "the rsa2048.pem fixture's modulus has not");
	load(fixture1024, n);
	ok(roca(n) == 0, "the rsa1024.pem fixture's modulus has not");

	/* only the residues count: n + M has the fingerprint too */
	load(roca2048, n);
	memset(m, 0, L);
	m[L - 1] = 1;
	for (i = 0; i < NPRIMES; i++)
		mul_small(m, primes[i]);
	add(n, m);
	ok(roca(n) == 1, "n + M, M the product of the primes 3 to 167");

	/* every prime counts, each with every residue */
	load(roca512, n);
	for (i = 0, all = 1; i < NPRIMES; i++)
		if (!each_residue(n, i)) {
			all = 0;
			ok(0, "each residue modulo %u", primes[i]);
		}
	ok(all, "every residue modulo each of the %zu primes decides as a "
	    "power of 65537 or not", NPRIMES);

	/* random odd 2048-bit numbers (deterministic: a fixed seed) */
	for (i = 0, matched = 0; i < 2000; i++) {
		memset(n, 0, L);
		seed[0] = (unsigned char)i;
		seed[1] = (unsigned char)(i >> 8);
		randombytes_buf_deterministic(n + L - 256, 256, seed);
		n[L - 256] |= 0x80;
		n[L - 1] |= 1;
		matched += roca(n) != 0;
	}
	ok(matched == 0, "none of 2000 random 2048-bit numbers (%zu matched)",
	    matched);
	ok(key_rsa_roca(NULL, 0) == 0, "zero has not (0 is no power)");
	return tap_done();
}
