#pragma once
// Studies as evidence: the queries behind `mgcramp trials`.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "mgcramp/model/records.hpp"
#include "mgcramp/query/evidence.hpp"

namespace mgcramp {

// Oldest first, or largest first.
enum class TrialOrder : std::uint8_t { year, n };
MGCRAMP_ENUM_NAMES(TrialOrder, "order", TrialOrder::n, "year", "n");

// Groups of designs a query may ask for besides one design.
enum class DesignSet : std::uint8_t { trials, reviews, all };
MGCRAMP_ENUM_NAMES(DesignSet, "design group", DesignSet::all, "trials", "reviews", "all");

struct TrialQuery {
  std::optional<Population> population;
  std::optional<std::string> form;  // a form id, or "mixed"
  std::optional<Design> design;     // one design; else `designs`
  // trials: randomized trials (parallel, crossover, n-of-1); reviews:
  // systematic reviews and meta-analyses; all: every design.
  DesignSet designs = DesignSet::trials;
  std::optional<InterventionKind> intervention;  // default magnesium
  std::optional<Conclusion> result;
  std::optional<int> since;        // first year included
  std::optional<long long> min_n;  // minimum participants
  TrialOrder sort = TrialOrder::year;
  bool all = false;  // include studies of every intervention
  // The forest plot's outcome; default the measure most studies report.
  std::optional<OutcomeMeasure> outcome;
};

// Studies matching the query. By default only randomized trials of
// magnesium; `design` or `designs` picks others, `intervention` another
// treatment and `all` every treatment.
std::vector<const Study*> find_trials(const Dataset& ds, const TrialQuery& q);

// Counts of what primary human studies found. Reviews are never votes, and
// animal or in-vitro studies never count with human trials.
struct Tally {
  std::size_t studies = 0;
  long long participants = 0;
  std::size_t benefit = 0, no_benefit = 0, mixed = 0, inconclusive = 0, unrated = 0;
};
struct TrialSummary {
  std::size_t studies = 0;
  Tally magnesium;         // primary human studies of magnesium
  Tally other_treatments;  // of stretching, quinine, ... and of no treatment
  std::size_t reviews = 0;
  long long largest_pool = 0;  // the most participants one review pooled
  std::size_t not_human = 0;   // animal and in-vitro studies
};
TrialSummary summarize(const std::vector<const Study*>& studies);

// The measure most of `studies` report an effect for (ties: the first in
// the documented order), or nullopt.
std::optional<OutcomeMeasure> common_measure(const std::vector<const Study*>& studies);

}  // namespace mgcramp
