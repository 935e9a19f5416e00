/* cleanup.c - files removed when a signal ends the process */
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/cleanup.h"
#include "base/util.h"

/*
 * A slot is set or cleared only with the signals blocked, and the other
 * threads block them for good (cleanup_hold in pool.c), so the handler,
 * which runs in the main thread, never sees a slot being changed.
 */
#define CLEANUP_MAX 8
static char *volatile paths[CLEANUP_MAX];
static int cleanup_ready;
static const int cleanup_sigs[] = { SIGINT, SIGTERM, SIGHUP };
#define NCLEANUP_SIGS (sizeof(cleanup_sigs) / sizeof(cleanup_sigs[0]))

/* Only async-signal-safe calls: unlink(2), signal(2), raise(3). */
static void
cleanup_handler(int sig)
{
	size_t i;

	for (i = 0; i < CLEANUP_MAX; i++)
		if (paths[i] != NULL)
			(void)unlink(paths[i]);
	(void)signal(sig, SIG_DFL);
	/* pending until the handler returns, then the process dies of it */
	(void)raise(sig);
}

void
cleanup_hold(sigset_t *old)
{
	sigset_t set;
	size_t i;

	sigemptyset(&set);
	for (i = 0; i < NCLEANUP_SIGS; i++)
		sigaddset(&set, cleanup_sigs[i]);
	pthread_sigmask(SIG_BLOCK, &set, old);
}

void
cleanup_release(const sigset_t *old)
{
	pthread_sigmask(SIG_SETMASK, old, NULL);
}

/* With the signals held: the handler, for each signal not ignored. */
static void
cleanup_install(void)
{
	struct sigaction sa, was;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = cleanup_handler;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < NCLEANUP_SIGS; i++)
		sigaddset(&sa.sa_mask, cleanup_sigs[i]);
	for (i = 0; i < NCLEANUP_SIGS; i++)
		if (sigaction(cleanup_sigs[i], NULL, &was) == 0 &&
		    !(was.sa_flags & SA_SIGINFO) && was.sa_handler == SIG_DFL)
			(void)sigaction(cleanup_sigs[i], &sa, NULL);
	cleanup_ready = 1;
}

int
cleanup_add(const char *path)
{
	char *copy = xstrdup(path);
	sigset_t old;
	int i;

	cleanup_hold(&old);
	if (!cleanup_ready)
		cleanup_install();
	for (i = 0; i < CLEANUP_MAX && paths[i] != NULL; i++)
		continue;
	if (i < CLEANUP_MAX)
		paths[i] = copy;
	cleanup_release(&old);
	if (i == CLEANUP_MAX) {
		free(copy);
		return -1;
	}
	return i;
}

void
cleanup_remove(int slot)
{
	sigset_t old;
	char *p;

	if (slot < 0 || slot >= CLEANUP_MAX)
		return;
	cleanup_hold(&old);
	p = paths[slot];
	paths[slot] = NULL;
	cleanup_release(&old);
	free(p);
}
