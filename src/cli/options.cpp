#include "options.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "cli.hpp"

namespace mgcramp::cli {
namespace {

// Digits with an optional decimal part ("25", "13.99"); nothing else: no
// sign, exponent, "nan" or "inf". Nullopt when malformed.
std::optional<double> parse_decimal(const std::string& s, bool allow_fraction) {
  bool digits = false;
  bool dot = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      digits = true;
    } else if (c == '.' && allow_fraction && !dot) {
      dot = true;
    } else {
      return std::nullopt;
    }
  }
  if (!digits || s.size() > 32) return std::nullopt;
  return std::strtod(s.c_str(), nullptr);
}

bool is_negative_number(const std::string& s) {
  return s.size() > 1 && s[0] == '-' && parse_decimal(s.substr(1), true).has_value();
}

}  // namespace

Sex parse_sex(const std::string& s) {
  const std::string v = text::to_lower(s);
  if (v == "f" || v == "female") return Sex::female;
  if (v == "m" || v == "male") return Sex::male;
  throw UsageError(fmt::format("--sex must be f or m, got '{}'", text::sanitize(s)),
                   "use --sex f (female) or --sex m (male)");
}

Profile parse_profile(const ProfileInput& in) {
  Profile p;
  if (in.age && in.months) {
    throw UsageError("--age and --months cannot be used together",
                     "give the age either in years (--age) or in months (--months)");
  }
  if (in.age) {
    const auto v = parse_decimal(*in.age, true);
    if (!v) {
      if (is_negative_number(*in.age)) {
        throw UsageError(fmt::format("--age must be from 0 to {:g} years, got {}", kMaxAgeYears,
                                     text::sanitize(*in.age)),
                         "ages are counted in years since birth");
      }
      throw UsageError(
          fmt::format("--age must be a number of years, got '{}'", text::sanitize(*in.age)),
          "for example --age 25 or --age 13.5; for infants use --months");
    }
    if (*v > kMaxAgeYears) {
      throw UsageError(
          fmt::format("--age must be from 0 to {:g} years, got {}", kMaxAgeYears, *in.age),
          "ages are counted in years since birth");
    }
    p.age_months = *v * 12.0;
  }
  if (in.months) {
    const auto v = parse_decimal(*in.months, false);
    if (!v) {
      throw UsageError(fmt::format("--months must be a whole number of months, got '{}'",
                                   text::sanitize(*in.months)),
                       "for example --months 6");
    }
    if (*v > kMaxAgeYears * 12.0) {
      throw UsageError(
          fmt::format("--months must be from 0 to {:g}, got {}", kMaxAgeYears * 12.0, *in.months),
          "for older people use --age in years");
    }
    p.age_months = *v;
  }
  if (in.sex) p.sex = parse_sex(*in.sex);
  if (in.pregnant && in.lactating) {
    throw UsageError("--pregnant and --lactating cannot be used together",
                     "choose the one that applies now");
  }
  if (in.pregnant || in.lactating) {
    const char* flag = in.pregnant ? "--pregnant" : "--lactating";
    if (p.sex == Sex::male) {
      throw UsageError(fmt::format("{} cannot be combined with --sex m", flag),
                       "drop --sex or use --sex f");
    }
    p.sex = Sex::female;
    p.condition = in.pregnant ? Condition::pregnant : Condition::lactating;
  }
  return p;
}

std::size_t parse_count(const std::string& option, const std::string& s) {
  const auto v = parse_decimal(s, true);
  if (!v || std::floor(*v) != *v || *v < 1 || *v > 100000) {
    throw UsageError(
        fmt::format("{} must be a whole number from 1, got '{}'", option, text::sanitize(s)),
        fmt::format("for example {} 5", option));
  }
  return static_cast<std::size_t>(*v);
}

double parse_amount(const std::string& what, const std::string& s, const char* example) {
  const auto v = parse_decimal(s, true);
  if (v && *v > 1e6) {
    throw UsageError(fmt::format("{} must be at most 1000000, got '{}'", what, text::sanitize(s)),
                     fmt::format("for example {}", example));
  }
  if (!v || *v <= 0) {
    throw UsageError(fmt::format("{} must be a positive number, got '{}'", what, text::sanitize(s)),
                     fmt::format("for example {}", example));
  }
  return *v;
}

int parse_year(const std::string& option, const std::string& s) {
  const auto v = parse_decimal(s, false);
  if (!v || s.size() > 4 || *v < 1800 || *v > 2100) {
    throw UsageError(
        fmt::format("{} must be a year from 1800 to 2100, got '{}'", option, text::sanitize(s)),
        fmt::format("for example {} 2010", option));
  }
  return static_cast<int>(*v);
}

std::string help_text(const std::string& s) {
  // 80 columns less the option column (2 + 22) and a margin.
  std::string out;
  for (const auto& line : text::wrap(s, 54)) out += (out.empty() ? "" : "\n") + line;
  return out;
}

std::string paragraph(const std::string& s) {
  std::string out;
  for (const auto& line : text::wrap(s, 78)) out += (out.empty() ? "" : "\n") + line;
  return out;
}

std::string choices(const std::vector<std::string>& names) {
  return names.size() <= 3 ? text::join_or(names) : "one of " + text::join_comma(names);
}

Table parse_table(const std::string& option, const std::string& s) {
  const std::string v = text::to_lower(s);
  std::vector<std::string> names;
  for (std::size_t i = 0; i < enum_count<Table>(); ++i) {
    const Table t = static_cast<Table>(i);
    if (v == name_of(t) || v == table_singular(t)) return t;
    names.emplace_back(name_of(t));
  }
  const std::string near = text::closest(v, names);
  throw UsageError(fmt::format("{} must be one of {}, got '{}'", option, text::join_comma(names),
                               text::sanitize(s)),
                   near.empty() ? fmt::format("for example {} studies", option)
                                : fmt::format("did you mean '{} {}'?", option, near));
}

namespace {

// Whether a command takes --format `f`: bibtex and ris where it cites, svg
// where it plots, the others everywhere.
bool format_taken(Format f, bool citations, bool plots) {
  if (f == Format::bibtex || f == Format::ris) return citations;
  if (f == Format::svg) return plots;
  return true;
}

}  // namespace

Format parse_format(const std::optional<std::string>& format, bool json, bool citations,
                    bool plots) {
  const std::string v = format ? text::to_lower(*format) : std::string();
  std::optional<Format> f;
  if (format) {
    f = enum_from<Format>(v == "markdown" ? "md" : v == "bib" ? "bibtex" : v);
    if (f == Format::svg && !plots) {
      // A known format this command cannot give: which ones can.
      std::string plotting;
      const Command* example = nullptr;
      std::size_t left = 0;
      for (const Command& c : commands()) left += c.plot_example != nullptr ? 1 : 0;
      for (const Command& c : commands()) {
        if (c.plot_example == nullptr) continue;
        --left;
        plotting += c.name;
        plotting += left > 1 ? ", " : left == 1 ? " and " : "";
        if (example == nullptr || std::string_view(c.name) == "trials") example = &c;
      }
      throw UsageError(
          fmt::format("--format svg draws a plot: only {} draw one, with --plot", plotting),
          example != nullptr ? fmt::format("for example {}", example->plot_example)
                             : std::string());
    }
    if (f && !format_taken(*f, citations, plots)) f.reset();
    if (!f) {
      throw UsageError(
          fmt::format("--format must be {}, got '{}'",
                      text::join_or(format_names(citations, plots)), text::sanitize(*format)),
          citations ? "for example --format bibtex" : "for example --format csv, or --json");
    }
  }
  if (json) {
    if (f && *f != Format::json) {
      throw UsageError(fmt::format("--json conflicts with --format {}", text::sanitize(*format)),
                       "use one of them");
    }
    return Format::json;
  }
  return f.value_or(Format::table);
}

std::vector<std::string> format_names(bool citations, bool plots) {
  std::vector<std::string> names;
  for (const std::string& n : enum_names<Format>()) {
    if (format_taken(*enum_from<Format>(n), citations, plots)) names.push_back(n);
  }
  return names;
}

namespace {

// `s` without `suffix` (any case, after optional spaces) if it ends so.
bool strip_suffix(std::string& s, std::string_view suffix) {
  if (s.size() < suffix.size() ||
      text::to_lower(s.substr(s.size() - suffix.size())) != std::string(suffix))
    return false;
  s.erase(s.size() - suffix.size());
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return true;
}

}  // namespace

FoodServing parse_food(const std::string& spec) {
  const auto colon = spec.rfind(':');
  FoodServing f{spec.substr(0, colon), 1.0, std::nullopt};
  if (colon == std::string::npos) return f;
  const std::string what = fmt::format("servings in --food '{}'", text::sanitize(spec));
  std::string amount(text::trim(spec.substr(colon + 1)));
  if (strip_suffix(amount, "g")) {
    // Grams of the food: "almonds:30g".
    f.grams = parse_amount(fmt::format("grams in --food '{}'", text::sanitize(spec)), amount,
                           "almonds:30g");
    return f;
  }
  // A fraction of a serving: "spinach:1/2".
  if (const auto slash = amount.find('/'); slash != std::string::npos) {
    const double num = parse_amount(what, amount.substr(0, slash), "2, 0.5 or 1/2");
    const double den = parse_amount(what, amount.substr(slash + 1), "2, 0.5 or 1/2");
    f.servings = num / den;
    return f;
  }
  f.servings = parse_amount(what, amount, "2, 0.5 or 1/2 servings, or 30g");
  return f;
}

SupplementDose parse_supplement(const std::string& spec) {
  const auto colon = spec.rfind(':');
  if (colon == std::string::npos) {
    const bool number = !spec.empty() && parse_decimal(spec, true).has_value();
    throw UsageError(
        fmt::format("--supplement '{}' needs {}", text::sanitize(spec),
                    number ? "a form" : "an amount"),
        "write FORM:MG, the compound weight in mg, e.g. citrate:500 (citrate:200mg-elemental "
        "for a label's elemental magnesium)");
  }
  SupplementDose d{spec.substr(0, colon), 0, std::nullopt};
  std::string amount(text::trim(spec.substr(colon + 1)));
  // "200mg-elemental" (or "200 elemental"): the label's elemental magnesium,
  // never the default meaning of FORM:MG, which is the compound's weight.
  const bool elemental = strip_suffix(amount, "-elemental") || strip_suffix(amount, "elemental");
  strip_suffix(amount, "mg");
  const double mg = parse_amount(fmt::format("mg in --supplement '{}'", text::sanitize(spec)),
                                 amount, "citrate:500 or citrate:200mg-elemental");
  if (elemental) {
    d.elemental_mg = mg;
  } else {
    d.compound_mg = mg;
  }
  return d;
}

std::string parse_search_text(const std::string& what, const std::string& s) {
  if (s.size() > kMaxSearchText) {
    throw UsageError(fmt::format("{} is longer than {} characters", what, kMaxSearchText),
                     "a few words find more than a sentence");
  }
  return s;
}

SearchQuery parse_search(const std::string& text, const std::optional<std::string>& table,
                         const std::optional<std::string>& limit) {
  SearchQuery q;
  q.text = text;
  if (search_words(text).empty()) {
    throw UsageError("search needs some text to look for", "for example 'mgcramp search oxide'");
  }
  parse_search_text("search text", text);
  if (table) q.table = parse_table("--table", *table);
  if (limit) {
    // Search finds a record to show; past the best fifty, refine the words
    // or list a whole table (claims, trials --design all --all, ...).
    constexpr std::size_t kMaxLimit = 50;
    const auto& l = *limit;
    const bool digits = !l.empty() && l.size() <= 6 && std::all_of(l.begin(), l.end(), [](char c) {
      return c >= '0' && c <= '9';
    });
    const std::size_t n = digits ? std::stoul(l) : 0;
    if (n == 0 || n > kMaxLimit) {
      throw UsageError(fmt::format("--limit must be a whole number from 1 to {}, got '{}'",
                                   kMaxLimit, text::sanitize(l)),
                       "add words or --table to narrow the search");
    }
    q.limit = n;
  }
  return q;
}

std::optional<std::string> parse_study_form(const Dataset& ds,
                                            const std::optional<std::string>& s) {
  if (!s) return std::nullopt;
  if (text::to_lower(*s) == "mixed") return std::string("mixed");
  return resolve_form(ds, *s).id;
}

}  // namespace mgcramp::cli
