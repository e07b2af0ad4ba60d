/**
 * The fixed C of the reproducer: the includes, the `/dev/liveupdate` helpers (modelled on
 * tools/testing/selftests/liveupdate/luo_test_utils.c), the result check, the stage session
 * that carries the stage number across a kexec, and one helper per file type that makes a
 * file of that type (or a marked stub where that needs more than a few lines).
 */
import type { FileType } from '../../engine';
import { ERRNO_NAMES } from '../../engine';
import { KVM_GUEST_MEMFD_UAPI, LIVEUPDATE_UAPI_H } from './uapi';

/** Includes and the uAPI; `kvm` adds <linux/kvm.h> and the guest_memfd definitions. */
export function prelude(kvm: boolean): string {
  return `#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/reboot.h>
#include <sys/utsname.h>
#include <linux/reboot.h>

${LIVEUPDATE_UAPI_H}${kvm ? `\n${KVM_GUEST_MEMFD_UAPI}` : ''}
#ifndef __maybe_unused
#define __maybe_unused __attribute__((unused))
#endif
`;
}

const errnoCases = ERRNO_NAMES.map((n) => `\tcase ${n}:\n\t\treturn "-${n}";`).join('\n');

/** The helpers every reproducer has; `stageSession` is the C literal of the stage session. */
export function runtime(stageSession: string): string {
  return `#define LUO_DEVICE "/dev/liveupdate"
/* Holds a memfd with the next stage's number across each kexec. */
#define STAGE_SESSION ${stageSession}

static int luo_fd = -1;
static int stage_session_fd = -1;

/* 0, "-ENOENT", or the number of an errno luoscope does not model. */
static const char *errno_str(int ret)
{
	static char buf[2][16];
	static int which;

	switch (-ret) {
	case 0:
		return "0";
${errnoCases}
	}
	which = !which;
	snprintf(buf[which], sizeof(buf[which]), "%d", ret);
	return buf[which];
}

static __maybe_unused int luo_create_session(const char *name, size_t len)
{
	struct liveupdate_ioctl_create_session arg;

	memset(&arg, 0, sizeof(arg));
	arg.size = sizeof(arg);
	memcpy(arg.name, name, len < sizeof(arg.name) ? len : sizeof(arg.name));
	if (ioctl(luo_fd, LIVEUPDATE_IOCTL_CREATE_SESSION, &arg) < 0)
		return -errno;
	return arg.fd;
}

static __maybe_unused int luo_retrieve_session(const char *name, size_t len)
{
	struct liveupdate_ioctl_retrieve_session arg;

	memset(&arg, 0, sizeof(arg));
	arg.size = sizeof(arg);
	memcpy(arg.name, name, len < sizeof(arg.name) ? len : sizeof(arg.name));
	if (ioctl(luo_fd, LIVEUPDATE_IOCTL_RETRIEVE_SESSION, &arg) < 0)
		return -errno;
	return arg.fd;
}

static __maybe_unused int luo_preserve_fd(int session_fd, int fd, __u64 token)
{
	struct liveupdate_session_preserve_fd arg;

	memset(&arg, 0, sizeof(arg));
	arg.size = sizeof(arg);
	arg.fd = fd;
	arg.token = token;
	if (ioctl(session_fd, LIVEUPDATE_SESSION_PRESERVE_FD, &arg) < 0)
		return -errno;
	return 0;
}

static __maybe_unused int luo_retrieve_fd(int session_fd, __u64 token)
{
	struct liveupdate_session_retrieve_fd arg;

	memset(&arg, 0, sizeof(arg));
	arg.size = sizeof(arg);
	arg.token = token;
	if (ioctl(session_fd, LIVEUPDATE_SESSION_RETRIEVE_FD, &arg) < 0)
		return -errno;
	return arg.fd;
}

static __maybe_unused int luo_finish(int session_fd, __u32 reserved)
{
	struct liveupdate_session_finish arg;

	memset(&arg, 0, sizeof(arg));
	arg.size = sizeof(arg);
	arg.reserved = reserved;
	if (ioctl(session_fd, LIVEUPDATE_SESSION_FINISH, &arg) < 0)
		return -errno;
	return 0;
}

static __maybe_unused int luo_get_name(int session_fd)
{
	struct liveupdate_session_get_name arg;

	memset(&arg, 0, sizeof(arg));
	arg.size = sizeof(arg);
	if (ioctl(session_fd, LIVEUPDATE_SESSION_GET_NAME, &arg) < 0)
		return -errno;
	return 0;
}

static __maybe_unused int luo_freeze_session(int session_fd, __u32 reserved)
{
	struct liveupdate_session_freeze arg;

	memset(&arg, 0, sizeof(arg));
	arg.size = sizeof(arg);
	arg.reserved = reserved;
	if (ioctl(session_fd, LIVEUPDATE_SESSION_FREEZE, &arg) < 0)
		return -errno;
	return 0;
}

/* A further open of /dev/liveupdate: it is exclusive. Keeps the fd when it is the VMM's. */
static __maybe_unused int luo_open_device(void)
{
	int fd = open(LUO_DEVICE, O_RDWR | O_CLOEXEC);

	if (fd < 0)
		return -errno;
	if (luo_fd < 0)
		luo_fd = fd;
	else
		close(fd);
	return 0;
}

static __maybe_unused int luo_close_device(void)
{
	int ret = close(luo_fd) < 0 ? -errno : 0;

	luo_fd = -1;
	return ret;
}

static __maybe_unused int close_fd(int fd)
{
	return close(fd) < 0 ? -errno : 0;
}

/* reboot(LINUX_REBOOT_CMD_KEXEC) into the kernel loaded with kexec -l. */
static __maybe_unused int luo_kexec(void)
{
	sync();
	if (reboot(LINUX_REBOOT_CMD_KEXEC) < 0)
		return -errno;
	return 0;
}

/* Before a kexec: preserve the next stage's number in the stage session. */
static __maybe_unused void save_stage(int next)
{
	char buf[16];
	int len = snprintf(buf, sizeof(buf), "%d", next);
	int mfd, ret;

	stage_session_fd = luo_create_session(STAGE_SESSION, strlen(STAGE_SESSION));
	if (stage_session_fd < 0) {
		printf("# cannot create the stage session: %s\\n", errno_str(stage_session_fd));
		return;
	}
	mfd = memfd_create("luoscope-stage", MFD_CLOEXEC);
	if (mfd < 0 || write(mfd, buf, len) != len) {
		printf("# cannot write the stage memfd\\n");
		return;
	}
	ret = luo_preserve_fd(stage_session_fd, mfd, 1);
	if (ret < 0)
		printf("# cannot preserve the stage memfd: %s\\n", errno_str(ret));
	/* The session fd stays open: closing it would unpreserve the memfd. */
	close(mfd);
}

/* 1 in the first boot (no stage session), else the number stage N-1 preserved. */
static int read_stage(void)
{
	char buf[16] = { 0 };
	int session, mfd, stage;

	session = luo_retrieve_session(STAGE_SESSION, strlen(STAGE_SESSION));
	if (session == -ENOENT)
		return 1;
	if (session < 0) {
		printf("# cannot retrieve the stage session: %s\\n", errno_str(session));
		return -1;
	}
	mfd = luo_retrieve_fd(session, 1);
	if (mfd < 0 || pread(mfd, buf, sizeof(buf) - 1, 0) < 0) {
		printf("# cannot read the stage memfd\\n");
		return -1;
	}
	stage = atoi(buf);
	close(mfd);
	luo_finish(session, 0);
	close(session);
	return stage;
}
`;
}

/** What each file type is to a VMM, for the comment that lists the files. */
export const TYPE_NOTES: Readonly<Record<FileType, string>> = {
  memfd: 'memfd_create() with MFD_ALLOW_SEALING, one page',
  'kvm-vm': 'a KVM VM fd: open("/dev/kvm") + KVM_CREATE_VM',
  guest_memfd: 'guest memory: KVM_CREATE_GUEST_MEMFD (MMAP | INIT_SHARED) on its VM fd',
  'kvm-vcpu': 'a vCPU: KVM_CREATE_VCPU on its VM fd',
  iommufd:
    'STUB: open("/dev/iommu"), an IOAS mapping its memfds (IOMMU_IOAS_MAP_FILE) and a HWPT ' +
    'marked for preservation',
  'vfio-pci':
    'STUB: a vfio cdev, open("/dev/vfio/devices/vfioN"), bound and attached to its iommufd',
  pipe: 'pipe2(): no LUO handler exists for it',
  generic: "STUB: luoscope's simulated test handler; no kernel file behaves like it",
};

/** The C helper that makes a file of each type, emitted once per type the document uses. */
export const TYPE_HELPERS: Readonly<Record<FileType, string>> = {
  memfd: `/* memfd: one page; sealed = F_SEAL_GROW | F_SEAL_SHRINK | F_SEAL_SEAL (iommufd needs it). */
static __maybe_unused int make_memfd(const char *name, int sealed)
{
	int fd = memfd_create(name, MFD_CLOEXEC | MFD_ALLOW_SEALING);

	if (fd < 0)
		return -1;
	if (ftruncate(fd, sysconf(_SC_PAGESIZE)) < 0 ||
	    (sealed && fcntl(fd, F_ADD_SEALS, F_SEAL_GROW | F_SEAL_SHRINK | F_SEAL_SEAL) < 0)) {
		close(fd);
		return -1;
	}
	return fd;
}

static __maybe_unused int add_seals(int fd)
{
	if (fcntl(fd, F_ADD_SEALS, F_SEAL_GROW | F_SEAL_SHRINK | F_SEAL_SEAL) < 0)
		return -errno;
	return 0;
}
`,
  'kvm-vm': `/* kvm-vm: a KVM VM fd (the default VM type). */
static __maybe_unused int make_kvm_vm(void)
{
	int kvm = open("/dev/kvm", O_RDWR | O_CLOEXEC), vm;

	if (kvm < 0)
		return -1;
	vm = ioctl(kvm, KVM_CREATE_VM, 0);
	close(kvm);
	return vm;
}
`,
  guest_memfd: `/* guest_memfd: a fully shared one-page guest_memfd of the VM (the kind LUO preserves). */
static __maybe_unused int make_guest_memfd(int vm_fd)
{
	struct kvm_create_guest_memfd args;

	memset(&args, 0, sizeof(args));
	args.size = sysconf(_SC_PAGESIZE);
	args.flags = GUEST_MEMFD_FLAG_MMAP | GUEST_MEMFD_FLAG_INIT_SHARED;
	return ioctl(vm_fd, KVM_CREATE_GUEST_MEMFD, &args);
}
`,
  'kvm-vcpu': `/* kvm-vcpu: vCPU number id of the VM; this program never enters KVM_RUN. */
static __maybe_unused int make_kvm_vcpu(int vm_fd, int id)
{
	return ioctl(vm_fd, KVM_CREATE_VCPU, id);
}
`,
  iommufd: `/*
 * iommufd: STUB. TODO: open("/dev/iommu"), IOMMU_IOAS_ALLOC, IOMMU_IOAS_MAP_FILE of each
 * sealed memfd it depends on, and a HWPT allocated with the preservation flag of the iommufd
 * live update series. Until then there is no fd, and its steps report EBADF.
 */
static __maybe_unused int make_iommufd(void)
{
	return -1;
}
`,
  'vfio-pci': `/*
 * vfio-pci: STUB. TODO: open("/dev/vfio/devices/vfioN") of a device bound to vfio-pci,
 * VFIO_DEVICE_BIND_IOMMUFD to its iommufd and VFIO_DEVICE_ATTACH_IOMMUFD_PT to the
 * preserved HWPT. Until then there is no fd, and its steps report EBADF.
 */
static __maybe_unused int make_vfio_cdev(void)
{
	return -1;
}
`,
  pipe: `/* pipe: the read end of a pipe; LUO has no handler for it. */
static __maybe_unused int make_pipe(void)
{
	int p[2];

	if (pipe2(p, O_CLOEXEC) < 0)
		return -1;
	return p[0];
}
`,
  generic: `/*
 * generic: STUB. luoscope's simulated test handler (configurable freeze errno and
 * can_finish) has no kernel counterpart. TODO: a file whose handler behaves like it, e.g.
 * from a test module. Until then there is no fd, and its steps report EBADF.
 */
static __maybe_unused int make_generic(void)
{
	return -1;
}
`,
};
