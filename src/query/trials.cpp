#include "mgcramp/query/trials.hpp"

#include <algorithm>
#include <array>

namespace mgcramp {
namespace {

bool design_matches(const TrialQuery& q, Design d) {
  if (q.design) return d == *q.design;
  switch (q.designs) {
    case DesignSet::trials: return is_trial(d);
    case DesignSet::reviews: return d == Design::systematic_review || d == Design::meta_analysis;
    case DesignSet::all: return true;
  }
  return false;
}

void count(Tally& t, const Study& s) {
  ++t.studies;
  t.participants += participants(s);
  if (!s.conclusion) {
    ++t.unrated;
    return;
  }
  switch (*s.conclusion) {
    case Conclusion::benefit: ++t.benefit; break;
    case Conclusion::no_benefit: ++t.no_benefit; break;
    case Conclusion::mixed: ++t.mixed; break;
    case Conclusion::inconclusive: ++t.inconclusive; break;
  }
}

}  // namespace

std::vector<const Study*> find_trials(const Dataset& ds, const TrialQuery& q) {
  const InterventionKind kind = q.intervention.value_or(InterventionKind::magnesium);
  std::vector<const Study*> out;
  for (const Study& s : ds.studies) {
    if (!design_matches(q, s.design)) continue;
    if (!q.all && s.intervention.kind != kind) continue;
    if (q.population &&
        std::find(s.populations.begin(), s.populations.end(), *q.population) == s.populations.end())
      continue;
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
    if (s->subjects != Subjects::human) {
      ++t.not_human;
    } else if (is_review(s->design)) {
      ++t.reviews;
      t.largest_pool = std::max(t.largest_pool, participants(*s));
    } else {
      count(s->intervention.kind == InterventionKind::magnesium ? t.magnesium : t.other_treatments,
            *s);
    }
  }
  return t;
}

std::optional<OutcomeMeasure> common_measure(const std::vector<const Study*>& studies) {
  std::array<std::size_t, enum_count<OutcomeMeasure>()> n{};
  for (const Study* s : studies) {
    std::array<bool, enum_count<OutcomeMeasure>()> seen{};
    for (const Outcome& o : s->outcomes) {
      const auto i = static_cast<std::size_t>(o.measure);
      if (!seen[i] && effect_of(o)) ++n[i];
      seen[i] = true;
    }
  }
  const auto best = std::max_element(n.begin(), n.end());
  if (*best == 0) return std::nullopt;
  return static_cast<OutcomeMeasure>(best - n.begin());
}

}  // namespace mgcramp
