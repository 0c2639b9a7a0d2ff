// mgcramp_snapshot DATASET.json OUTPUT: loads and fully validates a dataset with
// the loader, then writes its binary snapshot to OUTPUT for the build to embed.
// A build-time tool (not installed): an invalid dataset fails the build with the
// loader's message, naming the file and the JSON Pointer or line:column.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>

#include "mgcramp/error.hpp"
#include "mgcramp/io/load.hpp"
#include "mgcramp/io/snapshot.hpp"

namespace {

void write_file(const std::string& path, const std::string& bytes) {
  // Written aside and renamed, so that a failed run leaves no partial output.
  const std::string tmp = path + ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (f == nullptr) {
    throw mgcramp::DataError("cannot create '" + tmp + "': " + std::strerror(errno));
  }
  const bool written = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  if (std::fclose(f) != 0 || !written || std::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    std::remove(tmp.c_str());
    throw mgcramp::DataError("cannot write '" + path + "': " + why);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: mgcramp_snapshot DATASET.json OUTPUT\n");
    return 2;
  }
  try {
    const std::string bytes = mgcramp::write_snapshot(mgcramp::load_dataset_file(argv[1]));
    // What the program will read must be what was written.
    if (mgcramp::write_snapshot(mgcramp::read_snapshot(bytes, argv[2])) != bytes) {
      throw mgcramp::DataError("the snapshot does not read back identically");
    }
    write_file(argv[2], bytes);
  } catch (const mgcramp::Error& e) {
    std::fprintf(stderr, "mgcramp_snapshot: error: %s%s%s%s\n", e.what(),
                 e.hint().empty() ? "" : " (", e.hint().c_str(), e.hint().empty() ? "" : ")");
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "mgcramp_snapshot: error: %s\n", e.what());
    return 1;
  }
  return 0;
}
