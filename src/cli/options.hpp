#pragma once
// Option strings as the user typed them, parsed into the typed values the
// core takes. Every error names the option and says what it must be.
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "mgcramp/error.hpp"
#include "mgcramp/model/enums.hpp"
#include "mgcramp/query/profile.hpp"
#include "mgcramp/query/search.hpp"
#include "mgcramp/query/supplements.hpp"
#include "mgcramp/render/render.hpp"
#include "mgcramp/text.hpp"

namespace mgcramp::cli {

// When tables are coloured: on a terminal (auto), always or never.
enum class ColorMode : std::uint8_t { automatic, always, never };
}  // namespace mgcramp::cli
namespace mgcramp {
MGCRAMP_ENUM_NAMES(cli::ColorMode, "colour", cli::ColorMode::never, "auto", "always", "never");
}  // namespace mgcramp
namespace mgcramp::cli {

// --age, --months, --sex, --pregnant and --lactating, as typed.
struct ProfileInput {
  std::optional<std::string> age;     // years, decimals allowed
  std::optional<std::string> months;  // whole months
  std::optional<std::string> sex;     // f, m, female, male (any case)
  bool pregnant = false;
  bool lactating = false;
};

inline constexpr double kMaxAgeYears = 120.0;

Profile parse_profile(const ProfileInput& in);

// "f", "m", "female", "male", any case.
Sex parse_sex(const std::string& s);

// A whole count from 1 to 100000, such as --top 5.
std::size_t parse_count(const std::string& option, const std::string& s);

// A positive decimal amount up to 1,000,000 (mg, servings); `what` names it,
// `example` is the hint's example.
double parse_amount(const std::string& what, const std::string& s, const char* example = "500");

// A year from 1800 to 2100.
int parse_year(const std::string& option, const std::string& s);

// "a, b or c" for a few names, "one of a, b, c, ..." for more.
std::string choices(const std::vector<std::string>& names);

// The value of E named `value`, any case: "--design must be one of rct, ...".
template <class E>
E parse_choice(const std::string& option, const std::string& value) {
  if (const auto e = enum_from<E>(text::to_lower(value))) return *e;
  throw UsageError(
      option + " must be " + choices(enum_names<E>()) + ", got '" + text::sanitize(value) + "'",
      "for example " + option + " " + std::string(EnumNames<E>::names[0]));
}
template <class E>
std::optional<E> parse_choice(const std::string& option, const std::optional<std::string>& value) {
  if (!value) return std::nullopt;
  return parse_choice<E>(option, *value);
}

// Help text wrapped to the description column of `--help` (CLI11 indents
// the lines after the first, but does not wrap).
std::string help_text(const std::string& s);

// A paragraph of a command's help footer, wrapped to 78 columns.
std::string paragraph(const std::string& s);

// The values of E for an option's help: "a, b or c", wrapped.
template <class E>
std::string help_choices(const std::string& after = {}) {
  return help_text(text::join_or(enum_names<E>()) + after);
}

// A table by its name or a record's ("studies" or "study"), any case.
Table parse_table(const std::string& option, const std::string& s);

// --format (and --json): table, json, csv, md (or markdown), for `cite`
// (`citations`) bibtex (or bib) and ris, and for the commands that plot
// (`plots`) svg.
Format parse_format(const std::optional<std::string>& format, bool json, bool citations,
                    bool plots = false);

// Text to look for (search TEXT, foods --search): at most kMaxSearchText
// characters, one cap for every command (UX21).
constexpr std::size_t kMaxSearchText = 200;
std::string parse_search_text(const std::string& what, const std::string& s);
// The --format names parse_format takes, in order (with `citations`,
// bibtex and ris too; with `plots`, svg); the aliases markdown and bib left
// out.
std::vector<std::string> format_names(bool citations, bool plots = false);

// `search`'s words (all of them, 200 characters at most), --table and
// --limit (1 to 50).
SearchQuery parse_search(const std::string& text, const std::optional<std::string>& table,
                         const std::optional<std::string>& limit);

// A study's form filter (`trials`, `meta` --form): a form by id, name or
// alias, or "mixed" for trials of several forms; nullopt when not given.
std::optional<std::string> parse_study_form(const Dataset& ds, const std::optional<std::string>& s);

// "almonds:2" (servings default 1) and "citrate:500" (compound mg).
// "almonds", "almonds:2", "spinach:1/2", "almonds:30g" (grams).
FoodServing parse_food(const std::string& spec);
// "citrate:500", "citrate:500mg" (the compound's weight), or
// "citrate:200mg-elemental" (elemental magnesium, as a label states it).
SupplementDose parse_supplement(const std::string& spec);

// Calls `f()`; a ValueError from the core, about a value this option gave,
// becomes one that names the option.
template <class F>
decltype(auto) for_option(const std::string& option, F&& f) {
  try {
    return f();
  } catch (const ValueError& e) {
    throw UsageError(option + " " + e.what(),
                     e.example().empty() ? e.hint() : "for example " + option + " " + e.example());
  }
}

}  // namespace mgcramp::cli
