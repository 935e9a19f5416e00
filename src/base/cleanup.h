/* cleanup.h - files removed when a signal ends the process */
#ifndef JWTOOL_CLEANUP_H
#define JWTOOL_CLEANUP_H

#include <signal.h>

/*
 * Files removed should SIGINT, SIGTERM or SIGHUP end the process:
 * temporary files, and files of ours not yet complete.  The first
 * cleanup_add installs a handler for each of those signals that is not
 * ignored (nohup's SIGHUP stays ignored); it only unlinks the recorded
 * paths, restores the default disposition and raises the signal again,
 * so that the process dies of it (status 128+N in the shell).  Threads
 * other than the main one must keep the signals blocked: create them
 * between cleanup_hold and cleanup_release.
 */
/* Record PATH (copied); returns its slot, or -1 when all 8 are taken. */
int cleanup_add(const char *path);
/* Forget a slot (-1: nothing); the file itself is left alone. */
void cleanup_remove(int slot);
/*
 * Block the signals above, keeping the mask in *old, so that making a
 * file and recording it (or putting several in place) is one step for
 * them; cleanup_release restores *old, and a signal that came meanwhile
 * is handled then.
 */
void cleanup_hold(sigset_t *old);
void cleanup_release(const sigset_t *old);

#endif
