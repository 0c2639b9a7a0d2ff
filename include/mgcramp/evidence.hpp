#pragma once
// Studies as evidence: the queries behind `mgcramp trials`.
#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "mgcramp/error.hpp"
#include "mgcramp/model.hpp"
#include "mgcramp/text.hpp"

namespace mgcramp {

struct TrialQuery {
  std::optional<Population> population;
  std::optional<std::string> form;  // a form id, or "mixed"
  std::optional<Design> design;     // default: randomized trials
  bool all_designs = false;         // every design
  std::optional<Conclusion> result;
  std::optional<int> since;        // first year included
  std::optional<long long> min_n;  // minimum participants
  bool sort_by_n = false;          // largest first; default oldest first
  bool all = false;                // include studies of other interventions
};

// Parses the textual options into a query; throws UsageError naming the bad one.
TrialQuery make_trial_query(const Dataset& ds, const std::optional<std::string>& population,
                            const std::optional<std::string>& form,
                            const std::optional<std::string>& design,
                            const std::optional<std::string>& result,
                            const std::optional<std::string>& since,
                            const std::optional<std::string>& min_n, const std::string& sort,
                            bool all);

// Studies matching the query. By default only randomized trials (parallel,
// crossover, n-of-1) of magnesium; --design picks other designs and --all
// adds trials of other interventions (stretching, quinine...).
std::vector<const Study*> find_trials(const Dataset& ds, const TrialQuery& q);

// Participants: analysed where known, else randomized, else 0.
long long participants(const Study& s);

// Participants count only in primary studies: a review pools trials that
// may be listed too, and a study without human participants counts none.
struct TrialSummary {
  std::size_t studies = 0;
  std::size_t reviews = 0;     // systematic reviews, meta-analyses, guidelines, reviews
  long long participants = 0;  // in the other studies
  std::size_t benefit = 0, no_benefit = 0, mixed = 0, inconclusive = 0, unrated = 0;
};
TrialSummary summarize(const std::vector<const Study*>& studies);

// Claims filtered by topic, article (source id) and verdict rating; each
// filter is checked against the values the dataset uses.
std::vector<const Claim*> find_claims(const Dataset& ds, const std::optional<std::string>& topic,
                                      const std::optional<std::string>& source,
                                      const std::optional<std::string>& rating);

// How an article's claims fare against the evidence.
struct Scorecard {
  std::size_t claims = 0;        // claims it takes a stance on
  std::size_t backed = 0;        // its stance agrees with the verdict
  std::size_t contradicted = 0;  // its stance is at odds with the verdict
  std::size_t unsettled = 0;     // mixed stance, or a mixed/insufficient verdict
};
Scorecard scorecard(const Dataset& ds, const std::string& source_id);

// The value of enumeration E named `value` (any case); anything else is a
// UsageError naming `option` and listing every name.
template <class E>
E parse_choice(const std::string& option, const std::string& value);

// Records of a table whose `category` (or other field read by `key`) is the
// value of E named `value` (any case); all of them when no value is given.
template <class T, class E, class Key>
std::vector<const T*> filter_by(const std::vector<T>& items,
                                const std::optional<std::string>& value, const std::string& option,
                                Key key);

// Whether an effect is a ratio (no effect at 1, positive interval), drawn
// on a log scale.
bool ratio_scale(const Effect& e);

// A one-line text forest plot of an effect on its own scale, `width` columns:
// "[" and "]" the confidence interval, "o" the estimate, "|" no effect.
std::string forest_line(const Effect& e, std::size_t width);

}  // namespace mgcramp

namespace mgcramp {
template <class E>
E parse_choice(const std::string& option, const std::string& value) {
  if (const auto e = enum_from<E>(text::to_lower(value))) return *e;
  throw UsageError(option + " must be one of " + text::join_comma(enum_names<E>()) + ", got '" +
                       text::sanitize(value) + "'",
                   "for example " + option + " " + std::string(EnumNames<E>::names[0]));
}

template <class T, class E, class Key>
std::vector<const T*> filter_by(const std::vector<T>& items,
                                const std::optional<std::string>& value, const std::string& option,
                                Key key) {
  std::vector<const T*> out;
  const std::optional<E> want =
      value ? std::optional<E>(parse_choice<E>(option, *value)) : std::nullopt;
  for (const T& it : items) {
    if (!want || key(it) == *want) out.push_back(&it);
  }
  return out;
}
}  // namespace mgcramp
