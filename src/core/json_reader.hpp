#pragma once
// Internal: typed, position-aware reading of a parsed JSON document. Every
// error names the file and the JSON Pointer of the field, e.g.
//   mydata.json: /intakes/3/rda_mg: expected a non-negative number, got "lots"
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "mgcramp/model/enums.hpp"

namespace mgcramp::detail {

using nlohmann::json;

// Parses `text`, rejecting duplicate keys and excessive nesting. Syntax
// errors are reported as "origin:line:column: message".
json parse_json(std::string_view text, const std::string& origin);

// "/a~1b" style escaping of one reference token.
std::string pointer_token(std::string_view key);

// Short description of a value for messages: "lots" (quoted), 3.5, null, an object...
std::string describe(const json& j);

// Throws DataError "origin: pointer: message" with `hint`, or when it is empty
// with schema_hint(pointer). The hint is sanitized: it may quote the data.
[[noreturn]] void fail(const std::string& origin, const std::string& pointer,
                       const std::string& message, std::string hint = {});

// Where data/SCHEMA.md describes the field at `pointer`.
std::string schema_hint(std::string_view pointer);

// A reference from one record to another, checked once all tables are read.
struct Ref {
  std::string id;
  std::string pointer;
};

class Obj {
 public:
  Obj(const json& j, std::string pointer, const std::string& origin);

  // Declares the fields this object may have, in schema order (names with
  // static storage). done() refuses any other key, a missing field's hint can
  // spot a misspelt key, and reading an undeclared field is a programming
  // error (std::logic_error), so the list cannot drift from the reader.
  template <std::size_t N>
  void fields(const std::string_view (&names)[N]) {
    fields_ = names;
    n_fields_ = N;
  }

  const std::string& pointer() const { return pointer_; }
  const std::string& origin() const { return origin_; }
  std::string child(std::string_view key) const { return pointer_ + "/" + pointer_token(key); }

  // Strings hold text: something other than whitespace.
  std::string str(std::string_view key);                     // required
  std::optional<std::string> opt_str(std::string_view key);  // absent or null: nullopt
  std::string id(std::string_view key);                      // required, kebab-case id
  std::string ref(std::string_view key);  // required id of another record, not yet checked
  std::optional<std::string> opt_ref(std::string_view key);
  double number(std::string_view key);                     // required, finite, >= 0
  double real(std::string_view key);                       // required, finite, any sign
  std::optional<double> opt_real(std::string_view key);    // absent or null: nullopt
  std::optional<double> opt_number(std::string_view key);  // absent or null: nullopt
  long long integer(std::string_view key, long long min, long long max);
  std::optional<long long> opt_integer(std::string_view key, long long min, long long max);
  bool boolean(std::string_view key);
  std::optional<bool> opt_boolean(std::string_view key);
  std::string choice(std::string_view key, const std::vector<std::string>& allowed);
  std::optional<std::string> opt_choice(std::string_view key,
                                        const std::vector<std::string>& allowed);
  // One of the names of enumeration E.
  template <class E>
  E enumerated(std::string_view key) {
    return *enum_from<E>(choice(key, enum_names<E>()));
  }
  template <class E>
  std::optional<E> opt_enumerated(std::string_view key) {
    const auto s = opt_choice(key, enum_names<E>());
    return s ? enum_from<E>(*s) : std::nullopt;
  }
  std::vector<std::string> strings(std::string_view key, bool required = true);
  // Required list of ids; each element is recorded in `refs` with its pointer.
  std::vector<std::string> refs(std::string_view key, std::vector<Ref>& refs,
                                bool non_empty = true);
  const json& array(std::string_view key);  // required array
  const json* opt_array(std::string_view key);
  Obj object(std::string_view key);  // required object
  std::optional<Obj> opt_object(std::string_view key);
  const json& raw(std::string_view key);  // required, any type

  // Rejects keys that are not declared fields (typos, stray fields).
  void done() const;

  [[noreturn]] void fail_at(std::string_view key, const std::string& message,
                            std::string hint = {}) const;

 private:
  const json* find(std::string_view key) const;
  const json& require(std::string_view key) const;
  bool declared(std::string_view key) const;
  std::vector<std::string> field_names() const;
  // The text of `v` at `pointer`, failing unless it is a string with text.
  const std::string& text_of(const json& v, const std::string& pointer, bool nullable) const;
  // Fails when the reference `id` at `pointer` has whitespace around it.
  void check_ref(const std::string& id, const std::string& pointer) const;

  const json* j_;
  std::string pointer_;
  const std::string& origin_;
  const std::string_view* fields_ = nullptr;
  std::size_t n_fields_ = 0;
};

bool is_id(std::string_view s);

// The first item of `items` (in order) equal to an earlier one, as
// {first occurrence, repeat}; nullopt when all differ. O(n log n).
std::optional<std::pair<std::size_t, std::size_t>> first_repeat(
    const std::vector<std::string>& items);

// `s` without leading and trailing whitespace: ASCII and Unicode White_Space
// (no-break, ideographic and other spaces) and the invisible zero-width
// space, joiners and BOM. Empty when `s` holds nothing else.
std::string_view trim(std::string_view s);

}  // namespace mgcramp::detail
