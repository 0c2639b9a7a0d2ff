// libFuzzer target: everything that parses what a user types. The input is
// split at newlines into a few strings; each parser of option values and each
// lookup of a name or id in the embedded dataset gets them. Bad input is a
// UsageError; nothing else may happen.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "mgcramp/error.hpp"
#include "mgcramp/io/embedded.hpp"
#include "mgcramp/query/cite.hpp"
#include "mgcramp/query/claims.hpp"
#include "mgcramp/query/foods.hpp"
#include "mgcramp/query/records.hpp"
#include "mgcramp/query/search.hpp"
#include "mgcramp/query/supplements.hpp"
#include "mgcramp/text.hpp"
#include "options.hpp"

namespace {

template <class F>
void guarded(F&& f) {
  try {
    f();
  } catch (const mgcramp::UsageError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mgcramp;
  using namespace mgcramp::cli;
  const std::string input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> f;
  std::size_t start = 0;
  while (f.size() < 4) {
    const std::size_t nl = input.find('\n', start);
    f.push_back(input.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  f.resize(4);
  const Dataset& ds = embedded_dataset();
  for (const std::string& s : f) {
    guarded([&] { parse_count("--top", s); });
    guarded([&] { parse_amount("--compound-mg", s); });
    guarded([&] { parse_year("--since", s); });
    guarded([&] { parse_sex(s); });
    guarded([&] { parse_food(s); });
    guarded([&] { parse_supplement(s); });
    guarded([&] { parse_table("--table", s); });
    guarded([&] { parse_choice<Design>("--design", s); });
    guarded([&] { parse_format(s, false, true); });
    guarded([&] { (void)text::sanitize(s); });
    guarded([&] { (void)text::wrap(s, 17); });
  }
  // Lookups in the dataset cost more: the first string only.
  guarded([&] { resolve_record(ds, f[0]); });
  guarded([&] { resolve_food(ds, f[0]); });
  guarded([&] { resolve_form(ds, f[0]); });
  guarded([&] { resolve_citables(ds, {f[0]}); });
  guarded([&] { find_claims(ds, ClaimQuery{{}, f[0], {}}); });
  guarded([&] { parse_profile({f[0], std::nullopt, f[1], f[2] == "p", f[3] == "l"}); });
  guarded([&] { parse_profile({std::nullopt, f[0], f[1], false, false}); });
  guarded([&] {
    const SearchQuery q = parse_search(f[0], f[1].empty() ? std::nullopt : std::optional(f[1]),
                                       f[2].empty() ? std::nullopt : std::optional(f[2]));
    (void)search(ds, q);
  });
  guarded([&] {
    (void)tally_intake(ds, parse_profile({f[2], {}, std::string("f"), false, false}),
                       {parse_food(f[0])}, {parse_supplement(f[1])});
  });
  return 0;
}
