#include "mgcramp/query/trials.hpp"

#include <algorithm>

namespace mgcramp {

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
    if (q.sort == TrialOrder::n) return participants(*a) > participants(*b);
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

}  // namespace mgcramp
