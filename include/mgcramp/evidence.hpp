#pragma once
// Studies as evidence: the queries behind `mgcramp trials`.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "mgcramp/model.hpp"

namespace mgcramp {

struct TrialQuery {
  std::optional<std::string> population;  // idiopathic | pregnancy | exercise | other
  std::optional<std::string> form;        // a form id, name or alias
  std::optional<std::string> design;      // a design, or "all"; default: randomized trials
  std::optional<std::string> result;      // benefit | no-benefit | mixed | inconclusive
  std::optional<int> since;               // first year included
  std::optional<long long> min_n;         // minimum participants
  bool sort_by_n = false;                 // largest first; default oldest first
  bool all = false;                       // include studies of other interventions
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

struct TrialSummary {
  std::size_t studies = 0;
  long long participants = 0;
  std::size_t benefit = 0, no_benefit = 0, mixed = 0, inconclusive = 0, unrated = 0;
};
TrialSummary summarize(const std::vector<const Study*>& studies);

// The allowed claim topics and verdict ratings (schema enums).
std::vector<std::string> claim_topics();
std::vector<std::string> claim_ratings();

// A one-line text forest plot of an effect on its own scale, `width` columns:
// "[" and "]" the confidence interval, "o" the estimate, "|" no effect.
std::string forest_line(const Effect& e, std::size_t width);

}  // namespace mgcramp
