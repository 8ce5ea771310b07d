#pragma once
// Whether the tests run in a sanitizer build. Tests that check one property over many generated
// inputs use fewer of them there: the sanitizer run looks for memory and thread errors in every
// code path, the Release run holds the property over the full count.

namespace flyorcall::testing {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr bool kSanitized = true; // shadow memory and checks slow every run several-fold
#else
inline constexpr bool kSanitized = false;
#endif

/// `full` in a Release build, `sanitized` in a sanitizer build.
template <class T> constexpr T by_build(T full, T sanitized) {
  return kSanitized ? sanitized : full;
}

} // namespace flyorcall::testing
