/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-no-network.c - the simulator never opens a socket
 *
 * Waymark is offline and private: customer data never leaves the machine,
 * and call.api is simulated, never called. This test runs `waymark-cli
 * simulate` on a conformance case under a seccomp filter that kills the
 * process on socket() or socketpair() (so no network and no local socket
 * of any kind), and checks that the run succeeds and writes the very
 * report it writes without the filter. A first test shows the filter does
 * kill a process that tries.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#include <glib.h>
#include <glib/gstdio.h>

#if defined(__x86_64__)
#define WM_AUDIT_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define WM_AUDIT_ARCH AUDIT_ARCH_AARCH64
#endif

#define CASE_DIR SHARED_DIR "/conformance/12-expressions"

#ifdef WM_AUDIT_ARCH
/* Allows every system call but socket and socketpair; a call made with
 * another architecture's numbers (x32 on x86_64) is refused too, since
 * it could reach them by another number. */
static gboolean
forbid_sockets (void)
{
  struct sock_filter filter[] = {
    BPF_STMT (BPF_LD | BPF_W | BPF_ABS, offsetof (struct seccomp_data, arch)),
    BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, WM_AUDIT_ARCH, 1, 0),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
    BPF_STMT (BPF_LD | BPF_W | BPF_ABS, offsetof (struct seccomp_data, nr)),
    BPF_JUMP (BPF_JMP | BPF_JGE | BPF_K, 0x40000000, 3, 0),
    BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, __NR_socket, 2, 0),
    BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, __NR_socketpair, 1, 0),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
  };
  struct sock_fprog program = { G_N_ELEMENTS (filter), filter };

  return prctl (PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0
         && prctl (PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program) == 0;
}

/* Runs @argv (or, when NULL, a call to socket()) in a child, under the
 * filter when @filtered; returns the wait status. */
static int
run_child (char     **argv,
           gboolean   filtered)
{
  int status = 0;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      if (filtered && !forbid_sockets ())
        _exit (125);
      if (argv == NULL)
        {
          socket (AF_UNIX, SOCK_STREAM, 0);
          _exit (0);
        }
      execv (argv[0], argv);
      _exit (126);
    }
  while (waitpid (pid, &status, 0) < 0)
    g_assert_cmpint (errno, ==, EINTR);
  return status;
}

static void
test_filter_kills (void)
{
  int status = run_child (NULL, TRUE);

  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGSYS);
  status = run_child (NULL, FALSE);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

static char **
simulate_argv (const char *report)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_add_many (builder, CLI_PATH, "simulate",
                           "--flow", CASE_DIR "/scoring.waymark.json",
                           "--profiles", CASE_DIR "/profiles.jsonl",
                           "--start", "2026-10-01T00:00:00Z", "--end", "2026-10-25T00:00:00Z",
                           "--seed", "611083", "--threads", "2",
                           "--report", report, NULL);
  return g_strv_builder_end (builder);
}

static void
test_simulate_offline (void)
{
  g_autofree char *dir = g_dir_make_tmp ("waymark-no-network-XXXXXX", NULL);
  g_autofree char *free_report = g_build_filename (dir, "free.json", NULL);
  g_autofree char *closed_report = g_build_filename (dir, "closed.json", NULL);
  g_auto(GStrv) free_argv = simulate_argv (free_report);
  g_auto(GStrv) closed_argv = simulate_argv (closed_report);
  g_autofree char *free_text = NULL;
  g_autofree char *closed_text = NULL;
  int status;

  if (!g_file_test (CASE_DIR "/case.json", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no conformance case 12-expressions in " SHARED_DIR);
      return;
    }

  status = run_child (free_argv, FALSE);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  status = run_child (closed_argv, TRUE);
  if (WIFSIGNALED (status))
    g_error ("the simulation was killed by signal %d%s", WTERMSIG (status),
             WTERMSIG (status) == SIGSYS ? ": it tried to open a socket" : "");
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  g_assert_true (g_file_get_contents (free_report, &free_text, NULL, NULL));
  g_assert_true (g_file_get_contents (closed_report, &closed_text, NULL, NULL));
  g_assert_cmpstr (closed_text, ==, free_text);

  g_remove (free_report);
  g_remove (closed_report);
  g_rmdir (dir);
}
#endif

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#ifdef WM_AUDIT_ARCH
  g_test_add_func ("/sim/no-network/filter-kills-a-socket-call", test_filter_kills);
  g_test_add_func ("/sim/no-network/simulate-without-sockets", test_simulate_offline);
#else
  g_test_message ("no seccomp filter written for this architecture");
#endif
  return g_test_run ();
}
