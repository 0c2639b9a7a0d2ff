// mgcramp: the only place that catches errors and picks the exit status
// (0 ok, 1 data error, 2 usage error).
#include <cstdio>
#include <exception>
#include <new>

#include "cli.hpp"
#include "mgcramp/error.hpp"
#include "mgcramp/text.hpp"

namespace {
constexpr int kExitData = 1;
constexpr int kExitUsage = 2;
}  // namespace

int main(int argc, char** argv) {
  using namespace mgcramp;
  try {
    return cli::run(argc, argv);
  } catch (const UsageError& e) {
    cli::report_error(e, kExitUsage, cli::wants_json(argc, argv));
    return kExitUsage;
  } catch (const DataError& e) {
    cli::report_error(e, kExitData, cli::wants_json(argc, argv));
    return kExitData;
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "mgcramp: error: out of memory\n");
    return kExitData;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "mgcramp: error: internal error: %s (please report it)\n",
                 text::sanitize(e.what()).c_str());
    return kExitData;
  }
}
