// Sockets handed in by the host: sock_accept, sock_recv, sock_send, sock_shutdown.
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <memory>
#include <vector>

#include "wasi/call_support.hpp"
#include "wasi/calls.hpp"
#include "wasi/io_vectors.hpp"

namespace weft::wasi {

namespace r = abi::rights;

Result<uint32_t> call_sock_accept(WasiCtx& ctx, std::span<uint8_t> memory, const uint64_t* a) {
  FdLookup fd = lookup(ctx, a[0], r::kSockAccept);
  if (!fd.fd) return fd.error;
  const uint64_t flags = u32(a[1]);
  if ((flags & ~uint64_t{abi::kFdflagNonblock}) != 0) return abi::kInval;
  GuestMemory guest(memory);
  const uint64_t fd_ptr = u32(a[2]);
  if (!guest.fits(fd_ptr, 4)) return abi::kFault;
  HostFd accepted(::accept(fd.fd->host.get(), nullptr, nullptr));
  if (!accepted) return last_error();
  ::fcntl(accepted.get(), F_SETFD, FD_CLOEXEC);
  if (flags & abi::kFdflagNonblock) {
    const int current = ::fcntl(accepted.get(), F_GETFL);
    if (current < 0 || ::fcntl(accepted.get(), F_SETFL, current | O_NONBLOCK) != 0)
      return last_error();
  }
  auto descriptor = std::make_unique<Descriptor>();
  descriptor->filetype = filetype_of(accepted.get());
  descriptor->rights_base = r::kSocket & ~r::kSockAccept;
  descriptor->rights_inheriting = 0;
  descriptor->host = std::move(accepted);
  std::optional<uint32_t> number = ctx.state().insert(std::move(descriptor));
  if (!number) return abi::kNfile;
  guest.write<uint32_t>(fd_ptr, *number);
  return abi::kSuccess;
}

Result<uint32_t> call_sock_recv(WasiCtx& ctx, std::span<uint8_t> memory, const uint64_t* a) {
  FdLookup fd = lookup(ctx, a[0], r::kFdRead);
  if (!fd.fd) return fd.error;
  const uint64_t ri_flags = u32(a[3]), len_ptr = u32(a[4]), flags_ptr = u32(a[5]);
  if ((ri_flags & ~uint64_t{abi::kRiflagRecvPeek | abi::kRiflagRecvWaitall}) != 0)
    return abi::kInval;
  GuestMemory guest(memory);
  if (!guest.fits(len_ptr, 4) || !guest.fits(flags_ptr, 2)) return abi::kFault;
  std::vector<iovec> vecs;
  if (uint16_t e = gather_iovecs(guest, u32(a[1]), u32(a[2]), vecs)) return e;
  msghdr msg{};
  msg.msg_iov = vecs.data();
  msg.msg_iovlen = vecs.size();
  int host_flags = 0;
  if (ri_flags & abi::kRiflagRecvPeek) host_flags |= MSG_PEEK;
  if (ri_flags & abi::kRiflagRecvWaitall) host_flags |= MSG_WAITALL;
  const ssize_t n = ::recvmsg(fd.fd->host.get(), &msg, host_flags);
  if (n < 0) return last_error();
  guest.write<uint32_t>(len_ptr, static_cast<uint32_t>(n));
  guest.write<uint16_t>(flags_ptr, (msg.msg_flags & MSG_TRUNC) ? abi::kRoflagRecvDataTruncated : 0);
  return abi::kSuccess;
}

Result<uint32_t> call_sock_send(WasiCtx& ctx, std::span<uint8_t> memory, const uint64_t* a) {
  FdLookup fd = lookup(ctx, a[0], r::kFdWrite);
  if (!fd.fd) return fd.error;
  if (u32(a[3]) != 0) return abi::kInval;  // no siflags are defined
  GuestMemory guest(memory);
  const uint64_t len_ptr = u32(a[4]);
  if (!guest.fits(len_ptr, 4)) return abi::kFault;
  std::vector<iovec> vecs;
  if (uint16_t e = gather_iovecs(guest, u32(a[1]), u32(a[2]), vecs)) return e;
  msghdr msg{};
  msg.msg_iov = vecs.data();
  msg.msg_iovlen = vecs.size();
#ifdef MSG_NOSIGNAL
  const int host_flags = MSG_NOSIGNAL;  // a closed peer is EPIPE, not a SIGPIPE for the host
#else
  const int host_flags = 0;
#endif
  const ssize_t n = ::sendmsg(fd.fd->host.get(), &msg, host_flags);
  if (n < 0) return last_error();
  guest.write<uint32_t>(len_ptr, static_cast<uint32_t>(n));
  return abi::kSuccess;
}

Result<uint32_t> call_sock_shutdown(WasiCtx& ctx, std::span<uint8_t>, const uint64_t* a) {
  FdLookup fd = lookup(ctx, a[0], r::kSockShutdown);
  if (!fd.fd) return fd.error;
  int how;
  switch (u32(a[1])) {
    case abi::kSdflagRd:
      how = SHUT_RD;
      break;
    case abi::kSdflagWr:
      how = SHUT_WR;
      break;
    case abi::kSdflagRd | abi::kSdflagWr:
      how = SHUT_RDWR;
      break;
    default:
      return abi::kInval;
  }
  if (::shutdown(fd.fd->host.get(), how) != 0) return last_error();
  return abi::kSuccess;
}

}  // namespace weft::wasi
