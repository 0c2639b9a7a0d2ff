#include "mgcramp/query/claims.hpp"

#include <algorithm>

#include "mgcramp/error.hpp"
#include "mgcramp/text.hpp"

namespace mgcramp {

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
    if (article && std::none_of(c.stances.begin(), c.stances.end(),
                                [&](const Stance& s) { return s.source == *article; })) {
      continue;
    }
    out.push_back(&c);
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

}  // namespace mgcramp
