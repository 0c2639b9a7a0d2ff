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
  // No record held every word: the hits hold some of them, most first.
  bool partial = false;
  std::vector<std::string> words;    // the words looked for (stop-words left out)
  std::vector<std::string> dropped;  // the stop-words left out
};

// Every word of the query must occur (any case) in some field of a record;
// common words ("does", "the", "for") are left out while others remain.
// Where no record holds every word, the records holding the most of them
// are given instead (`partial`). Matches in ids, names and titles rank above
// matches in long text; whole words above the start of a word, above a
// match inside one; the whole phrase above scattered words. Fields that
// only refer to other records (a claim's evidence ids) are not searched:
// `show ID` lists what refers to a record. The cues (the patterns `check`
// reads articles with) are searched only when `table` names them. Ties keep
// dataset order.
SearchResult search(const Dataset& ds, const SearchQuery& q);

// The words of `text`, lowercase (what search looks for).
std::vector<std::string> search_words(std::string_view text);

}  // namespace mgcramp
