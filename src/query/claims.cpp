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

std::string resolve_article(const Dataset& ds, const std::string& text) {
  const std::string want = text::to_lower(text::trim(text));
  std::vector<std::string> articles;
  const Source* by_publisher = nullptr;
  int publishers = 0;
  for (const Source& s : ds.sources) {
    if (s.kind != SourceKind::article) continue;
    articles.push_back(s.id);
    if (s.id == want || s.id == "art-" + want) return s.id;
    if (!want.empty() && s.publisher) {
      const std::string p = text::to_lower(*s.publisher);
      // The publisher's name, or a whole word of it.
      bool word = p == want;
      for (std::size_t at = p.find(want); !word && at != std::string::npos;
           at = p.find(want, at + 1)) {
        const std::size_t end = at + want.size();
        word = (at == 0 || !std::isalnum(static_cast<unsigned char>(p[at - 1]))) &&
               (end == p.size() || !std::isalnum(static_cast<unsigned char>(p[end])));
      }
      if (word && by_publisher != &s) {
        by_publisher = &s;
        ++publishers;
      }
    }
  }
  if (publishers == 1) return by_publisher->id;
  throw ValueError("one of " + text::join_comma(articles) + " (or a publisher's name)",
                   text::sanitize(text), articles.empty() ? "" : articles.front());
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
    auto keeps = [](const auto& values, auto v) {
      return values.empty() || std::find(values.begin(), values.end(), v) != values.end();
    };
    if (!keeps(q.topics, c.topic)) continue;
    if (!keeps(q.ratings, c.verdict.rating)) continue;
    if (article) {
      const Stance* s = stance_of(c, *article);
      if (s == nullptr) continue;
      if (!keeps(q.standings, standing_of(s->stance, c.verdict.rating))) continue;
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
