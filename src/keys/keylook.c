/* keylook.c - what the bytes given as a key look like */
#include <stdio.h>
#include <string.h>

#include "base/json.h"
#include "keys/keylook.h"
#include "base/util.h"

/*
 * Each check looks at the whole input as text of its kind, so that a
 * random binary secret (keygen secret, openssl rand) passes them all: UTF-8
 * text is valid UTF-8 without a NUL, wide text has half its characters
 * ASCII and no control other than tab, CR and LF.
 */

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
	    c == '\f';
}

static int
is_alpha(int c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* The value of a base64 or base64url character, or -1. */
static int
b64_value(int c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (is_digit(c))
		return c - '0' + 52;
	if (c == '+' || c == '-')
		return 62;
	if (c == '/' || c == '_')
		return 63;
	return -1;
}

/*
 * A DER tag and length at d[0..n): 1 with the header size and the length
 * of the contents, which fit in n; 0 otherwise.
 */
static int
der_header(const unsigned char *d, size_t n, size_t *hdr, size_t *len)
{
	size_t k, i;

	if (n < 2 || (d[0] & 0x1f) == 0x1f)
		return 0;
	if (d[1] < 0x80) {
		*hdr = 2;
		*len = d[1];
	} else {
		k = d[1] & 0x7f;
		if (k == 0 || k > 3 || n < 2 + k)
			return 0;
		for (*len = 0, i = 0; i < k; i++)
			*len = *len << 8 | d[2 + i];
		*hdr = 2 + k;
	}
	return *len <= n - *hdr;
}

/*
 * Whether d[0..n) is a chain of DER elements filling it exactly, each of
 * a tag that key structures use: INTEGER (in its shortest form), BIT
 * STRING, OCTET STRING, NULL (empty), OID, strings and times (certificate
 * names), context-specific tags [0] to [3], and SEQUENCE and SET, whose
 * contents are such chains too (as are those of a constructed [n]).
 */
static int
der_chain(const unsigned char *d, size_t n, int depth)
{
	static const unsigned char prim[] = { 0x01, 0x02, 0x03, 0x04, 0x05,
	    0x06, 0x0a, 0x0c, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x1a,
	    0x1c, 0x1e };
	size_t hdr, len, off;
	int tag;

	if (depth > 32)
		return 0;
	for (off = 0; off < n; off += hdr + len) {
		if (!der_header(d + off, n - off, &hdr, &len))
			return 0;
		tag = d[off];
		if (tag == 0x02 && len > 1 && ((d[off + hdr] == 0 &&
		    d[off + hdr + 1] < 0x80) || (d[off + hdr] == 0xff &&
		    d[off + hdr + 1] >= 0x80)))
			return 0;	/* an INTEGER not in its shortest form */
		if ((tag & 0xdc) == 0x80) {
			if ((tag & 0x20) && !der_chain(d + off + hdr, len,
			    depth + 1))
				return 0;
		} else if (tag == 0x30 || tag == 0x31) {
			if (!der_chain(d + off + hdr, len, depth + 1))
				return 0;
		} else if (memchr(prim, tag, sizeof(prim)) == NULL ||
		    (tag == 0x05 && len != 0) || (tag != 0x05 && len == 0))
			return 0;
	}
	return 1;
}

/*
 * Whether d[0..n) is one DER SEQUENCE of the shape of a key structure
 * (PKCS#8, SPKI, PKCS#1, SEC1, X.509): two elements or more, the first a
 * SEQUENCE or an INTEGER, and everything in it well formed (der_chain).
 * A random secret has that shape far less often than once in 2^40.
 */
static int
der_shape(const unsigned char *d, size_t n)
{
	size_t hdr, len, h, l;

	return der_header(d, n, &hdr, &len) && d[0] == 0x30 &&
	    hdr + len == n && len >= 2 && (d[hdr] == 0x30 || d[hdr] == 0x02) &&
	    der_header(d + hdr, len, &h, &l) && h + l < len &&
	    der_chain(d + hdr, len, 0);
}

/* The code unit of size unit at d. */
static unsigned long
unit_at(const unsigned char *d, size_t unit, int be)
{
	if (unit == 2)
		return be ? (unsigned long)d[0] << 8 | d[1] :
		    (unsigned long)d[1] << 8 | d[0];
	return be ? (unsigned long)d[0] << 24 | (unsigned long)d[1] << 16 |
	    (unsigned long)d[2] << 8 | d[3] : (unsigned long)d[3] << 24 |
	    (unsigned long)d[2] << 16 | (unsigned long)d[1] << 8 | d[0];
}

/*
 * Whether d[0..n) is UTF-16 (unit 2) or UTF-32 (unit 4) text in byte order
 * be: every character decodes (surrogates paired, at most U+10FFFF, no
 * noncharacter U+xxFFFE or U+xxFFFF), none is a control other than tab, CR
 * or LF, and at least half are ASCII.  asc (NULL, or room for n / unit
 * bytes) gets the ASCII of the text, '?' for the others, and *alen its
 * length.
 */
static int
wide_text(const unsigned char *d, size_t n, size_t unit, int be,
    unsigned char *asc, size_t *alen)
{
	size_t i, chars = 0, ascii = 0;
	unsigned long c, lo;

	if (n == 0 || n % unit != 0)
		return 0;
	for (i = 0; i < n; i += unit) {
		c = unit_at(d + i, unit, be);
		if (unit == 2 && c >= 0xd800 && c <= 0xdbff) {
			if (n - i < 4)
				return 0;
			lo = unit_at(d + i + 2, 2, be);
			if (lo < 0xdc00 || lo > 0xdfff)
				return 0;
			c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
			i += 2;
		} else if (c >= 0xd800 && c <= 0xdfff)
			return 0;
		if (c > 0x10ffff || (c & 0xfffe) == 0xfffe ||
		    (c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
		    (c >= 0x7f && c < 0xa0))
			return 0;
		if (asc != NULL)
			asc[chars] = c < 0x80 ? (unsigned char)c : '?';
		chars++;
		ascii += c < 0x80;
	}
	*alen = chars;
	return ascii * 2 >= chars;
}

static void classify(const unsigned char *d, size_t n, int depth,
    struct keylook *out);

/* What text classified as l is, to name it inside an encoding. */
static const char *
inner_what(const struct keylook *l)
{
	return l->kind == KL_SECRET || l->kind == KL_DER ? "text" : l->what;
}

/* UTF-16 or UTF-32 text, with or without a byte order mark. */
static int
wide(const unsigned char *d, size_t n, struct keylook *out)
{
	static const struct {
		const char *bom;
		size_t unit;
		int be;
		const char *name, *family;
	} forms[] = {
		{ "\xff\xfe\0\0", 4, 0, "UTF-32LE", "UTF-32" },
		{ "\0\0\xfe\xff", 4, 1, "UTF-32BE", "UTF-32" },
		{ "\xff\xfe", 2, 0, "UTF-16LE", "UTF-16" },
		{ "\xfe\xff", 2, 1, "UTF-16BE", "UTF-16" },
	};
	struct keylook inner;
	unsigned char *asc;
	size_t i, b, alen = 0;
	int pass;

	if (n < 2)
		return 0;
	/* first with a byte order mark, then without */
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
			b = pass == 0 ? forms[i].unit : 0;
			if (n < b || (b > 0 && memcmp(d, forms[i].bom, b) != 0))
				continue;
			if (!wide_text(d + b, n - b, forms[i].unit, forms[i].be,
			    NULL, &alen))
				continue;
			/* the text may be a secret: its copy is secret too */
			asc = secret_alloc(alen + 1);
			wide_text(d + b, n - b, forms[i].unit, forms[i].be, asc,
			    &alen);
			classify(asc, alen, 1, &inner);
			secret_free(asc);
			out->kind = KL_WIDE;
			snprintf(out->what, sizeof(out->what), "%.80s in %s",
			    inner_what(&inner), forms[i].name);
			snprintf(out->how, sizeof(out->how), "convert it to "
			    "UTF-8 (iconv -f %s -t UTF-8)", b > 0 ?
			    forms[i].family : forms[i].name);
			return 1;
		}
	return 0;
}

/* An OpenSSH public key line ("ssh-ed25519 AAAA... comment") at p. */
static int
ssh_line(const unsigned char *p, const unsigned char *q)
{
	static const char *const types[] = { "ssh-", "ecdsa-sha2-",
	    "sk-ssh-", "sk-ecdsa-sha2-", "x509v3-" };
	size_t i, k;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		k = strlen(types[i]);
		if ((size_t)(q - p) >= k && memcmp(p, types[i], k) == 0)
			break;
	}
	if (i == sizeof(types) / sizeof(types[0]))
		return 0;
	while (p < q && (is_alpha(*p) || is_digit(*p) || *p == '-' ||
	    *p == '@' || *p == '.' || *p == '_'))
		p++;
	if (p == q || (*p != ' ' && *p != '\t'))
		return 0;
	while (p < q && (*p == ' ' || *p == '\t'))
		p++;
	/* the blob starts with the length of the type name: 3 zero bytes */
	return q - p >= 4 && memcmp(p, "AAAA", 4) == 0;
}

/* Whether a line of d[0..n), after leading whitespace, is an SSH key. */
static int
ssh_key(const unsigned char *d, size_t n)
{
	const unsigned char *p = d, *q = d + n, *nl;

	while (p < q) {
		while (p < q && is_space(*p))
			p++;
		if (ssh_line(p, q))
			return 1;
		if ((nl = memchr(p, '\n', (size_t)(q - p))) == NULL)
			break;
		p = nl + 1;
	}
	return 0;
}

/*
 * The bytes that base64 (url: base64url) or hex text decodes to,
 * whitespace anywhere ignored (and ':' between hex bytes), in secret
 * memory; NULL when t is not such text.
 */
static unsigned char *
text_decode(const unsigned char *t, size_t n, int hex, int *url,
    size_t *len)
{
	size_t i, k = 0, pad = 0, got = 0;
	int c, v, std = 0;
	unsigned long acc = 0;
	unsigned bits = 0;
	unsigned char *out;

	*url = 0;
	for (i = 0; i < n; i++) {
		c = t[i];
		if (is_space(c) || (hex && c == ':'))
			continue;
		if (!hex && c == '=') {
			pad++;
			continue;
		}
		if (pad > 0 || (hex ? jw_hexval(c) : b64_value(c)) < 0)
			return NULL;
		std |= c == '+' || c == '/';
		*url |= c == '-' || c == '_';
		k++;
	}
	if (k == 0 || (hex && k % 2 != 0) || (!hex && (k % 4 == 1 ||
	    pad > 2 || (std && *url) || (pad > 0 && (k + pad) % 4 != 0))))
		return NULL;
	out = secret_alloc(k + 1);
	for (i = 0; i < n; i++) {
		c = t[i];
		if ((v = hex ? jw_hexval(c) : b64_value(c)) < 0)
			continue;
		acc = (acc << (hex ? 4 : 6) | (unsigned)v) & 0xffff;
		if ((bits += hex ? 4 : 6) >= 8) {
			bits -= 8;
			out[got++] = (unsigned char)(acc >> bits);
		}
	}
	*len = got;
	return out;
}

/* base64, base64url or hex text of a DER key. */
static int
text_der(const unsigned char *d, size_t n, struct keylook *out)
{
	unsigned char *bin;
	size_t len;
	int hex, url, der;

	for (hex = 1; hex >= 0; hex--) {
		if ((bin = text_decode(d, n, hex, &url, &len)) == NULL)
			continue;
		der = der_shape(bin, len);
		secret_free(bin);
		if (!der)
			continue;
		out->kind = KL_TEXT_DER;
		snprintf(out->what, sizeof(out->what), "%s text of a DER key "
		    "without PEM armour", hex ? "hex" : url ? "base64url" :
		    "base64");
		snprintf(out->how, sizeof(out->how), "decode it to a file "
		    "(%s > KEY.der) and give that with --key-format der", hex ?
		    "xxd -r -p" : url ? "basenc --base64url -d" : "base64 -d");
		return 1;
	}
	return 0;
}

static void
set(struct keylook *out, enum keylook_kind kind, const char *what,
    const char *how)
{
	out->kind = kind;
	snprintf(out->what, sizeof(out->what), "%s", what);
	snprintf(out->how, sizeof(out->how), "%s", how);
}

/* depth > 0: d is the text of an encoding, classified to name it. */
static void
classify(const unsigned char *d, size_t n, int depth, struct keylook *out)
{
	const unsigned char *p = d, *q = d + n, *a;
	struct keylook inner;
	int text;

	set(out, KL_SECRET, "an HMAC secret", "");
	if (depth == 0 && wide(d, n, out))
		return;
	text = memchr(d, '\0', n) == NULL &&
	    json_utf8_valid((const char *)d, n);
	while (p < q && is_space(*p))
		p++;
	/* JSON is UTF-8 text: a binary secret starting with '{' is not */
	if (text && p < q && *p == '{') {
		set(out, KL_JWK, "a JWK or JWKS", "");
		return;
	}
	if (memmem(d, n, "-----BEGIN ", 11) != NULL) {
		set(out, KL_PEM, "a PEM key", "");
		return;
	}
	if (memmem(d, n, "---- BEGIN SSH2 PUBLIC KEY ----", 31) != NULL) {
		set(out, KL_SSH, "an SSH2 public key (RFC 4716)", "convert it "
		    "to PEM (ssh-keygen -i -f FILE, then ssh-keygen -e -m "
		    "PKCS8)");
		return;
	}
	if (ssh_key(d, n)) {
		set(out, KL_SSH, "an OpenSSH public key", "convert it to PEM "
		    "(ssh-keygen -e -m PKCS8 -f FILE)");
		return;
	}
	if (depth == 0 && text && n >= 3 && memcmp(d, "\xef\xbb\xbf", 3) == 0) {
		classify(d + 3, n - 3, 1, &inner);
		out->kind = KL_BOM;
		snprintf(out->what, sizeof(out->what), "%.80s behind a UTF-8 "
		    "byte order mark", inner_what(&inner));
		snprintf(out->how, sizeof(out->how), "remove the mark (tail "
		    "-c +4 FILE > NEW)");
		return;
	}
	if (der_shape(d, n)) {
		set(out, KL_DER, "a DER key", "");
		return;
	}
	if (!text)
		return;
	if (p < q && *p == '[') {
		for (a = p + 1; a < q && is_space(*a); a++)
			;
		if (a < q && *a == '{') {
			set(out, KL_JWK_ARRAY, "a JSON array of JWKs", "a JWKS "
			    "is the object {\"keys\":[...]}, not a bare array");
			return;
		}
	}
	if (p + 1 < q && *p == '<' && (is_alpha(p[1]) || p[1] == '!' ||
	    p[1] == '?' || p[1] == '/')) {
		set(out, KL_MARKUP, "an HTML or XML document", "give the key "
		    "itself (curl -f fails on an HTTP error instead of saving "
		    "its page)");
		return;
	}
	text_der(p, (size_t)(q - p), out);
}

void
keylook(const unsigned char *d, size_t n, struct keylook *out)
{
	classify(d, n, 0, out);
}
