// Files and outputs for programs built on flyorcall (the command-line tool, batch jobs): reading an
// input with the documented size limit, and writing results the way docs/cli.md
// ("Destinations") describes — a regular file is replaced atomically through a temporary file
// beside it, keeping its mode and owner; anything else (standard output, a terminal, a device, a
// FIFO, a socket) is written in place and never renamed over. Every write is checked through
// flush and close, and an interrupt removes the temporary file.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace flyorcall {

/// Reads a whole file ("-" reads standard input). Throws InputError (pointer "") when it cannot
/// be read or is larger than limits::kMaxInputBytes.
[[nodiscard]] std::string read_text_file(const std::string& path);

/// True when both paths name the same existing file (so an output would overwrite an input).
[[nodiscard]] bool same_file(const std::filesystem::path& a, const std::filesystem::path& b);

/// An output being written: open it, write() any number of times (the text streams out; a regular
/// file's temporary file receives it), then commit(). Destroying an output that was not committed
/// removes its temporary file, so a failure or an exception leaves the old file as it was. Write
/// errors throw Error(internal) "cannot write <path>: <step>: <system error>".
class Output {
public:
  /// Opens `path`: "-" is standard output; "/dev/stdout", "/dev/stderr", "/dev/fd/N" and
  /// "/proc/self/fd/N" are that open descriptor; a symbolic link is followed to its target; a
  /// regular file or a new path gets a temporary file ".NAME.tmp-PID-XXXXXX" in its directory
  /// (stale ones of processes that no longer run are removed first); anything else is opened for
  /// writing in place. Throws Error(internal) when it cannot be opened, and InputError for an
  /// empty path.
  explicit Output(const std::string& path);
  ~Output();
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  /// Appends `text` (buffered; the buffer is written out whenever it fills).
  void write(std::string_view text);
  /// Writes out what is buffered and closes the destination: a regular file is synced, given the
  /// old file's mode and owner (or 0666 less the umask) and renamed over the target. Throws
  /// Error(internal) naming the step that failed; the old file then stays as it was.
  void commit();

  /// True when the text goes to a descriptor that was already open (standard output, /dev/fd/N).
  [[nodiscard]] bool to_open_descriptor() const { return borrowed_; }
  /// How the path is named in messages ("standard output" for "-").
  [[nodiscard]] const std::string& name() const { return name_; }

private:
  void flush_buffer();
  [[noreturn]] void fail(const char* step, int error);
  void abandon() noexcept;

  std::string name_;
  std::string target_;    ///< the file a temporary file replaces ("" when written in place)
  std::string temporary_; ///< the temporary file, "" when written in place
  int slot_ = -1;         ///< interrupt-cleanup slot of the temporary file
  int fd_ = -1;
  bool borrowed_ = false; ///< fd_ belongs to the process (stdout, /dev/fd/N): never closed here
  bool existed_ = false;  ///< target_ existed: its mode and owner are kept
  unsigned mode_ = 0;
  unsigned uid_ = 0;
  unsigned gid_ = 0;
  bool committed_ = false;
  std::string buffer_;
};

/// True when `path` names this process's standard output ("-", "/dev/stdout", "/dev/fd/1",
/// "/proc/self/fd/1").
[[nodiscard]] bool is_standard_output(const std::string& path);

/// Writes `content` to `path` as Output does (open, write, commit).
void write_output(const std::string& path, std::string_view content);

/// Writes each (name, content) as a file in the directory `dir`, creating the directory (not its
/// parents) when it is missing. Every file goes to its temporary file first and none is renamed
/// over its target until all are written, so a failed write leaves every old file as it was.
void write_files_in_directory(const std::string& dir,
                              const std::vector<std::pair<std::string, std::string>>& files);

/// Standard output for a command's results: every write is checked (a full disk or a closed pipe
/// is an Error(internal) "cannot write standard output: …"), unlike std::cout.
Output& standard_output();

/// Flushes standard output and closes it if anything was written, checking both. Throws
/// Error(internal) on failure. Called once, at the end of a command.
void finish_standard_output();

/// Opens /dev/null in place of a closed standard input, output or error, read-only for output and
/// error: a file the process opens later can then never take descriptor 1 and receive the results,
/// and writing results to a standard output that was closed still fails (EBADF). Call once, first
/// thing in main().
void guard_standard_descriptors();

/// Makes SIGINT, SIGTERM and SIGHUP remove any temporary file still being written and end the
/// process with 128 + the signal's number (130, 143, 129). Call once, early in main().
void install_interrupt_cleanup();

} // namespace flyorcall
