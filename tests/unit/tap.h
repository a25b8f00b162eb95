/* tap.h - the smallest test harness: ok(cond, name) prints "ok - name" or "not ok - name". */
#ifndef NF_TAP_H
#define NF_TAP_H
#include <stdio.h>
static int tap_failed;
#define ok(cond, ...) do { \
	int ok_ = (cond); tap_failed |= !ok_; \
	printf("%s - ", ok_ ? "ok" : "not ok"); printf(__VA_ARGS__); printf("\n"); \
	if (!ok_) printf("# failed at %s:%d\n", __FILE__, __LINE__); \
} while (0)
#define tap_done() (tap_failed ? 1 : 0)
/* Reproducible pseudo-random numbers for generated inputs (xorshift64). */
static unsigned long long tap_rng = 88172645463325252ULL;
static inline unsigned tap_rand(void)
{
	tap_rng ^= tap_rng << 13;
	tap_rng ^= tap_rng >> 7;
	tap_rng ^= tap_rng << 17;
	return (unsigned)(tap_rng >> 32);
}
#endif
