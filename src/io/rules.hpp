#pragma once
// Internal: the rules the loader checks that involve several fields of a
// record (EAR below RDA, a food's figures against its USDA values, a
// confidence interval around its estimate), and the messages for them. The
// checks of one field (types, ranges, ids, references, dates) follow from the
// descriptions in model/schema.hpp; these are the rest. Each check is called
// once the loader has read the whole record.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mgcramp/model/records.hpp"

namespace mgcramp::io {

// Throws DataError "origin: pointer: message" with `hint`, or, when the hint
// is empty, where data/SCHEMA.md describes the field.
[[noreturn]] void fail(const std::string& origin, const std::string& pointer,
                       const std::string& message, std::string hint = {});

// Where data/SCHEMA.md describes the field at `pointer`: the hint of an
// error that has no better one.
std::string schema_hint(std::string_view pointer);

// A value quoted for a message: "lots", cut after 40 columns, escaped.
std::string quoted(std::string_view s);

// The first item of `items` equal to an earlier one, as {first occurrence,
// repeat}; nullopt when all differ. O(n log n).
std::optional<std::pair<std::size_t, std::size_t>> first_repeat(
    const std::vector<std::string>& items);

// Where a record is: its JSON Pointer, made only for a message.
class Where {
 public:
  virtual std::string pointer() const = 0;

 protected:
  ~Where() = default;
};

// A fixed place.
class At final : public Where {
 public:
  explicit At(std::string pointer) : pointer_(std::move(pointer)) {}
  std::string pointer() const override { return pointer_; }

 private:
  std::string pointer_;
};

// The rules' view of the record they check: where it is, for messages.
class Rules {
 public:
  Rules(const std::string& origin, const Where& where) : origin_(origin), where_(where) {}
  [[noreturn]] void fail(std::string_view key, const std::string& message,
                         std::string hint = {}) const;
  const std::string& origin() const { return origin_; }
  std::string pointer() const { return where_.pointer(); }

 private:
  const std::string& origin_;
  const Where& where_;
};

// The rules of each kind of record; those without rules have none.
void check(const Source& s, const Rules& r);
void check(const Intake& in, const Rules& r);
void check(const DailyValue& dv, const Rules& r);
void check(const Food& f, const Rules& r);
void check(const Form& f, const Rules& r);
void check(const Outcome& o, const Rules& r);
void check(const Study& s, const Rules& r);
void check(const Claim& c, const Rules& r);
void check(const Cue& c, const Rules& r);
void check(const Remedy& m, const Rules& r);
void check(const Medicine& m, const Rules& r);
template <class T>
void check(const T&, const Rules&) {}

// A form's formula, water of hydration and elemental percentage against the
// atomic masses (read anywhere in the file, so checked after it).
void check_formula(const Form& f, const AtomicMasses& masses, const Rules& r);

// For the three checks below, `first` is the index from which records are
// new (an overlay's, after the dataset's own): only those are checked, and
// errors count their index from it.

// Rows for the same people must not overlap in age.
void check_intake_overlaps(const Dataset& ds, const std::string& origin, std::size_t first = 0);

// A symptom's basis against its sources: `reference` cites a reference
// source, `article-only` cites an article and no reference.
void check_symptom_basis(const Dataset& ds, const std::string& origin, std::size_t first = 0);

// Every claim's cue patterns parse, and each "@id" names a cue
// (data/SCHEMA.md "Cue patterns"); checked once the cues are read.
void check_cue_patterns(const Dataset& ds, const std::string& origin, std::size_t first = 0);

}  // namespace mgcramp::io
