// Reading an article for `mgcramp check`, from a file or standard input.
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <fmt/format.h>

#include "mgcramp/check/document.hpp"
#include "mgcramp/error.hpp"
#include "mgcramp/text.hpp"

namespace mgcramp::check {

std::string read_input(const std::string& path) {
  const bool stdin_ = path == "-";
  const std::string shown = stdin_ ? "standard input" : "'" + text::sanitize(path) + "'";
  const char* hint = "check the file's path and permissions";
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> owned(nullptr, &std::fclose);
  std::FILE* f = stdin;
  if (!stdin_) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
      throw DataError(fmt::format("cannot open {}: {}", shown, std::strerror(errno)), hint);
    if (S_ISDIR(st.st_mode)) throw DataError(fmt::format("{} is a directory", shown), hint);
    owned.reset(std::fopen(path.c_str(), "rb"));
    if (!owned)
      throw DataError(fmt::format("cannot open {}: {}", shown, std::strerror(errno)), hint);
    f = owned.get();
  }
  std::string data;
  char buf[65536];
  while (true) {
    const std::size_t n = std::fread(buf, 1, sizeof buf, f);
    if (n == 0) break;
    if (data.size() + n > kMaxInputBytes) {
      throw DataError(fmt::format("{} is larger than {} MB; mgcramp check reads one article", shown,
                                  kMaxInputBytes >> 20),
                      "give it the article's text alone");
    }
    data.append(buf, n);
  }
  if (std::ferror(f) != 0)
    throw DataError(fmt::format("cannot read {}: {}", shown, std::strerror(errno)), hint);
  return data;
}

}  // namespace mgcramp::check
