#include "mgcramp/evidence.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "mgcramp/error.hpp"
#include "mgcramp/nutrition.hpp"
#include "mgcramp/text.hpp"

namespace mgcramp {
namespace {

std::string one_of(const std::string& option, const std::string& value,
                   const std::vector<std::string>& allowed, bool allow_all = false) {
  const std::string v = text::to_lower(value);
  if (std::find(allowed.begin(), allowed.end(), v) != allowed.end()) return v;
  if (allow_all && v == "all") return v;
  throw UsageError(fmt::format("{} must be one of {}{}, got '{}'", option, fmt::join(allowed, ", "),
                               allow_all ? ", all" : "", text::sanitize(value)),
                   fmt::format("for example {} {}", option, allowed.front()));
}

}  // namespace

TrialQuery make_trial_query(const Dataset& ds, const std::optional<std::string>& population,
                            const std::optional<std::string>& form,
                            const std::optional<std::string>& design,
                            const std::optional<std::string>& result,
                            const std::optional<std::string>& since,
                            const std::optional<std::string>& min_n, const std::string& sort,
                            bool all) {
  TrialQuery q;
  if (population) q.population = parse_choice<Population>("--population", *population);
  if (form) {
    q.form = text::to_lower(*form) == "mixed" ? std::string("mixed") : resolve_form(ds, *form).id;
  }
  if (design) {
    const std::string d = one_of("--design", *design, enum_names<Design>(), true);
    q.all_designs = d == "all";
    if (!q.all_designs) q.design = enum_from<Design>(d);
  }
  if (result) q.result = parse_choice<Conclusion>("--result", *result);
  if (since) {
    const bool digits =
        !since->empty() && since->size() <= 4 &&
        std::all_of(since->begin(), since->end(), [](char c) { return c >= '0' && c <= '9'; });
    const int y = digits ? std::stoi(*since) : 0;
    if (y < 1800 || y > 2100) {
      throw UsageError(
          fmt::format("--since must be a year from 1800 to 2100, got '{}'", text::sanitize(*since)),
          "for example --since 2010");
    }
    q.since = y;
  }
  if (min_n) q.min_n = static_cast<long long>(parse_count("--min-n", *min_n));
  const std::string s = text::to_lower(sort);
  if (s != "year" && s != "n") {
    throw UsageError(fmt::format("--sort must be year or n, got '{}'", text::sanitize(sort)),
                     "for example --sort n");
  }
  q.sort_by_n = s == "n";
  q.all = all;
  return q;
}

std::vector<const Claim*> find_claims(const Dataset& ds, const std::optional<std::string>& topic,
                                      const std::optional<std::string>& source,
                                      const std::optional<std::string>& rating) {
  auto by_topic = filter_by<Claim, ClaimTopic>(ds.claims, topic, "--topic",
                                               [](const Claim& c) { return c.topic; });
  const std::optional<Rating> want_rating =
      rating ? std::optional<Rating>(parse_choice<Rating>("--rating", *rating)) : std::nullopt;
  if (source) {
    std::vector<std::string> articles;
    for (const Source& s : ds.sources) {
      if (s.kind == SourceKind::article) articles.push_back(s.id);
    }
    one_of("--source", *source, articles);
  }
  std::vector<const Claim*> out;
  for (const Claim* c : by_topic) {
    if (want_rating && c->verdict.rating != *want_rating) continue;
    if (source && std::none_of(c->stances.begin(), c->stances.end(), [&](const Stance& s) {
          return s.source == text::to_lower(*source);
        })) {
      continue;
    }
    out.push_back(c);
  }
  return out;
}

Scorecard scorecard(const Dataset& ds, const std::string& source_id) {
  Scorecard sc;
  for (const Claim& c : ds.claims) {
    for (const Stance& s : c.stances) {
      if (s.source != source_id) continue;
      ++sc.claims;
      const Rating r = c.verdict.rating;
      const bool holds = r == Rating::supported || r == Rating::partly_supported;
      const bool fails = r == Rating::not_supported || r == Rating::contradicted;
      if (s.stance == StanceKind::mixed || (!holds && !fails)) {
        ++sc.unsettled;
      } else if ((s.stance == StanceKind::supports) == holds) {
        ++sc.backed;
      } else {
        ++sc.contradicted;
      }
    }
  }
  return sc;
}

long long participants(const Study& s) {
  if (s.n_analysed) return *s.n_analysed;
  if (s.n_randomized) return *s.n_randomized;
  return 0;
}

std::vector<const Study*> find_trials(const Dataset& ds, const TrialQuery& q) {
  std::vector<const Study*> out;
  for (const Study& s : ds.studies) {
    if (q.design) {
      if (s.design != *q.design) continue;
    } else if (!q.all_designs && !is_trial(s.design)) {
      continue;
    }
    if (!q.all && !s.intervention.form) continue;
    if (q.population && s.population != *q.population) continue;
    if (q.form && s.intervention.form != q.form) continue;
    if (q.result && s.conclusion != q.result) continue;
    if (q.since && s.year < *q.since) continue;
    if (q.min_n && participants(s) < *q.min_n) continue;
    out.push_back(&s);
  }
  std::stable_sort(out.begin(), out.end(), [&](const Study* a, const Study* b) {
    if (q.sort_by_n) return participants(*a) > participants(*b);
    return a->year < b->year;
  });
  return out;
}

TrialSummary summarize(const std::vector<const Study*>& studies) {
  TrialSummary t;
  for (const Study* s : studies) {
    ++t.studies;
    if (is_review(s->design)) {
      ++t.reviews;
    } else {
      t.participants += participants(*s);
    }
    if (!s->conclusion) {
      ++t.unrated;
      continue;
    }
    switch (*s->conclusion) {
      case Conclusion::benefit: ++t.benefit; break;
      case Conclusion::no_benefit: ++t.no_benefit; break;
      case Conclusion::mixed: ++t.mixed; break;
      case Conclusion::inconclusive: ++t.inconclusive; break;
    }
  }
  return t;
}

bool ratio_scale(const Effect& e) {
  return e.null_value == 1 && e.ci_low > 0;
}

std::string forest_line(const Effect& e, std::size_t width) {
  if (width < 5) width = 5;
  // Ratios are drawn on a log scale, where 0.5 and 2 lie equally far from 1.
  auto scale = [log = ratio_scale(e)](double v) { return log ? std::log(v) : v; };
  const double estimate = scale(e.value), low = scale(e.ci_low), high = scale(e.ci_high),
               none = scale(e.null_value);
  double lo = std::min({low, none, estimate});
  double hi = std::max({high, none, estimate});
  if (hi - lo < 1e-12) hi = lo + 1;
  const double pad = (hi - lo) * 0.05;
  lo -= pad;
  hi += pad;
  auto at = [&](double v) {
    const double f = (v - lo) / (hi - lo) * static_cast<double>(width - 1);
    return static_cast<std::size_t>(std::clamp(std::lround(f), 0L, static_cast<long>(width - 1)));
  };
  std::string line(width, ' ');
  const std::size_t a = at(low);
  const std::size_t b = at(high);
  for (std::size_t i = a; i <= b; ++i) line[i] = '-';
  line[at(none)] = '|';
  line[a] = '[';
  line[b] = ']';
  line[at(estimate)] = 'o';
  return line;
}

}  // namespace mgcramp
