#pragma once
// Studies as evidence: the queries behind `mgcramp trials`.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "mgcramp/model/records.hpp"

namespace mgcramp {

// Oldest first, or largest first.
enum class TrialOrder : std::uint8_t { year, n };
MGCRAMP_ENUM_NAMES(TrialOrder, "order", TrialOrder::n, "year", "n");

struct TrialQuery {
  std::optional<Population> population;
  std::optional<std::string> form;  // a form id, or "mixed"
  std::optional<Design> design;     // default: randomized trials
  bool all_designs = false;         // every design
  std::optional<Conclusion> result;
  std::optional<int> since;        // first year included
  std::optional<long long> min_n;  // minimum participants
  TrialOrder sort = TrialOrder::year;
  bool all = false;  // include studies of other interventions
};

// Studies matching the query. By default only randomized trials (parallel,
// crossover, n-of-1) of magnesium; `design` picks another design and `all`
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

}  // namespace mgcramp
