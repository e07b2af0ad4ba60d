/**
 * The `/dev/liveupdate` uAPI as C, written from SEMANTICS §1.1 (the names and layout of
 * include/uapi/linux/liveupdate.h): ioctl type 0xBA, `_IO(0xBA, nr)` numbers, structs whose
 * first member is `__u32 size`. Everything sits under `#ifndef LIVEUPDATE_IOCTL_CREATE_SESSION`,
 * so the C export compiles both where the kernel headers have the real header (it is included
 * first when present) and where they lack it.
 */

/** The uAPI block the C export embeds; also usable on its own as `liveupdate-uapi.h`. */
export const LIVEUPDATE_UAPI_H = `/*
 * Userspace interface of /dev/liveupdate (Live Update Orchestrator), as in
 * include/uapi/linux/liveupdate.h, for kernel headers that lack it.
 */
#include <linux/ioctl.h>
#include <linux/types.h>
#if defined(__has_include)
#if __has_include(<linux/liveupdate.h>)
#include <linux/liveupdate.h>
#endif
#endif

#ifndef LIVEUPDATE_IOCTL_CREATE_SESSION
#define LIVEUPDATE_IOCTL_TYPE		0xBA
#define LIVEUPDATE_SESSION_NAME_LENGTH	64

enum {
	LIVEUPDATE_CMD_BASE = 0x00,
	LIVEUPDATE_CMD_CREATE_SESSION = LIVEUPDATE_CMD_BASE,
	LIVEUPDATE_CMD_RETRIEVE_SESSION = 0x01,
};

enum {
	LIVEUPDATE_CMD_SESSION_BASE = 0x40,
	LIVEUPDATE_CMD_SESSION_PRESERVE_FD = LIVEUPDATE_CMD_SESSION_BASE,
	LIVEUPDATE_CMD_SESSION_RETRIEVE_FD = 0x41,
	LIVEUPDATE_CMD_SESSION_FINISH = 0x42,
};

/* ioctl(/dev/liveupdate fd, LIVEUPDATE_IOCTL_CREATE_SESSION): a new outgoing session. */
struct liveupdate_ioctl_create_session {
	__u32 size;
	__s32 fd;
	__u8 name[LIVEUPDATE_SESSION_NAME_LENGTH];
};
#define LIVEUPDATE_IOCTL_CREATE_SESSION \\
	_IO(LIVEUPDATE_IOCTL_TYPE, LIVEUPDATE_CMD_CREATE_SESSION)

/* ioctl(/dev/liveupdate fd, LIVEUPDATE_IOCTL_RETRIEVE_SESSION): an incoming session. */
struct liveupdate_ioctl_retrieve_session {
	__u32 size;
	__s32 fd;
	__u8 name[LIVEUPDATE_SESSION_NAME_LENGTH];
};
#define LIVEUPDATE_IOCTL_RETRIEVE_SESSION \\
	_IO(LIVEUPDATE_IOCTL_TYPE, LIVEUPDATE_CMD_RETRIEVE_SESSION)

/* ioctl(session fd, LIVEUPDATE_SESSION_PRESERVE_FD): outgoing sessions only. */
struct liveupdate_session_preserve_fd {
	__u32 size;
	__s32 fd;
	__aligned_u64 token;
};
#define LIVEUPDATE_SESSION_PRESERVE_FD \\
	_IO(LIVEUPDATE_IOCTL_TYPE, LIVEUPDATE_CMD_SESSION_PRESERVE_FD)

/* ioctl(session fd, LIVEUPDATE_SESSION_RETRIEVE_FD): incoming sessions only. */
struct liveupdate_session_retrieve_fd {
	__u32 size;
	__s32 fd;
	__aligned_u64 token;
};
#define LIVEUPDATE_SESSION_RETRIEVE_FD \\
	_IO(LIVEUPDATE_IOCTL_TYPE, LIVEUPDATE_CMD_SESSION_RETRIEVE_FD)

/* ioctl(session fd, LIVEUPDATE_SESSION_FINISH): incoming sessions only. */
struct liveupdate_session_finish {
	__u32 size;
	__u32 reserved;
};
#define LIVEUPDATE_SESSION_FINISH \\
	_IO(LIVEUPDATE_IOCTL_TYPE, LIVEUPDATE_CMD_SESSION_FINISH)
#endif /* LIVEUPDATE_IOCTL_CREATE_SESSION */

#ifndef LIVEUPDATE_SESSION_GET_NAME
/* ioctl(session fd, LIVEUPDATE_SESSION_GET_NAME): v7.2 and later. */
struct liveupdate_session_get_name {
	__u32 size;
	__u32 reserved;
	__u8 name[LIVEUPDATE_SESSION_NAME_LENGTH];
};
#define LIVEUPDATE_SESSION_GET_NAME _IO(LIVEUPDATE_IOCTL_TYPE, 0x43)
#endif

#ifndef LIVEUPDATE_SESSION_FREEZE
/*
 * ioctl(session fd, LIVEUPDATE_SESSION_FREEZE): the October 2026 proposal. Its number is not
 * in any source luoscope read: 0x44, the next after GET_NAME, is an assumption.
 */
struct liveupdate_session_freeze {
	__u32 size;
	__u32 reserved;
};
#define LIVEUPDATE_SESSION_FREEZE _IO(LIVEUPDATE_IOCTL_TYPE, 0x44)
#endif
`;

/** KVM's guest_memfd uAPI (Linux 6.8+, flags 6.18+), for kernel headers that lack it. */
export const KVM_GUEST_MEMFD_UAPI = `#include <linux/kvm.h>
#ifndef KVM_CREATE_GUEST_MEMFD
struct kvm_create_guest_memfd {
	__u64 size;
	__u64 flags;
	__u64 reserved[6];
};
#define KVM_CREATE_GUEST_MEMFD _IOWR(KVMIO, 0xd4, struct kvm_create_guest_memfd)
#endif
#ifndef GUEST_MEMFD_FLAG_MMAP
#define GUEST_MEMFD_FLAG_MMAP		(1ULL << 0)
#endif
#ifndef GUEST_MEMFD_FLAG_INIT_SHARED
#define GUEST_MEMFD_FLAG_INIT_SHARED	(1ULL << 1)
#endif
`;
