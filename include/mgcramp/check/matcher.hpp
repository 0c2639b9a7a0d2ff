#pragma once
// `mgcramp check`'s reading of an article: which of the dataset's claims
// its sentences make and with what stance, its commercial signals, and the
// health claims about magnesium that match no claim. Driven entirely by the
// dataset: each claim's cue patterns and the `cues` table (data/SCHEMA.md
// "Cue" and "Cue patterns"). Words are compared stemmed (Snowball English).
// Deterministic; linear in the article's length.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mgcramp/check/document.hpp"
#include "mgcramp/model/records.hpp"

namespace mgcramp::check {

// Why `pattern` is not a valid claim cue pattern, or nothing when it is.
// `is_cue(id)` says whether a cue of that id exists (for "@id").
std::optional<std::string> pattern_problem(std::string_view pattern,
                                           bool (*is_cue)(const void* ctx, std::string_view id),
                                           const void* ctx);
// Why `phrase` is not a valid cue phrase, or nothing.
std::optional<std::string> phrase_problem(std::string_view phrase);

struct SentenceStance {
  std::size_t sentence = 0;  // index into Document::sentences
  StanceKind stance = StanceKind::supports;
  bool hedged = false;
};

struct ClaimFound {
  const Claim* claim = nullptr;
  StanceKind stance = StanceKind::supports;  // the article's (article_stance)
  bool hedged = false;                       // every sentence that makes it is hedged
  std::vector<SentenceStance> sentences;     // in the article's order
};

struct Signal {
  CueKind kind = CueKind::promotion;
  std::size_t sentence = 0;
};

struct Reading {
  std::vector<ClaimFound> claims;      // by first sentence
  std::vector<Signal> signals;         // in the article's order
  std::vector<std::size_t> unmatched;  // sentences: a health claim about magnesium, no claim
};

// An article's stance on a claim from its sentences' stances: the side that
// at least twice as many sentences take (a mixed sentence counts half to
// each side), else mixed. One sentence decides alone.
StanceKind article_stance(const std::vector<SentenceStance>& sentences);

// Then a claim the article supports is mixed where the article opposes a
// claim it implies or supports one it denies (Claim::implies, denies),
// judged on the stances article_stance gave.
void apply_implications(std::vector<ClaimFound>& claims);

class Matcher {
 public:
  // Compiles every claim's patterns and the cues; throws DataError when the
  // stemmer cannot start (the patterns were checked when the data loaded).
  explicit Matcher(const Dataset& ds);
  ~Matcher();
  Matcher(const Matcher&) = delete;
  Matcher& operator=(const Matcher&) = delete;

  Reading read(const Document& doc) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mgcramp::check
