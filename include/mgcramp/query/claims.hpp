#pragma once
// Claims the articles make and how each article fares: the queries behind
// `mgcramp claims` and `mgcramp sources`.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "mgcramp/model/records.hpp"

namespace mgcramp {

// The standing of a stance against a verdict: the one table, documented in
// data/SCHEMA.md ("Standing") and docs/json.md.
//   agrees:    supports a supported claim, or opposes a not-supported or
//              contradicted one;
//   at-odds:   supports a not-supported or contradicted claim, or opposes a
//              supported one;
//   unsettled: any stance on a partly-supported, mixed or insufficient
//              claim, and a mixed stance on anything.
// Rows are StanceKind, columns Rating, both in their declaration order.
inline constexpr Standing kStandingTable[enum_count<StanceKind>()][enum_count<Rating>()] = {
    // supported, partly-supported, mixed, not-supported, contradicted, insufficient
    /* supports */ {Standing::agrees, Standing::unsettled, Standing::unsettled, Standing::at_odds,
                    Standing::at_odds, Standing::unsettled},
    /* opposes */
    {Standing::at_odds, Standing::unsettled, Standing::unsettled, Standing::agrees,
     Standing::agrees, Standing::unsettled},
    /* mixed */
    {Standing::unsettled, Standing::unsettled, Standing::unsettled, Standing::unsettled,
     Standing::unsettled, Standing::unsettled},
};

constexpr Standing standing_of(StanceKind stance, Rating rating) {
  return kStandingTable[static_cast<std::size_t>(stance)][static_cast<std::size_t>(rating)];
}

// An article overstates a claim when it supports one whose evidence is
// insufficient or mixed.
constexpr bool overstates(StanceKind stance, Rating rating) {
  return stance == StanceKind::supports &&
         (rating == Rating::insufficient || rating == Rating::mixed);
}

// Each list filter keeps a claim that matches any of its values; an empty
// list keeps every claim.
struct ClaimQuery {
  std::vector<ClaimTopic> topics;
  std::optional<std::string> source;  // an article id, any case
  std::vector<Rating> ratings;        // the claim's verdict
  std::vector<Standing> standings;    // the article's standing; needs `source`
};

// The id of the article `text` names: its id (any case), its id without
// "art-", or its publisher's name or a word of it ("healthline", "CLEPON").
// Otherwise a ValueError listing the articles (UX13).
std::string resolve_article(const Dataset& ds, const std::string& text);

// Claims of the topic, made by the article, with the verdict rating asked
// for and on which the article has the standing asked for. An id that is
// not an article's is a ValueError listing the articles.
std::vector<const Claim*> find_claims(const Dataset& ds, const ClaimQuery& q);

// The article's stance on a claim, or nullptr.
const Stance* stance_of(const Claim& c, const std::string& source_id);

// How an article's claims fare against the evidence, by standing.
struct Scorecard {
  std::size_t claims = 0;  // claims it takes a stance on
  std::size_t agrees = 0;  // = agrees + at_odds + unsettled
  std::size_t at_odds = 0;
  std::size_t unsettled = 0;
  std::size_t overstates = 0;  // also counted in unsettled
};
Scorecard scorecard(const Dataset& ds, const std::string& source_id);

}  // namespace mgcramp
