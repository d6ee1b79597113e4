/* Clocks: the monotonic clock advances (also across a sleep), the realtime clock reads a
 * plausible date, resolutions are positive. Prints checks only, never times. */
#include <stdint.h>
#include <time.h>

#include "wasi_test.h"

static int64_t ns(struct timespec t) {
  return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

int main(void) {
  struct timespec a, b, res;
  report("monotonic", clock_gettime(CLOCK_MONOTONIC, &a));
  volatile uint64_t spin = 0;
  for (int i = 0; i < 2000000; ++i) spin += (uint64_t)i;
  report("monotonic again", clock_gettime(CLOCK_MONOTONIC, &b));
  check("monotonic does not go back", ns(b) >= ns(a));
  check("monotonic advances over work", ns(b) > ns(a));

  const struct timespec nap = {0, 20 * 1000 * 1000};
  report("nanosleep 20ms", nanosleep(&nap, NULL));
  struct timespec c;
  clock_gettime(CLOCK_MONOTONIC, &c);
  check("slept at least 20ms", ns(c) - ns(b) >= 20 * 1000 * 1000);
  check("slept less than 10s", ns(c) - ns(b) < 10ll * 1000 * 1000 * 1000);

  struct timespec now;
  report("realtime", clock_gettime(CLOCK_REALTIME, &now));
  /* 2020-01-01 and 2100-01-01 */
  check("realtime after 2020", now.tv_sec > 1577836800);
  check("realtime before 2100", now.tv_sec < 4102444800);
  const time_t t = time(NULL);
  check("time() agrees with realtime", t >= now.tv_sec && t - now.tv_sec < 60);

  report("monotonic resolution", clock_getres(CLOCK_MONOTONIC, &res));
  check("monotonic resolution positive and at most 1s", ns(res) > 0 && ns(res) <= 1000000000);
  report("realtime resolution", clock_getres(CLOCK_REALTIME, &res));
  check("realtime resolution positive and at most 1s", ns(res) > 0 && ns(res) <= 1000000000);
  return 0;
}
