#include "mgcramp/query/claims.hpp"

#include <algorithm>

#include "mgcramp/error.hpp"
#include "mgcramp/text.hpp"

namespace mgcramp {

static_assert(standing_of(StanceKind::supports, Rating::supported) == Standing::agrees);
static_assert(standing_of(StanceKind::opposes, Rating::contradicted) == Standing::agrees);
static_assert(standing_of(StanceKind::supports, Rating::not_supported) == Standing::at_odds);
static_assert(standing_of(StanceKind::mixed, Rating::supported) == Standing::unsettled);

const Stance* stance_of(const Claim& c, const std::string& source_id) {
  for (const Stance& s : c.stances) {
    if (s.source == source_id) return &s;
  }
  return nullptr;
}

std::vector<const Claim*> find_claims(const Dataset& ds, const ClaimQuery& q) {
  std::optional<std::string> article;
  if (q.source) {
    std::vector<std::string> articles;
    for (const Source& s : ds.sources) {
      if (s.kind == SourceKind::article) articles.push_back(s.id);
    }
    const std::string id = text::to_lower(text::trim(*q.source));
    if (std::find(articles.begin(), articles.end(), id) == articles.end()) {
      throw ValueError("one of " + text::join_comma(articles), text::sanitize(*q.source),
                       articles.empty() ? "" : articles.front());
    }
    article = id;
  }
  std::vector<const Claim*> out;
  for (const Claim& c : ds.claims) {
    if (q.topic && c.topic != *q.topic) continue;
    if (q.rating && c.verdict.rating != *q.rating) continue;
    if (article) {
      const Stance* s = stance_of(c, *article);
      if (s == nullptr) continue;
      if (q.standing && standing_of(s->stance, c.verdict.rating) != *q.standing) continue;
    }
    out.push_back(&c);
  }
  return out;
}

Scorecard scorecard(const Dataset& ds, const std::string& source_id) {
  Scorecard sc;
  for (const Claim& c : ds.claims) {
    const Stance* s = stance_of(c, source_id);
    if (s == nullptr) continue;
    ++sc.claims;
    switch (standing_of(s->stance, c.verdict.rating)) {
      case Standing::agrees: ++sc.agrees; break;
      case Standing::at_odds: ++sc.at_odds; break;
      case Standing::unsettled: ++sc.unsettled; break;
    }
    if (overstates(s->stance, c.verdict.rating)) ++sc.overstates;
  }
  return sc;
}

}  // namespace mgcramp
