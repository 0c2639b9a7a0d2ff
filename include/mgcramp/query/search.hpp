#pragma once
// Ranked text search across every table: the query behind `mgcramp search`.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "mgcramp/query/records.hpp"

namespace mgcramp {

struct SearchQuery {
  std::string text;
  std::optional<Table> table;
  std::size_t limit = 20;
};

struct SearchHit {
  RecordRef record;
  double score = 0;
  std::string field;    // the field that matched best
  std::string snippet;  // the matched text in context, "..." where cut
};

struct SearchResult {
  std::vector<SearchHit> hits;  // best first, at most `limit`
  std::size_t total = 0;        // matches before the limit
};

// Every word of the query must occur (any case) in some field of a record.
// Matches in ids, names and titles rank above matches in long text; matches
// at the start of a word above matches inside one; the whole phrase above
// scattered words. Ties keep dataset order.
SearchResult search(const Dataset& ds, const SearchQuery& q);

// The words of `text`, lowercase (what search looks for).
std::vector<std::string> search_words(std::string_view text);

}  // namespace mgcramp
