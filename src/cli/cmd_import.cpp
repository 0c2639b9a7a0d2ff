// mgcramp import fdc DIR: a USDA FoodData Central download into the food
// database the other commands read.
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

#include "cli.hpp"
#include "mgcramp/fooddb/import.hpp"
#include "mgcramp/report/builders.hpp"
#include "mgcramp/version.hpp"

namespace mgcramp::cli {

namespace {

volatile std::sig_atomic_t g_interrupted = 0;

// The first Ctrl-C (or SIGTERM, SIGHUP) asks the import to stop at its next
// step, so that it removes its unfinished file; a second one ends the
// program at once (the unfinished file is then removed by the next import).
extern "C" void on_signal(int sig) {
  if (g_interrupted != 0) {
    std::signal(sig, SIG_DFL);
    std::raise(sig);
  }
  g_interrupted = 1;
}

struct SignalGuard {
  struct sigaction old[3]{};
  static constexpr int kSignals[3] = {SIGINT, SIGTERM, SIGHUP};
  SignalGuard() {
    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (int i = 0; i < 3; ++i) sigaction(kSignals[i], &sa, &old[i]);
  }
  ~SignalGuard() {
    for (int i = 0; i < 3; ++i) sigaction(kSignals[i], &old[i], nullptr);
  }
};

// "1:05" for 65 seconds.
std::string clock_text(double s) {
  const auto t = static_cast<long long>(s + 0.5);
  if (t >= 3600) return fmt::format("{}:{:02}:{:02}", t / 3600, t / 60 % 60, t % 60);
  return fmt::format("{}:{:02}", t / 60, t % 60);
}

// A one-line progress bar on stderr, redrawn at most ten times a second.
class ProgressBar {
 public:
  void draw(const fooddb::ImportProgress& p) {
    const auto now = std::chrono::steady_clock::now();
    if (drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    drawn_ = true;
    const double frac =
        p.total > 0 ? static_cast<double>(p.done) / static_cast<double>(p.total) : 0;
    constexpr int kWidth = 20;
    const int filled = static_cast<int>(frac * kWidth);
    const double mb_s = p.seconds > 0 ? static_cast<double>(p.done) / 1e6 / p.seconds : 0;
    std::string left = "-:--";
    if (frac > 0.01 && frac < 1) left = clock_text(p.seconds / frac - p.seconds);
    const std::string bar = std::string(static_cast<std::size_t>(filled), '#') +
                            std::string(static_cast<std::size_t>(kWidth - filled), '-');
    std::fprintf(stderr, "\r\033[K%-20.20s [%s] %3.0f%%  %s rows  %.0f MB/s  %s left",
                 std::string(p.file).c_str(), bar.c_str(), frac * 100.0,
                 fmt::format("{}", p.rows).c_str(), mb_s, left.c_str());
    std::fflush(stderr);
  }
  ~ProgressBar() {
    if (drawn_) {
      std::fputs("\r\033[K", stderr);
      std::fflush(stderr);
    }
  }

 private:
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_;
};

bool stderr_is_terminal() {
  const char* term = std::getenv("TERM");
  return ::isatty(STDERR_FILENO) == 1 && !(term != nullptr && std::strcmp(term, "dumb") == 0);
}

// mkdir -p, for the default database's folder.
void make_dirs(const std::string& dir) {
  std::string at;
  for (std::size_t i = 0; i <= dir.size(); ++i) {
    if (i == dir.size() || (dir[i] == '/' && i > 0)) {
      at = dir.substr(0, i);
      if (::mkdir(at.c_str(), 0755) != 0 && errno != EEXIST) {
        throw DataError(fmt::format("cannot create the folder {}: {}", text::sanitize(at),
                                    std::strerror(errno)),
                        "give --out FILE somewhere you can write");
      }
    }
  }
}

}  // namespace

Run setup_import(CLI::App& sub) {
  struct Options {
    std::string source;
    std::string dir;
    std::optional<std::string> out;
    bool skip_bad_rows = false;
  };
  auto o = std::make_shared<Options>();
  sub.add_option("source", o->source, "What to import: fdc (USDA FoodData Central)")
      ->type_name("fdc")
      ->required();
  sub.add_option("dir", o->dir, "The folder an unpacked FoodData Central CSV download makes")
      ->type_name("DIR")
      ->required();
  sub.add_option("--out", o->out,
                 help_text("The database to write (default: --food-db, $MGCRAMP_FOOD_DB, else "
                           "$XDG_DATA_HOME/mgcramp/foods.sqlite)"))
      ->type_name("FILE");
  sub.add_flag("--skip-bad-rows", o->skip_bad_rows,
               "Count and skip unreadable rows instead of stopping");
  sub.footer(
      paragraph("Reads food.csv, food_nutrient.csv and nutrient.csv, and where present "
                "food_portion.csv, measure_unit.csv, food_category.csv, "
                "wweia_food_category.csv, sr_legacy_food.csv, foundation_food.csv, "
                "survey_fndds_food.csv and branded_food.csv (SR Legacy, Foundation, Survey "
                "(FNDDS) and Branded foods; other data types are skipped). The new database is "
                "renamed into place only when complete, so a failed or interrupted import leaves "
                "the old one as it was. Download: https://fdc.nal.usda.gov/download-datasets/") +
      R"(

Examples:
  mgcramp import fdc ~/Downloads/FoodData_Central_csv_2024-10-31
  mgcramp import fdc FoodData_Central_sr_legacy_food_csv_2018-04 --out sr.sqlite
  mgcramp --food-db sr.sqlite foods --per 100kcal --top 10)");
  return [o](Context& ctx) {
    if (text::to_lower(o->source) != "fdc") {
      throw UsageError(
          fmt::format("import knows one source, fdc, not '{}'", text::sanitize(o->source)),
          "mgcramp import fdc DIR");
    }
    fooddb::ImportOptions opts;
    opts.dir = o->dir;
    opts.skip_bad_rows = o->skip_bad_rows;
    opts.program_version = std::string(version_string());
    if (o->out) {
      opts.out = *o->out;
    } else if (const auto chosen = ctx.food_db_path(false)) {
      opts.out = *chosen;
    } else {
      opts.out = default_food_db_path();
      if (opts.out.empty()) {
        throw UsageError("no place for the food database: neither XDG_DATA_HOME nor HOME is set",
                         "give --out FILE");
      }
      make_dirs(opts.out.substr(0, opts.out.rfind('/')));
    }
    if (opts.out.empty()) throw UsageError("--out needs a file name", "--out foods.sqlite");
    SignalGuard signals;
    g_interrupted = 0;
    ProgressBar bar;
    const bool draw = stderr_is_terminal();
    // A test hook: the import kills itself (SIGKILL, no clean-up) once it has
    // read this many rows, so that tests can show that the old database
    // survives an import that dies half-way.
    long long kill_after = -1;
    if (const char* k = std::getenv("MGCRAMP_TEST_KILL_IMPORT_AFTER_ROWS")) {
      kill_after = std::atoll(k);
    }
    opts.progress = [&](const fooddb::ImportProgress& p) {
      if (g_interrupted != 0) {
        throw DataError("the import was interrupted", "the previous food database is unchanged");
      }
      if (kill_after >= 0 && static_cast<long long>(p.rows) >= kill_after) std::raise(SIGKILL);
      if (draw) bar.draw(p);
    };
    const fooddb::ImportResult res = fooddb::import_fdc(opts);
    return ctx.render(import_report(res, opts));
  };
}

}  // namespace mgcramp::cli
