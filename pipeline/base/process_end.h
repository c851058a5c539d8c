#pragma once
/// Ending the process once its work is done: what is still allocated goes
/// back to the system with the process, without destructors walking a
/// book's worth of objects first (a compiler's "don't free at exit").
/// Sanitizer builds free everything as usual, so leaks are still reported.
namespace bb::base {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kLeakChecked = true;
#else
inline constexpr bool kLeakChecked = false;
#endif

/// Flushes stdout and stderr and ends the process with `code` at once
/// (std::_Exit); under the sanitizers returns `code` for main to return.
/// Call it only when every output file has been written and closed.
int end_process(int code);

}  // namespace bb::base
