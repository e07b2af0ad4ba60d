/*
 * A fake /dev/liveupdate for the conformance tests, as an LD_PRELOAD library: the
 * reproducer's LUO ioctls and its reboot() return the results listed in LUO_RESULTS
 * ("0,-2,-16": one per call, in order), its stage session is accepted without using the
 * list, /dev/kvm is absent and uname -r is "6.18.0-fake". A call past the list exits 99.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/ioctl.h>
#include <sys/utsname.h>

static int luo_fd = -1, stage_fd = -1;
static const char *script;

static int next_result(void)
{
	const char *comma;
	int r;

	if (!script)
		script = getenv("LUO_RESULTS");
	if (!script || !*script) {
		fprintf(stderr, "fakeluo: more calls than LUO_RESULTS lists\n");
		_exit(99);
	}
	r = atoi(script);
	comma = strchr(script, ',');
	script = comma ? comma + 1 : "";
	return r;
}

static int fail(int r)
{
	errno = -r;
	return -1;
}

static int fake_open(const char *path, int flags, int mode)
{
	static int (*real)(const char *, int, ...);

	if (!real)
		real = (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, "open");
	if (strcmp(path, "/dev/liveupdate") == 0)
		return luo_fd = real("/dev/null", O_RDWR);
	if (strcmp(path, "/dev/kvm") == 0)
		return fail(-ENOENT);
	return real(path, flags, mode);
}

int open(const char *path, int flags, ...)
{
	va_list ap;
	int mode;

	va_start(ap, flags);
	mode = va_arg(ap, int);
	va_end(ap);
	return fake_open(path, flags, mode);
}

int open64(const char *path, int flags, ...)
{
	va_list ap;
	int mode;

	va_start(ap, flags);
	mode = va_arg(ap, int);
	va_end(ap);
	return fake_open(path, flags, mode);
}

struct session_arg {
	unsigned int size;
	int fd;
	char name[64];
};

struct fd_arg {
	unsigned int size;
	int fd;
	unsigned long long token;
};

int ioctl(int fd, unsigned long request, ...)
{
	static int (*real)(int, unsigned long, ...);
	va_list ap;
	void *arg;
	int r;

	va_start(ap, request);
	arg = va_arg(ap, void *);
	va_end(ap);
	if (!real)
		real = (int (*)(int, unsigned long, ...))dlsym(RTLD_NEXT, "ioctl");
	if (_IOC_TYPE(request) != 0xBA)
		return real(fd, request, arg);
	if (_IOC_NR(request) <= 0x01) {
		struct session_arg *a = arg;

		if (strncmp(a->name, "luoscope-stage", 14) == 0) {
			a->fd = stage_fd = dup(luo_fd);
			return 0;
		}
		r = next_result();
		if (r < 0)
			return fail(r);
		a->fd = dup(luo_fd);
		return 0;
	}
	if (fd == stage_fd)
		return 0;
	r = next_result();
	if (r < 0)
		return fail(r);
	if (_IOC_NR(request) == 0x41)
		((struct fd_arg *)arg)->fd = dup(luo_fd);
	return 0;
}

int reboot(int cmd)
{
	int r = next_result();

	(void)cmd;
	if (r < 0)
		return fail(r);
	fflush(stdout);
	_exit(0);
}

int uname(struct utsname *u)
{
	memset(u, 0, sizeof(*u));
	strcpy(u->sysname, "Linux");
	strcpy(u->release, "6.18.0-fake");
	return 0;
}
