/* test_hardening.c - core dumps off, secret JSON trees, key memory */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sodium.h>

#include "base/json.h"
#include "keys/jwk.h"
#include "keys/keys.h"
#include "tap.h"
#include "base/util.h"

/*
 * Under ASan or valgrind, pool blocks are watched like malloc blocks (a
 * freed one may not be read), and ASan's heap has guard pages of its own:
 * some checks only mean something without them.
 */
/* JW_ASAN comes from util.h. */
#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#endif
#endif
#ifndef RUNNING_ON_VALGRIND
#define RUNNING_ON_VALGRIND 0
#endif
#ifdef JW_ASAN
#define POOLS_CHECKED 1
#else
#define POOLS_CHECKED RUNNING_ON_VALGRIND
#endif

static void
test_core_dumps(void)
{
	struct rlimit rl = { RLIM_INFINITY, RLIM_INFINITY };
	struct keyset *ks = NULL;
	static const unsigned char secret[] = "0123456789abcdef0123456789abcdef";

	/* a soft limit that allows cores, and a dumpable process */
	getrlimit(RLIMIT_CORE, &rl);
	rl.rlim_cur = rl.rlim_max;
	setrlimit(RLIMIT_CORE, &rl);
	prctl(PR_SET_DUMPABLE, 1, 0, 0, 0);
	ok(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 1, "dumpable before");
	ok(keys_load_mem(secret, sizeof(secret) - 1, "t", KF_RAW, &ks) ==
	    JW_OK, "a secret loads");
	keyset_free(ks);
	ok(getrlimit(RLIMIT_CORE, &rl) == 0 && rl.rlim_cur == 0 &&
	    rl.rlim_max == 0, "loading a key set RLIMIT_CORE to 0 (soft %lu, "
	    "hard %lu)", (unsigned long)rl.rlim_cur,
	    (unsigned long)rl.rlim_max);
	ok(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0,
	    "loading a key made the process not dumpable");
	ok(jw_no_core_dumps() == 0, "jw_no_core_dumps is idempotent");
}

/*
 * 1 when p lies in guarded memory as sodium_malloc makes it: a read-write
 * mapping with an inaccessible page right before and right after it.
 */
static int
guarded(const void *p)
{
	FILE *fp = fopen("/proc/self/maps", "r");
	unsigned long a, b, prev_end = 0, at = (unsigned long)p;
	char perms[8], prev[8] = "", line[512];
	int found = 0, r = 0;

	if (fp == NULL)
		return 0;
	while (fgets(line, sizeof(line), fp) != NULL) {
		if (sscanf(line, "%lx-%lx %7s", &a, &b, perms) != 3)
			break;
		if (found) {
			r = a == prev_end && strcmp(perms, "---p") == 0;
			break;
		}
		if (at >= a && at < b) {
			if (strncmp(perms, "rw", 2) != 0 || prev_end != a ||
			    strcmp(prev, "---p") != 0)
				break;
			found = 1;
			prev_end = b;
			continue;
		}
		prev_end = b;
		memcpy(prev, perms, sizeof(prev));
	}
	fclose(fp);
	return r;
}

static void
test_secret_json(void)
{
	static const char jwk[] = "{\"kty\":\"oct\",\"k\":\"c2VjcmV0\","
	    "\"n\":12345678901234567890,\"a\":[1,{\"b\":\"c\"}]}";
	struct json_secret *mem = NULL;
	cJSON *root = NULL, *plain = NULL;
	const cJSON *k, *n;
	char *s;

	ok(json_parse_secret(jwk, sizeof(jwk) - 1, "key", &root, &mem) ==
	    JW_OK && mem != NULL, "a JWK parses into secret memory");
	k = json_get(root, "k");
	n = json_get(root, "n");
	ok(cJSON_IsString(k) && strcmp(k->valuestring, "c2VjcmV0") == 0,
	    "its strings read back");
	ok(json_is_number(n) &&
	    strcmp(n->valuestring, "12345678901234567890") == 0,
	    "its numbers keep their literal");
	ok(guarded(root) && guarded(k->valuestring) &&
	    guarded(n->valuestring),
	    "items, strings and numbers are in guarded memory");
	s = json_print(root, 0);
	ok(strcmp(s, jwk) == 0, "it prints as the input: %s", s);
	free(s);
	json_secret_free(mem);
	json_secret_free(NULL);
	ok(json_parse("{\"x\":[1,2]}", 11, "t", &plain) == JW_OK,
	    "json_parse works after");
#ifndef JW_ASAN
	ok(!guarded(plain), "and uses the ordinary heap");
#endif
	cJSON_Delete(plain);

	mem = (struct json_secret *)1;
	ok(json_parse_secret("{\"k\":1,\"k\":2}", 13, "key", &root, &mem) ==
	    JW_EMALFORMED && mem == NULL, "a duplicate member fails, "
	    "nothing to free");
	ok(strcmp(jw_error(), "key: duplicate member 'k'") == 0,
	    "with its message: %s", jw_error());
	jw_clear_error();
	ok(json_parse_secret("[1,", 3, "key", &root, &mem) == JW_EMALFORMED &&
	    mem == NULL, "bad JSON fails, nothing to free");
	jw_clear_error();
}

static void
test_big_secret_tree(void)
{
	/* more than one arena chunk: 20000 keys */
	size_t n = 20000, i, o = 0, cap = n * 40 + 16;
	char *text = xmalloc(cap);
	struct json_secret *mem = NULL;
	cJSON *root = NULL, *c;

	o += (size_t)snprintf(text + o, cap - o, "{\"keys\":[");
	for (i = 0; i < n; i++)
		o += (size_t)snprintf(text + o, cap - o, "%s{\"kid\":\"%zu\"}",
		    i ? "," : "", i);
	o += (size_t)snprintf(text + o, cap - o, "]}");
	ok(json_parse_secret(text, o, "key", &root, &mem) == JW_OK,
	    "a tree larger than one chunk parses");
	i = 0;
	cJSON_ArrayForEach(c, json_get(root, "keys"))
		i++;
	c = cJSON_GetArrayItem(json_get(root, "keys"), 19999);
	ok(i == n && strcmp(json_get(c, "kid")->valuestring, "19999") == 0,
	    "all %zu items are there", i);
	json_secret_free(mem);
	free(text);
}

static size_t
mappings(void)
{
	FILE *fp = fopen("/proc/self/maps", "r");
	size_t n = 0;
	int c;

	if (fp == NULL)
		return 0;
	while ((c = getc(fp)) != EOF)
		n += c == '\n';
	fclose(fp);
	return n;
}

static void
test_secret_pools(void)
{
	enum { N = 10000 };
	static unsigned char *p[N];
	size_t before = mappings(), after, i, bad = 0, unguarded = 0;
	unsigned char *big, *q;

	for (i = 0; i < N; i++) {
		p[i] = secret_alloc(48);
		memset(p[i], 0xa5, 48);
		unguarded += !guarded(p[i]);
	}
	after = mappings();
	ok(unguarded == 0, "%d small secrets are all in guarded memory "
	    "(%zu not)", N, unguarded);
	ok(after - before < 100, "they take %zu new mappings, not thousands",
	    after - before);
	for (i = 0; i < N; i++)
		secret_free(p[i]);
	big = secret_alloc(5000);
	ok(guarded(big), "a large secret is in guarded memory");
	secret_free(big);
	q = secret_alloc(48);
	memset(q, 0xa5, 48);
	secret_free(q);
	if (!POOLS_CHECKED) {
		/* without ASan or valgrind watching, look at the freed block */
		for (i = 0; i < 64; i++)
			bad += q[i] != 0;
		ok(bad == 0, "a freed pool block is wiped, redzone included");
	}
	ok(secret_alloc(48) == q, "and handed out again");
	secret_free(q);
#ifdef JW_ASAN
	{
		/* a write one past a pool block is caught */
		pid_t pid = fork();
		int st = 0;

		if (pid == 0) {
			unsigned char *volatile o = secret_alloc(40);

			dup2(open("/dev/null", O_WRONLY), STDERR_FILENO);
			o[40] = 1;
			_exit(0);
		}
		waitpid(pid, &st, 0);
		ok(pid > 0 && !(WIFEXITED(st) && WEXITSTATUS(st) == 0),
		    "ASan catches a write past a pool block (status %d)", st);
	}
#endif
}

static void
test_thumbprint_oct(void)
{
	static const char oct[] = "{\"kty\":\"oct\",\"k\":\"AAEC\"}";
	struct keyset *ks = NULL;
	char tp[64];

	ok(keys_load_mem((const unsigned char *)oct, sizeof(oct) - 1, "t",
	    KF_AUTO, &ks) == JW_OK, "oct JWK loads");
	ok(guarded(ks->keys[0]->secret), "its secret is in guarded memory");
	/* {"k":"AAEC","kty":"oct"} hashed with SHA-256 */
	ok(key_thumbprint(ks->keys[0], tp, sizeof(tp)) == JW_OK &&
	    strcmp(tp, "sQkHMlK8faQw7yzSCq6DCmYD-4TIIloQ3jcJ4QMV9Zg") == 0,
	    "oct thumbprint written in secret memory: %s", tp);
	keyset_free(ks);
}

int
main(void)
{
	if (sodium_init() < 0)
		return 1;
	test_secret_json();
	test_big_secret_tree();
	test_thumbprint_oct();
	test_secret_pools();
	test_core_dumps();
	return tap_done();
}
