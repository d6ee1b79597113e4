// Times commands from spawn to exit, without the overhead a scripting language's process module
// adds. Usage: startup_spawn RUNS LABEL [NAME=VALUE...] COMMAND [ARGS...] [';' LABEL ...]...
// NAME=VALUE words before a command are added to its environment, as env(1) would, but without
// the extra exec.
// Runs each COMMAND (by path, stdout and stderr to /dev/null) once to warm the caches, then RUNS
// rounds in which every command runs once, in turn, so that a change in the machine's load hits
// all of them alike. Prints one line per command: the minimum and median wall time (spawn to
// reaped) and CPU time (user + system of the child, from wait4), in milliseconds.
// Exits with 1 if a run fails to start or exits with a non-zero status.
#define _GNU_SOURCE
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char** environ;

enum { kMaxCommands = 16 };

struct Command {
  const char* label;
  char** argv;  // null-terminated
  char** envp;  // null-terminated
  double* walls;
  double* cpus;
};

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int compare_doubles(const void* a, const void* b) {
  const double x = *(const double*)a;
  const double y = *(const double*)b;
  return (x > y) - (x < y);
}

// Runs argv once; stores wall and CPU milliseconds. Returns 0 on a clean exit with status 0.
static int run_once(char** argv, char** envp, const posix_spawn_file_actions_t* actions,
                    double* wall, double* cpu) {
  const double start = now_ms();
  pid_t pid;
  const int error = posix_spawn(&pid, argv[0], actions, NULL, argv, envp);
  if (error != 0) {
    fprintf(stderr, "startup_spawn: %s: %s\n", argv[0], strerror(error));
    return -1;
  }
  int status = 0;
  struct rusage usage;
  if (wait4(pid, &status, 0, &usage) != pid) {
    perror("startup_spawn: wait4");
    return -1;
  }
  *wall = now_ms() - start;
  *cpu = (double)(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
         (double)(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    fprintf(stderr, "startup_spawn: %s exited with status 0x%x\n", argv[0], status);
    return -1;
  }
  return 0;
}

int main(int argc, char** argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: startup_spawn RUNS LABEL COMMAND [ARGS...] [';' LABEL COMMAND...]\n");
    return 2;
  }
  const int runs = atoi(argv[1]);
  if (runs < 1) {
    fprintf(stderr, "startup_spawn: RUNS must be at least 1\n");
    return 2;
  }
  struct Command commands[kMaxCommands];
  int count = 0;
  for (int i = 2; i < argc;) {
    if (count == kMaxCommands || i + 1 >= argc) {
      fprintf(stderr, "startup_spawn: expected LABEL COMMAND (at most %d commands)\n",
              kMaxCommands);
      return 2;
    }
    struct Command* c = &commands[count++];
    c->label = argv[i];
    int first = i + 1;
    int end = first;
    while (end < argc && strcmp(argv[end], ";") != 0) ++end;
    argv[end < argc ? end : argc] = NULL;  // argv[argc] is already null
    i = end + 1;
    size_t inherited = 0;
    while (environ[inherited]) ++inherited;
    c->envp = malloc(sizeof(char*) * (inherited + (size_t)(end - first) + 1));
    if (!c->envp) return 1;
    size_t n = 0;
    for (; first < end && argv[first][0] != '/' && argv[first][0] != '.' &&
           strchr(argv[first], '=') != NULL;
         ++first) {
      c->envp[n++] = argv[first];
    }
    for (size_t e = 0; e < inherited; ++e) c->envp[n++] = environ[e];
    c->envp[n] = NULL;
    c->argv = argv + first;
    if (c->argv[0] == NULL) {
      fprintf(stderr, "startup_spawn: no command after label %s\n", c->label);
      return 2;
    }
    c->walls = malloc(sizeof(double) * (size_t)runs);
    c->cpus = malloc(sizeof(double) * (size_t)runs);
    if (!c->walls || !c->cpus) return 1;
  }

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);

  double wall, cpu;
  for (int c = 0; c < count; ++c) {
    if (run_once(commands[c].argv, commands[c].envp, &actions, &wall, &cpu) != 0) {
      return 1;  // the warm-up run
    }
  }
  for (int r = 0; r < runs; ++r) {
    for (int c = 0; c < count; ++c) {
      struct Command* command = &commands[c];
      if (run_once(command->argv, command->envp, &actions, &command->walls[r], &command->cpus[r]) !=
          0) {
        return 1;
      }
    }
  }
  for (int c = 0; c < count; ++c) {
    struct Command* command = &commands[c];
    qsort(command->walls, (size_t)runs, sizeof(double), compare_doubles);
    qsort(command->cpus, (size_t)runs, sizeof(double), compare_doubles);
    printf("%-30s wall min %6.2f  median %6.2f ms    cpu min %6.2f  median %6.2f ms\n",
           command->label, command->walls[0], command->walls[runs / 2], command->cpus[0],
           command->cpus[runs / 2]);
    free(command->walls);
    free(command->cpus);
    free(command->envp);
  }
  posix_spawn_file_actions_destroy(&actions);
  return 0;
}
