/* der.c - a small strict DER reader for RSA and EC key structures */
#include <string.h>

#include "keys/der.h"

/* A cursor over DER content. */
struct rd {
	const unsigned char *p, *end;
};

/*
 * Read one element with tag into *v (its content); 1 read, 0 not there or
 * not minimal DER.
 */
static int
tlv(struct rd *r, unsigned char tag, struct rd *v)
{
	const unsigned char *p = r->p;
	size_t len, i, nb;

	if (r->end - p < 2 || p[0] != tag)
		return 0;
	len = p[1];
	p += 2;
	if (len & 0x80) {
		nb = len & 0x7f;
		if (nb == 0 || nb > 3 || (size_t)(r->end - p) < nb || p[0] == 0)
			return 0;
		for (len = 0, i = 0; i < nb; i++)
			len = len << 8 | p[i];
		p += nb;
		if (len < 0x80)
			return 0;
	}
	if ((size_t)(r->end - p) < len)
		return 0;
	v->p = p;
	v->end = p + len;
	r->p = p + len;
	return 1;
}

static int
done(const struct rd *r)
{
	return r->p == r->end;
}

/* A non-negative INTEGER as a member, its sign byte dropped. */
static int
integer(struct rd *r, const char *name, struct der_key *k)
{
	struct rd v;

	if (!tlv(r, 0x02, &v) || v.p == v.end || (v.p[0] & 0x80))
		return 0;
	if (v.end - v.p > 1 && v.p[0] == 0) {
		if (!(v.p[1] & 0x80))
			return 0;
		v.p++;
	}
	k->m[k->nm].name = name;
	k->m[k->nm].b = v.p;
	k->m[k->nm].n = (size_t)(v.end - v.p);
	k->nm++;
	return 1;
}

/* An INTEGER holding the small value want. */
static int
small(struct rd *r, unsigned char want)
{
	struct rd v;

	return tlv(r, 0x02, &v) && v.end - v.p == 1 && v.p[0] == want;
}

static int
is(const struct rd *v, const unsigned char *b, size_t n)
{
	return (size_t)(v->end - v->p) == n && memcmp(v->p, b, n) == 0;
}

static const unsigned char oid_rsa[] = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d,
    0x01, 0x01, 0x01 };
static const unsigned char oid_ec[] = { 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02,
    0x01 };

static const struct {
	const char *jose;
	size_t len;
	unsigned char oid[8];
	size_t oidlen;
} curves[] = {
	{ "P-256", 32, { 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07 }, 8 },
	{ "P-384", 48, { 0x2b, 0x81, 0x04, 0x00, 0x22 }, 5 },
	{ "P-521", 66, { 0x2b, 0x81, 0x04, 0x00, 0x23 }, 5 },
	{ "secp256k1", 32, { 0x2b, 0x81, 0x04, 0x00, 0x0a }, 5 },
};

/* The curve an OID names; -1 for none jwtool knows. */
static int
curve(const struct rd *oid)
{
	size_t i;

	for (i = 0; i < sizeof(curves) / sizeof(curves[0]); i++)
		if (is(oid, curves[i].oid, curves[i].oidlen))
			return (int)i;
	return -1;
}

/* An uncompressed point of curve c as members x and y. */
static int
point(const unsigned char *b, size_t n, int c, struct der_key *k)
{
	size_t h = curves[c].len;

	if (n != 1 + 2 * h || b[0] != 0x04)
		return 0;
	k->m[k->nm++] = (struct ossl_member){ "x", b + 1, h };
	k->m[k->nm++] = (struct ossl_member){ "y", b + 1 + h, h };
	return 1;
}

/* A BIT STRING without unused bits. */
static int
bits(struct rd *r, struct rd *v)
{
	if (!tlv(r, 0x03, v) || v->p == v->end || v->p[0] != 0)
		return 0;
	v->p++;
	return 1;
}

static int
rsa_public(struct rd *r, struct der_key *k)
{
	struct rd s;

	k->type = OSSL_T_RSA;
	return tlv(r, 0x30, &s) && done(r) && integer(&s, "n", k) &&
	    integer(&s, "e", k) && done(&s);
}

static int
rsa_private(struct rd *r, struct der_key *k)
{
	static const char *const names[] = { "n", "e", "d", "p", "q", "dp",
	    "dq", "qi" };
	struct rd s;
	size_t i;

	k->type = OSSL_T_RSA;
	if (!tlv(r, 0x30, &s) || !done(r) || !small(&s, 0))
		return 0;
	for (i = 0; i < 8; i++)
		if (!integer(&s, names[i], k))
			return 0;
	return done(&s);
}

/* SEC1 ECPrivateKey; c is the curve from PKCS#8 or -1. */
static int
ec_private(struct rd *r, int c, struct der_key *k)
{
	struct rd s, d, t, v;

	k->type = OSSL_T_EC;
	if (!tlv(r, 0x30, &s) || !done(r) || !small(&s, 1) ||
	    !tlv(&s, 0x04, &d))
		return 0;
	if (tlv(&s, 0xa0, &t)) {
		int c2;

		if (!tlv(&t, 0x06, &v) || !done(&t) || (c2 = curve(&v)) < 0 ||
		    (c >= 0 && c != c2))
			return 0;
		c = c2;
	}
	if (c < 0 || (size_t)(d.end - d.p) != curves[c].len ||
	    !tlv(&s, 0xa1, &t) || !bits(&t, &v) || !done(&t) || !done(&s) ||
	    !point(v.p, (size_t)(v.end - v.p), c, k))
		return 0;
	k->crv = curves[c].jose;
	k->m[k->nm++] = (struct ossl_member){ "d", d.p, curves[c].len };
	return 1;
}

/* AlgorithmIdentifier: OSSL_T_RSA, or OSSL_T_EC with *c; 0 otherwise. */
static int
algid(struct rd *r, int *c)
{
	struct rd a, oid, par;

	if (!tlv(r, 0x30, &a) || !tlv(&a, 0x06, &oid))
		return 0;
	if (is(&oid, oid_rsa, sizeof(oid_rsa)))
		return tlv(&a, 0x05, &par) && par.p == par.end && done(&a) ?
		    OSSL_T_RSA : 0;
	if (is(&oid, oid_ec, sizeof(oid_ec)) && tlv(&a, 0x06, &par) &&
	    done(&a) && (*c = curve(&par)) >= 0)
		return OSSL_T_EC;
	return 0;
}

static int
pkcs8(struct rd *r, struct der_key *k)
{
	struct rd s, o;
	int type, c = -1;

	if (!tlv(r, 0x30, &s) || !done(r) || !small(&s, 0) ||
	    !(type = algid(&s, &c)) || !tlv(&s, 0x04, &o) || !done(&s))
		return 0;
	return type == OSSL_T_RSA ? rsa_private(&o, k) : ec_private(&o, c, k);
}

static int
spki(struct rd *r, struct der_key *k)
{
	struct rd s, b;
	int type, c = -1;

	if (!tlv(r, 0x30, &s) || !done(r) || !(type = algid(&s, &c)) ||
	    !bits(&s, &b) || !done(&s))
		return 0;
	if (type == OSSL_T_RSA)
		return rsa_public(&b, k);
	k->type = OSSL_T_EC;
	k->crv = curves[c].jose;
	return point(b.p, (size_t)(b.end - b.p), c, k);
}

int
der_key_parts(const unsigned char *der, size_t len, const char *label,
    struct der_key *out)
{
	static const char *const labels[] = { "PRIVATE KEY", "PUBLIC KEY",
	    "RSA PRIVATE KEY", "RSA PUBLIC KEY", "EC PRIVATE KEY" };
	size_t i;

	for (i = 0; i < sizeof(labels) / sizeof(labels[0]); i++) {
		struct rd r = { der, der + len };

		if (label != NULL && strcmp(label, labels[i]) != 0)
			continue;
		memset(out, 0, sizeof(*out));
		if (i == 0 ? pkcs8(&r, out) : i == 1 ? spki(&r, out) :
		    i == 2 ? rsa_private(&r, out) : i == 3 ?
		    rsa_public(&r, out) : ec_private(&r, -1, out))
			return 1;
	}
	memset(out, 0, sizeof(*out));
	return 0;
}
