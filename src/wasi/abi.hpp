// The wasi_snapshot_preview1 ABI as the witx defines it: errno values, flags, rights bits and the
// byte layout of the structures the guest passes in linear memory.
#pragma once

#include <cstdint>

namespace weft::wasi::abi {

enum Errno : uint16_t {
  kSuccess = 0,
  k2big = 1,
  kAcces = 2,
  kAddrinuse = 3,
  kAddrnotavail = 4,
  kAfnosupport = 5,
  kAgain = 6,
  kAlready = 7,
  kBadf = 8,
  kBadmsg = 9,
  kBusy = 10,
  kCanceled = 11,
  kChild = 12,
  kConnaborted = 13,
  kConnrefused = 14,
  kConnreset = 15,
  kDeadlk = 16,
  kDestaddrreq = 17,
  kDom = 18,
  kDquot = 19,
  kExist = 20,
  kFault = 21,
  kFbig = 22,
  kHostunreach = 23,
  kIdrm = 24,
  kIlseq = 25,
  kInprogress = 26,
  kIntr = 27,
  kInval = 28,
  kIo = 29,
  kIsconn = 30,
  kIsdir = 31,
  kLoop = 32,
  kMfile = 33,
  kMlink = 34,
  kMsgsize = 35,
  kMultihop = 36,
  kNametoolong = 37,
  kNetdown = 38,
  kNetreset = 39,
  kNetunreach = 40,
  kNfile = 41,
  kNobufs = 42,
  kNodev = 43,
  kNoent = 44,
  kNoexec = 45,
  kNolck = 46,
  kNolink = 47,
  kNomem = 48,
  kNomsg = 49,
  kNoprotoopt = 50,
  kNospc = 51,
  kNosys = 52,
  kNotconn = 53,
  kNotdir = 54,
  kNotempty = 55,
  kNotrecoverable = 56,
  kNotsock = 57,
  kNotsup = 58,
  kNotty = 59,
  kNxio = 60,
  kOverflow = 61,
  kOwnerdead = 62,
  kPerm = 63,
  kPipe = 64,
  kProto = 65,
  kProtonosupport = 66,
  kPrototype = 67,
  kRange = 68,
  kRofs = 69,
  kSpipe = 70,
  kSrch = 71,
  kStale = 72,
  kTimedout = 73,
  kTxtbsy = 74,
  kXdev = 75,
  kNotcapable = 76,
};

enum Filetype : uint8_t {
  kUnknown = 0,
  kBlockDevice = 1,
  kCharacterDevice = 2,
  kDirectory = 3,
  kRegularFile = 4,
  kSocketDgram = 5,
  kSocketStream = 6,
  kSymbolicLink = 7,
};

enum Clockid : uint32_t {
  kRealtime = 0,
  kMonotonic = 1,
  kProcessCputime = 2,
  kThreadCputime = 3,
};

enum Whence : uint8_t { kWhenceSet = 0, kWhenceCur = 1, kWhenceEnd = 2 };

// fdflags
inline constexpr uint16_t kFdflagAppend = 1 << 0;
inline constexpr uint16_t kFdflagDsync = 1 << 1;
inline constexpr uint16_t kFdflagNonblock = 1 << 2;
inline constexpr uint16_t kFdflagRsync = 1 << 3;
inline constexpr uint16_t kFdflagSync = 1 << 4;
inline constexpr uint16_t kFdflagsAll = 0x1f;

// oflags
inline constexpr uint16_t kOflagCreat = 1 << 0;
inline constexpr uint16_t kOflagDirectory = 1 << 1;
inline constexpr uint16_t kOflagExcl = 1 << 2;
inline constexpr uint16_t kOflagTrunc = 1 << 3;
inline constexpr uint16_t kOflagsAll = 0xf;

// lookupflags
inline constexpr uint32_t kLookupSymlinkFollow = 1 << 0;

// fstflags
inline constexpr uint16_t kFstAtim = 1 << 0;
inline constexpr uint16_t kFstAtimNow = 1 << 1;
inline constexpr uint16_t kFstMtim = 1 << 2;
inline constexpr uint16_t kFstMtimNow = 1 << 3;
inline constexpr uint16_t kFstAll = 0xf;

// Subscriptions and events of poll_oneoff.
enum Eventtype : uint8_t { kEventClock = 0, kEventFdRead = 1, kEventFdWrite = 2 };
inline constexpr uint16_t kSubclockAbstime = 1 << 0;
inline constexpr uint16_t kEventFdReadwriteHangup = 1 << 0;

// Sockets.
inline constexpr uint16_t kRiflagRecvPeek = 1 << 0;
inline constexpr uint16_t kRiflagRecvWaitall = 1 << 1;
inline constexpr uint16_t kRoflagRecvDataTruncated = 1 << 0;
inline constexpr uint8_t kSdflagRd = 1 << 0;
inline constexpr uint8_t kSdflagWr = 1 << 1;

inline constexpr uint8_t kPreopentypeDir = 0;

// Rights, one bit per operation.
namespace rights {
inline constexpr uint64_t kFdDatasync = 1ull << 0;
inline constexpr uint64_t kFdRead = 1ull << 1;
inline constexpr uint64_t kFdSeek = 1ull << 2;
inline constexpr uint64_t kFdFdstatSetFlags = 1ull << 3;
inline constexpr uint64_t kFdSync = 1ull << 4;
inline constexpr uint64_t kFdTell = 1ull << 5;
inline constexpr uint64_t kFdWrite = 1ull << 6;
inline constexpr uint64_t kFdAdvise = 1ull << 7;
inline constexpr uint64_t kFdAllocate = 1ull << 8;
inline constexpr uint64_t kPathCreateDirectory = 1ull << 9;
inline constexpr uint64_t kPathCreateFile = 1ull << 10;
inline constexpr uint64_t kPathLinkSource = 1ull << 11;
inline constexpr uint64_t kPathLinkTarget = 1ull << 12;
inline constexpr uint64_t kPathOpen = 1ull << 13;
inline constexpr uint64_t kFdReaddir = 1ull << 14;
inline constexpr uint64_t kPathReadlink = 1ull << 15;
inline constexpr uint64_t kPathRenameSource = 1ull << 16;
inline constexpr uint64_t kPathRenameTarget = 1ull << 17;
inline constexpr uint64_t kPathFilestatGet = 1ull << 18;
inline constexpr uint64_t kPathFilestatSetSize = 1ull << 19;
inline constexpr uint64_t kPathFilestatSetTimes = 1ull << 20;
inline constexpr uint64_t kFdFilestatGet = 1ull << 21;
inline constexpr uint64_t kFdFilestatSetSize = 1ull << 22;
inline constexpr uint64_t kFdFilestatSetTimes = 1ull << 23;
inline constexpr uint64_t kPathSymlink = 1ull << 24;
inline constexpr uint64_t kPathRemoveDirectory = 1ull << 25;
inline constexpr uint64_t kPathUnlinkFile = 1ull << 26;
inline constexpr uint64_t kPollFdReadwrite = 1ull << 27;
inline constexpr uint64_t kSockShutdown = 1ull << 28;
inline constexpr uint64_t kSockAccept = 1ull << 29;
inline constexpr uint64_t kAll = (1ull << 30) - 1;

// What makes sense on a regular file, a directory, a stream (pipe, terminal) and a socket.
inline constexpr uint64_t kRegularFile =
    kFdDatasync | kFdRead | kFdSeek | kFdFdstatSetFlags | kFdSync | kFdTell | kFdWrite | kFdAdvise |
    kFdAllocate | kFdFilestatGet | kFdFilestatSetSize | kFdFilestatSetTimes | kPollFdReadwrite;
inline constexpr uint64_t kDirectory =
    kFdFdstatSetFlags | kFdSync | kFdAdvise | kPathCreateDirectory | kPathCreateFile |
    kPathLinkSource | kPathLinkTarget | kPathOpen | kFdReaddir | kPathReadlink | kPathRenameSource |
    kPathRenameTarget | kPathFilestatGet | kPathFilestatSetSize | kPathFilestatSetTimes |
    kFdFilestatGet | kFdFilestatSetTimes | kPathSymlink | kPathRemoveDirectory | kPathUnlinkFile |
    kFdDatasync;
// Seeking a pipe or socket is left to the host to refuse, so that programs see ESPIPE as POSIX
// says (a character device drops seek and tell instead: that is how wasi-libc's isatty() works).
inline constexpr uint64_t kStream = kFdRead | kFdWrite | kFdSeek | kFdTell | kFdFdstatSetFlags |
                                    kFdFilestatGet | kPollFdReadwrite | kFdSync | kFdDatasync;
inline constexpr uint64_t kSocket = kStream | kSockShutdown | kSockAccept;
}  // namespace rights

// Structure layouts: sizes and field offsets.
namespace layout {
inline constexpr uint32_t kIovecSize = 8;  // buf u32 @0, buf_len u32 @4
inline constexpr uint32_t kFdstatSize = 24;
inline constexpr uint32_t kFdstatFiletype = 0, kFdstatFlags = 2, kFdstatRightsBase = 8,
                          kFdstatRightsInheriting = 16;
inline constexpr uint32_t kFilestatSize = 64;
inline constexpr uint32_t kFilestatDev = 0, kFilestatIno = 8, kFilestatFiletype = 16,
                          kFilestatNlink = 24, kFilestatSize_ = 32, kFilestatAtim = 40,
                          kFilestatMtim = 48, kFilestatCtim = 56;
inline constexpr uint32_t kDirentSize = 24;  // then the name
inline constexpr uint32_t kDirentNext = 0, kDirentIno = 8, kDirentNamlen = 16, kDirentType = 20;
inline constexpr uint32_t kPrestatSize = 8;  // tag u8 @0, name length u32 @4
inline constexpr uint32_t kSubscriptionSize = 48;
inline constexpr uint32_t kSubUserdata = 0, kSubTag = 8, kSubClockId = 16, kSubClockTimeout = 24,
                          kSubClockPrecision = 32, kSubClockFlags = 40, kSubFd = 16;
inline constexpr uint32_t kEventSize = 32;
inline constexpr uint32_t kEventUserdata = 0, kEventError = 8, kEventType = 10, kEventNbytes = 16,
                          kEventFlags = 24;
}  // namespace layout

}  // namespace weft::wasi::abi
