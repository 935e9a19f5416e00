/* test_pool.c - the pool payload trees are parsed into (json.c) */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/json.h"
#include "tap.h"
#include "base/util.h"

#define PAYLOAD "{\"sub\":\"user-1\",\"iss\":\"bench\",\"aud\":[\"a\",\"b\"]," \
	"\"exp\":4102444800,\"n\":{\"x\":-1.50e3,\"y\":[true,false,null]}}"

static cJSON *
parse(const char *text)
{
	cJSON *j = NULL;

	if (json_parse_pooled(text, strlen(text), "payload", &j, NULL) !=
	    JW_OK)
		return NULL;
	return j;
}

/* Whether j is the tree of PAYLOAD, numbers as written. */
static int
intact(const cJSON *j)
{
	const cJSON *n = json_get(j, "n");

	return j != NULL && strcmp(json_get(j, "sub")->valuestring,
	    "user-1") == 0 && strcmp(json_get(j, "exp")->valuestring,
	    "4102444800") == 0 && n != NULL &&
	    strcmp(json_get(n, "x")->valuestring, "-1.50e3") == 0 &&
	    cJSON_GetArraySize(json_get(n, "y")) == 3;
}

struct held {
	cJSON **j;
	size_t n;
};

/* Free on another thread what the first parsed. */
static void *
free_all(void *arg)
{
	struct held *h = arg;
	size_t i;

	for (i = 0; i < h->n; i++)
		cJSON_Delete(h->j[i]);
	return NULL;
}

/* Parse one tree on a thread that then ends, holding its block. */
static void *
parse_one(void *arg)
{
	*(cJSON **)arg = parse(PAYLOAD);
	return NULL;
}

int
main(void)
{
	struct held h;
	pthread_t th;
	cJSON *j, *one;
	char *big;
	size_t i, blocks, bad;

	/* Before the pool starts: malloc, the same trees. */
	j = parse(PAYLOAD);
	ok(intact(j), "before json_pool_start, the same tree");
	cJSON_Delete(j);
	ok(json_pool_blocks() == 0, "no block taken before the pool starts");

	json_pool_start();
	json_pool_start();	/* once is enough; twice changes nothing */

	/* One thread parsing and freeing: its block is filled and reused. */
	for (i = 0, bad = 0; i < 100000; i++) {
		j = parse(PAYLOAD);
		bad += !intact(j);
		cJSON_Delete(j);
	}
	ok(bad == 0, "100,000 trees from the pool read back as parsed");
	blocks = json_pool_blocks();
	ok(blocks >= 1 && blocks <= 2, "100,000 trees made and freed take "
	    "%zu blocks, not one each 64 KiB", blocks);

	/* Trees held, then freed by another thread: their blocks return. */
	h.n = 5000;
	h.j = xmalloc(h.n * sizeof(*h.j));
	for (i = 0, bad = 0; i < h.n; i++)
		bad += !intact(h.j[i] = parse(PAYLOAD));
	ok(bad == 0, "5,000 trees held at once read back as parsed");
	blocks = json_pool_blocks();
	ok(blocks > 10, "holding them takes many blocks (%zu)", blocks);
	pthread_create(&th, NULL, free_all, &h);
	pthread_join(th, NULL);
	free(h.j);
	for (i = 0; i < 100000; i++)
		cJSON_Delete(parse(PAYLOAD));
	ok(json_pool_blocks() == blocks, "freed on another thread, their "
	    "blocks are reused (%zu, then %zu)", blocks, json_pool_blocks());

	/* A thread that ends gives its block back once its trees are. */
	for (i = 0, bad = 0; i < 200; i++) {
		pthread_create(&th, NULL, parse_one, &one);
		pthread_join(th, NULL);
		bad += !intact(one);
		cJSON_Delete(one);
	}
	ok(bad == 0 && json_pool_blocks() <= blocks + 1, "200 threads that "
	    "each parse a tree and end take no more blocks (%zu)",
	    json_pool_blocks());

	/* A string larger than a pool allocation comes from malloc. */
	big = xmalloc(20000);
	memcpy(big, "{\"s\":\"", 6);
	memset(big + 6, 'x', 19990);
	memcpy(big + 19996, "\"}", 3);
	j = parse(big);
	ok(j != NULL && strlen(json_get(j, "s")->valuestring) == 19990,
	    "a 20 KB string in a pooled tree");
	cJSON_Delete(j);
	free(big);

	/* Whether the text prints as itself: no whitespace, no escape. */
	{
		static const struct {
			const char *text;
			int as_is;
		} cases[] = { { PAYLOAD, 1 }, { "{}", 1 }, { "[1,2]", 1 },
		    { "{\"a b\":\"c d\"}", 1 }, { "{\"a\":\"\xc3\xa9\"}", 1 },
		    { "{\"a\": 1}", 0 }, { " {}", 0 }, { "{}\n", 0 },
		    { "[1,\r2]", 0 }, { "{\"a\":\"\\/\"}", 0 },
		    { "{\"a\":\"\\u00e9\"}", 0 } };
		int as_is;

		for (i = 0, bad = 0; i < sizeof(cases) / sizeof(cases[0]);
		    i++) {
			as_is = -1;
			if (json_parse_pooled(cases[i].text,
			    strlen(cases[i].text), "t", &j, &as_is) != JW_OK)
				as_is = -2;
			else
				cJSON_Delete(j);
			if (as_is != cases[i].as_is) {
				bad++;
				printf("# %s: %d\n", cases[i].text, as_is);
			}
		}
		ok(bad == 0, "as_is is right on %zu texts, with and without "
		    "whitespace and escapes", i);
	}

	/* A rejected text leaves nothing behind. */
	ok(parse("{\"a\":1,\"a\":2}") == NULL, "a duplicate name is still "
	    "refused in the pool");
	return tap_done();
}
