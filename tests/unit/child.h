/* child.h - for the unit tests of loaders that exit on bad input: runs one load in a child
 * process and keeps what it wrote on stderr (one message, without its newline). */
#ifndef NF_TEST_CHILD_H
#define NF_TEST_CHILD_H
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

/* Runs load(name, columns) in a child; returns the child's exit status (load's return value
 * when it returns) and its stderr in err. */
static int run_child(int (*load)(const char *name, const char *columns), const char *name, const char *columns,
		     char *err, size_t errn)
{
	int fd[2];
	if (pipe(fd) < 0) { perror("pipe"); exit(2); }
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		dup2(fd[1], 2);
		close(fd[0]);
		_exit(load(name, columns));
	}
	close(fd[1]);
	size_t n = 0;
	ssize_t k;
	while (n + 1 < errn && (k = read(fd[0], err + n, errn - 1 - n)) > 0)
		n += (size_t)k;
	if (n && err[n - 1] == '\n')
		n--;
	err[n] = 0;
	close(fd[0]);
	int st;
	waitpid(pid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

#endif
