#pragma once
// Claims the articles make and how each article fares: the queries behind
// `mgcramp claims` and `mgcramp sources`.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "mgcramp/model/records.hpp"

namespace mgcramp {

struct ClaimQuery {
  std::optional<ClaimTopic> topic;
  std::optional<std::string> source;  // an article id, any case
  std::optional<Rating> rating;
};

// Claims of the topic, made by the article, with the verdict rating asked
// for. An id that is not an article's is a ValueError listing the articles.
std::vector<const Claim*> find_claims(const Dataset& ds, const ClaimQuery& q);

// How an article's claims fare against the evidence.
struct Scorecard {
  std::size_t claims = 0;        // claims it takes a stance on
  std::size_t backed = 0;        // its stance agrees with the verdict
  std::size_t contradicted = 0;  // its stance is at odds with the verdict
  std::size_t unsettled = 0;     // mixed stance, or a mixed/insufficient verdict
};
Scorecard scorecard(const Dataset& ds, const std::string& source_id);

}  // namespace mgcramp
