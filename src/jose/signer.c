/* signer.c - making tokens: the signing key, one token, or a batch */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "jose/batch.h"
#include "jose/chunk.h"
#include "base/io.h"
#include "base/json.h"
#include "base/pool.h"
#include "jose/signer.h"
#include "base/util.h"

int
signer_choose_key(const struct keyset *ks, const char *kid,
    const cJSON *header, const char *alg, int allow_weak,
    const struct key **key, const struct alg **algp)
{
	const cJSON *hkid = json_get(header, "kid");
	const struct key *k = NULL;
	const struct alg *a;
	size_t i;

	if (kid == NULL || strcmp(kid, "auto") == 0)
		kid = cJSON_IsString(hkid) ? hkid->valuestring : NULL;
	if (ks->n == 1)
		k = ks->keys[0];
	else {
		for (i = 0; i < ks->n; i++)
			if (kid != NULL && ks->keys[i]->kid != NULL &&
			    strcmp(ks->keys[i]->kid, kid) == 0)
				k = ks->keys[i];
		if (k == NULL && kid == NULL)
			return jw_fail(JW_EKEY, "the key set holds %zu keys; "
			    "choose one with --kid", ks->n);
		if (k == NULL)
			return jw_fail(JW_EKEY, "the key set holds no key with "
			    "kid '%s'", jw_quote(kid, strlen(kid), 40));
	}
	if (!k->priv)
		return jw_fail(JW_EKEY, "cannot sign with a public key (%s)",
		    key_describe(k));
	if (alg == NULL) {
		if ((a = key_default_alg(k)) == NULL)
			return jw_fail(JW_EKEY, "no default algorithm for the "
			    "%s; give --alg", key_describe(k));
	} else if ((a = alg_for_key(alg, k)) == NULL) {
		if (strcasecmp(alg, "none") == 0)
			return jw_fail(JW_EUSAGE, "--alg none is not a signing "
			    "algorithm (--unsecured makes an unsigned token "
			    "for tests)");
		if (alg_find(alg) == NULL)
			return jw_fail(JW_EUSAGE, "--alg: unknown algorithm "
			    "'%s' (known: %s)", jw_quote(alg, strlen(alg), 20),
			    alg_list());
		return jw_fail(JW_EKEY, "algorithm %s cannot be used with the "
		    "%s", alg, key_describe(k));
	}
	if (!key_allows(k, a, 1))
		return jw_fail(JW_EKEY, "the key may not sign with %s: %s",
		    a->name, key_refusal(k, a, 1));
	if (k->kty == KTY_OCT && k->secret_len < a->hlen) {
		if (!allow_weak)
			return jw_fail(JW_EKEY, "the %s secret is %zu bytes; "
			    "RFC 7518 section 3.2 wants at least %zu "
			    "(--allow-weak-key accepts it)", a->name,
			    k->secret_len, a->hlen);
		jw_warn("the %s secret is %zu bytes; RFC 7518 wants at least "
		    "%zu", a->name, k->secret_len, a->hlen);
	} else if (key_is_weak(k, a)) {
		if (!allow_weak)
			return jw_fail(JW_EKEY, "the RSA key is %u bits; RFC "
			    "7518 section 3.3 wants at least %d "
			    "(--allow-weak-key accepts it)", k->bits,
			    KEY_RSA_MIN_BITS);
		jw_warn("the RSA key is %u bits; RFC 7518 wants at least %d",
		    k->bits, KEY_RSA_MIN_BITS);
	}
	*key = k;
	*algp = a;
	return JW_OK;
}

int
signer_init(struct signer *sg, struct signspec *spec,
    const cJSON *base_header, enum claim_base base, const struct alg *alg,
    const struct key *key)
{
	cJSON *h;
	int rc;

	memset(sg, 0, sizeof(*sg));
	sg->spec = spec;
	sg->base = base;
	if ((rc = signspec_header(spec, base_header, alg ? alg->name : "none",
	    key, &h)) != JW_OK)
		return rc;
	jwt_signer_init(&sg->js, h, alg, key);
	cJSON_Delete(h);
	return JW_OK;
}

void
signer_free(struct signer *sg)
{
	if (sg == NULL)
		return;
	jwt_signer_free(&sg->js);
	free(sg->pbuf);
	memset(sg, 0, sizeof(*sg));
}

int
signer_sign(struct signer *sg, cJSON *c, const char **tok, size_t *toklen)
{
	size_t n;
	int rc;

	if ((rc = signspec_claims(sg->spec, c, sg->base)) != JW_OK)
		return rc;
	n = json_print_into(c, &sg->pbuf, &sg->pcap);
	return jwt_signer_sign(&sg->js, (const unsigned char *)sg->pbuf, n,
	    tok, toklen);
}

/* The claims object of text[0..len), or JW_EMALFORMED. */
static int
parse_claims(const char *text, size_t len, cJSON **out)
{
	int rc;

	if ((rc = json_parse(text, len, "claims", out)) != JW_OK)
		return rc;
	if (!cJSON_IsObject(*out)) {
		rc = jw_fail(JW_EMALFORMED, "claims: expected a JSON object, "
		    "got %s", json_type_name(*out));
		cJSON_Delete(*out);
		*out = NULL;
	}
	return rc;
}

int
claims_read(const char *src, cJSON **out)
{
	unsigned char *data;
	size_t len;
	int rc;

	if ((rc = io_read(src, "claims", 0, &data, &len)) != JW_OK)
		return rc;
	rc = parse_claims((const char *)data, len, out);
	free(data);
	return rc;
}

int
claims_read_piped(cJSON **out)
{
	unsigned char *data;
	size_t len, i;
	int rc;

	if ((rc = io_read("-", "claims", 0, &data, &len)) != JW_OK)
		return rc;
	for (i = 0; i < len && strchr(" \t\r\n", data[i]) != NULL; i++)
		;
	if (i == len) {		/* nothing piped in: no claims */
		*out = cJSON_CreateObject();
		rc = JW_OK;
	} else
		rc = parse_claims((const char *)data, len, out);
	free(data);
	return rc;
}

int
decoded_read(const char *src, cJSON **header, cJSON **payload)
{
	unsigned char *data;
	cJSON *j = NULL, *h, *p;
	size_t len;
	int rc;

	if ((rc = io_read(src, "decoded token", 0, &data, &len)) != JW_OK)
		return rc;
	rc = json_parse((const char *)data, len, "--from-decoded", &j);
	free(data);
	if (rc != JW_OK)
		return rc;
	h = json_get(j, "header");
	p = json_get(j, "payload");
	if (!cJSON_IsObject(j))
		rc = jw_fail(JW_EMALFORMED, "--from-decoded: expected decode's "
		    "JSON object, got %s", json_type_name(j));
	else if (h != NULL && !cJSON_IsObject(h))
		rc = jw_fail(JW_EMALFORMED, "--from-decoded: 'header' is %s, "
		    "not an object", json_type_name(h));
	else if (!cJSON_IsObject(p))
		rc = jw_fail(JW_EMALFORMED, "--from-decoded: 'payload' is %s, "
		    "not an object of claims", p ? json_type_name(p) :
		    "missing");
	if (rc == JW_OK) {
		*header = h ? cJSON_DetachItemViaPointer(j, h) : NULL;
		*payload = cJSON_DetachItemViaPointer(j, p);
	}
	cJSON_Delete(j);
	return rc;
}

static int
blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

/* Sign each line of a chunk: a token, or the message of its failure. */
static void
sign_chunk(void *wctx, void *job)
{
	struct signer *sg = wctx;
	struct chunk *c = job;
	struct cline *l;
	const char *tok, *msg;
	size_t i, toklen;
	cJSON *j;

	for (i = 0; i < c->n; i++) {
		l = &c->l[i];
		if (l->toolong)
			l->rc = jw_fail(JW_EIO, "the line is longer than the "
			    "input limit of %zu bytes (see --max-input)",
			    io_max_input());
		else if ((l->rc = parse_claims(c->in + l->off, l->len, &j)) ==
		    JW_OK) {
			l->rc = signer_sign(sg, j, &tok, &toklen);
			cJSON_Delete(j);
		}
		if (l->rc == JW_OK) {
			l->roff = chunk_out(c, tok, toklen);
			l->rlen = toklen;
		} else {
			msg = jw_error() ? jw_error() : "failed";
			l->roff = chunk_out(c, msg, strlen(msg) + 1);
			l->rlen = strlen(msg);
		}
	}
}

struct sign_state {
	FILE *out;
	int keep_going, stream, first;
	size_t ntok, nfail, first_at;
};

/* Write the oldest chunk's tokens; JW_OK or the status that stops. */
static int
sign_report(struct pool *pl, struct sign_state *st)
{
	struct chunk *c = pool_next(pl);
	struct cline *l;
	size_t i;
	int rc = JW_OK;

	for (i = 0; i < c->n && rc == JW_OK; i++) {
		l = &c->l[i];
		if (l->rc == JW_OK) {
			fwrite(c->out + l->roff, 1, l->rlen, st->out);
			putc('\n', st->out);
			st->ntok++;
		} else if (!st->keep_going) {
			rc = jw_fail(l->rc, "line %lu: %s", l->lineno,
			    c->out + l->roff);
		} else {
			jw_note("line %lu: %s", l->lineno, c->out + l->roff);
			putc('\n', st->out);
			if (st->nfail++ == 0) {
				st->first = l->rc;
				st->first_at = l->lineno;
			}
		}
	}
	chunk_free(c);
	if (rc == JW_OK && ((st->stream && fflush(st->out) != 0) ||
	    ferror(st->out)))
		rc = jw_fail(JW_EIO, "cannot write the tokens: %s",
		    strerror(errno));
	return rc;
}

/* signer_batch with jobs threads (see batch.c's verify_jobs). */
static int
sign_jobs(struct signer *sg, int fd, const char *name, FILE *out,
    int keep_going, int jobs)
{
	struct io_lines *r = io_lines_new(fd, name);
	struct sign_state st = { out, keep_going, 1, JW_OK, 0, 0, 0 };
	struct signer w[BATCH_MAX_JOBS];
	void *wctx[BATCH_MAX_JOBS];
	struct pool *pl;
	struct chunk *c = NULL;
	const char *line;
	size_t len;
	unsigned long lineno = 0;
	int i, n = 0, rc = JW_OK, toolong;
	struct stat sb;

	st.stream = fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode);
	for (i = 0; i < jobs; i++) {
		w[i] = *sg;
		w[i].pbuf = NULL;
		w[i].pcap = 0;
		jwt_signer_copy(&w[i].js, &sg->js);
		wctx[i] = &w[i];
	}
	if ((pl = pool_new(jobs, sign_chunk, wctx)) == NULL) {
		rc = JW_EIO;
		goto out;
	}
	for (;;) {
		if (!io_lines_ready(r)) {
			if (c != NULL)
				pool_submit(pl, c);
			c = NULL;
			while (rc == JW_OK && pool_pending(pl) > 0)
				rc = sign_report(pl, &st);
		}
		if (rc != JW_OK || (n = io_lines_next(r, &line, &len,
		    &toolong)) <= 0)
			break;
		lineno++;
		if (!toolong && blank(line, len))
			continue;
		if (c == NULL)
			c = xcalloc(1, sizeof(*c));
		chunk_add(c, line, len, lineno, toolong);
		if (chunk_full(c)) {
			pool_submit(pl, c);
			c = NULL;
			if (pool_pending(pl) >= 2 * (size_t)jobs)
				rc = sign_report(pl, &st);
		}
	}
	if (c != NULL)
		pool_submit(pl, c);
	while (rc == JW_OK && pool_pending(pl) > 0)
		rc = sign_report(pl, &st);
	while (pool_pending(pl) > 0)
		chunk_free(pool_next(pl));
	if (rc == JW_OK && n < 0)
		rc = JW_EIO;
	if (rc == JW_OK) {
		sg->done = 1;
		if (st.nfail > 0)
			rc = jw_fail(st.first, "%zu of %zu claims lines failed "
			    "(the first: line %zu)", st.nfail, st.nfail +
			    st.ntok, st.first_at);
	}
out:
	pool_free(pl);
	for (i = 0; i < jobs; i++) {
		jwt_signer_free(&w[i].js);
		free(w[i].pbuf);
	}
	io_lines_free(r);
	return rc;
}

int
signer_batch(struct signer *sg, int fd, const char *name, FILE *out,
    int keep_going, int jobs)
{
	struct io_lines *r;
	size_t len, toklen, lineno = 0, ntok = 0, nfail = 0, first_at = 0;
	const char *line, *tok;
	int n, rc = JW_OK, first = JW_OK, stream, toolong;
	struct stat st;
	cJSON *c;

	if (jobs > 1)
		return sign_jobs(sg, fd, name, out, keep_going, jobs);
	r = io_lines_new(fd, name);
	/* From a pipe or a terminal, each token goes out when it is made. */
	stream = fstat(fd, &st) != 0 || !S_ISREG(st.st_mode);
	while ((n = io_lines_next(r, &line, &len, &toolong)) > 0) {
		lineno++;
		if (toolong)
			rc = jw_fail(JW_EIO, "the line is longer than the input "
			    "limit of %zu bytes (see --max-input)",
			    io_max_input());
		else if (blank(line, len))
			continue;
		else if ((rc = parse_claims(line, len, &c)) == JW_OK) {
			rc = signer_sign(sg, c, &tok, &toklen);
			cJSON_Delete(c);
		}
		if (rc == JW_OK) {
			fwrite(tok, 1, toklen, out);
			putc('\n', out);
			ntok++;
		} else if (!keep_going) {
			rc = jw_fail(rc, "line %zu: %s", lineno, jw_error());
			goto out;
		} else {
			jw_note("line %zu: %s", lineno, jw_error());
			putc('\n', out);
			if (nfail++ == 0) {
				first = rc;
				first_at = lineno;
			}
			rc = JW_OK;
		}
		if ((stream && fflush(out) != 0) || ferror(out)) {
			rc = jw_fail(JW_EIO, "cannot write the tokens: %s",
			    strerror(errno));
			goto out;
		}
	}
	if (n < 0) {
		rc = JW_EIO;
		goto out;
	}
	sg->done = 1;
	if (nfail > 0)
		rc = jw_fail(first, "%zu of %zu claims lines failed (the first: "
		    "line %zu)", nfail, nfail + ntok, first_at);
out:
	io_lines_free(r);
	return rc;
}
